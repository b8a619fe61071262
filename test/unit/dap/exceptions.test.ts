import * as assert from 'node:assert/strict';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { collectOutput, fixture, launch, stackOf, withAdapter } from './harness';

const ERRORS = fixture('errors');

describe('dap: exception breakpoints and the end of a run', () => {
  const adapter = withAdapter();

  it('offers "Raised errors" and "Uncaught errors" with a tag condition', async () => {
    const init = await adapter.dc.initializeRequest();
    assert.deepEqual(
      init.body?.exceptionBreakpointFilters?.map((f) => [f.filter, f.label, f.supportsCondition]),
      [
        ['raised', 'Raised errors', true],
        ['uncaught', 'Uncaught errors', true],
      ],
    );
  });

  it('stops where a caught error is raised with "Raised errors" and describes it', async () => {
    const { dc } = adapter;
    const { firstStop } = await launch(dc, { args: { program: ERRORS }, exceptions: [{ filterId: 'raised', condition: 'KeyError' }] });
    const stop = await firstStop;
    assert.deepEqual([stop.body.reason, stop.body.description, stop.body.text], ['exception', 'Raised error', 'KeyError: Key "nope" not found']);
    assert.deepEqual(await stackOf(adapter.dc, stop.body.threadId), [{ name: 'main › bad_read', line: 9, file: 'errors.workflows.yaml' }]);
    const info = await dc.exceptionInfoRequest({ threadId: stop.body.threadId });
    assert.deepEqual([info.body.exceptionId, info.body.description, info.body.breakMode], ['KeyError', 'Key "nope" not found', 'always']);
    // The tag filter skips the HttpError raised later: the run ends.
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await dc.continueRequest({ threadId: stop.body.threadId });
    assert.equal((await exited).body.exitCode, 1);
  });

  it('with "Uncaught errors" passes the handled error and stops at the one that fails the run', async () => {
    const { dc } = adapter;
    const { firstStop } = await launch(dc, { args: { program: ERRORS }, exceptions: [{ filterId: 'uncaught' }] });
    const stop = await firstStop;
    assert.deepEqual([stop.body.reason, stop.body.description, stop.body.text], ['exception', 'Uncaught error', 'HttpError: boom']);
    assert.deepEqual(await stackOf(dc, stop.body.threadId), [{ name: 'main › fail', line: 18, file: 'errors.workflows.yaml' }]);
    assert.equal((await dc.exceptionInfoRequest({ threadId: stop.body.threadId })).body.breakMode, 'unhandled');
  });

  it('filters raised errors by tag', async () => {
    const { dc } = adapter;
    const { firstStop } = await launch(dc, { args: { program: ERRORS }, exceptions: [{ filterId: 'raised', condition: 'HttpError, TimeoutError' }] });
    const stop = await firstStop;
    assert.equal(stop.body.text, 'HttpError: boom');
  });

  it('prints a failure as JSON, then terminated and exited 1', async () => {
    const { dc } = adapter;
    const output = collectOutput(dc);
    const events: string[] = [];
    dc.on('terminated', () => events.push('terminated'));
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await launch(dc, { args: { program: ERRORS } });
    assert.equal((await exited).body.exitCode, 1);
    assert.deepEqual(events, ['terminated']);
    assert.equal(output.text('stderr'), 'error: {\n  "message": "boom",\n  "tags": [\n    "HttpError"\n  ]\n}\n');
  });

  it('prints sys.log lines as they happen and the result as JSON, then exits 0', async () => {
    const { dc } = adapter;
    const output = collectOutput(dc);
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await launch(dc, { args: { program: fixture('basics'), argument: { name: 'Ada' } } });
    assert.equal((await exited).body.exitCode, 0);
    assert.equal(output.text('stdout'), 'hello Ada\nresult: "Hi Ada x2"\n');
  });

  it('takes the argument as JSON text, empty text meaning none, as Debug Workflow passes it', async () => {
    const { dc } = adapter;
    const output = collectOutput(dc);
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await launch(dc, { args: { program: fixture('parallel'), argumentJson: '' } });
    assert.equal((await exited).body.exitCode, 0);
    assert.equal(output.text('stdout'), 'result: 21\n');
  });

  it('cancels the run on terminate: exited 1', async () => {
    const { dc } = adapter;
    const output = collectOutput(dc);
    const { firstStop } = await launch(dc, { args: { program: fixture('basics'), argument: { name: 'Ada' }, stopOnEntry: true } });
    await firstStop;
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await dc.terminateRequest();
    assert.equal((await exited).body.exitCode, 1);
    assert.match(output.text('stderr'), /^cancelled: /);
  });
});
