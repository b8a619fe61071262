import * as assert from 'node:assert/strict';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { fixture, launch, stackOf, withAdapter, variablesOf } from './harness';

const PARALLEL = fixture('parallel');

describe('dap: parallel threads', () => {
  const adapter = withAdapter();

  it('stops in a branch on its own thread, with Locals and Shared scopes', async () => {
    const { dc } = adapter;
    const threadEvents: string[] = [];
    dc.on('thread', (e: DebugProtocol.ThreadEvent) => threadEvents.push(`${e.body.reason} ${e.body.threadId}`));
    const { firstStop } = await launch(dc, { args: { program: PARALLEL }, breakpoints: [{ file: PARALLEL, breakpoints: [{ line: 18 }] }] });
    const stop = await firstStop;
    const threads = (await dc.threadsRequest()).body.threads;
    const stopped = threads.find((t) => t.id === stop.body.threadId);
    assert.equal(stopped?.name, 'branch b2');
    assert.equal(threads[0].name, 'main');
    assert.deepEqual(await stackOf(dc, stop.body.threadId), [{ name: 'main › add2', line: 17, file: 'parallel.workflows.yaml' }]);
    assert.deepEqual(await variablesOf(dc, stop.body.threadId, 'Shared'), ['total = 1']);
    assert.deepEqual(await variablesOf(dc, stop.body.threadId, 'Locals'), []);
    assert.ok(threadEvents.includes(`started ${stop.body.threadId}`));
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await dc.continueRequest({ threadId: stop.body.threadId });
    assert.equal((await exited).body.exitCode, 0);
    assert.ok(threadEvents.includes(`exited ${stop.body.threadId}`));
  });

  it('names parallel for iterations and keeps shared updates whole while one is stopped', async () => {
    const { dc } = adapter;
    const output: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => output.push(e.body.output));
    const { firstStop } = await launch(dc, { args: { program: PARALLEL }, breakpoints: [{ file: PARALLEL, breakpoints: [{ line: 28, condition: 'n == 4' }] }] });
    const stop = await firstStop;
    const threads = (await dc.threadsRequest()).body.threads;
    assert.equal(threads.find((t) => t.id === stop.body.threadId)?.name, 'iteration 3');
    assert.deepEqual(await variablesOf(dc, stop.body.threadId, 'Locals'), ['n = 4']);
    const frameId = (await dc.stackTraceRequest({ threadId: stop.body.threadId })).body.stackFrames[0].id;
    await dc.setVariableRequest({ variablesReference: (await dc.scopesRequest({ frameId })).body.scopes[1].variablesReference, name: 'total', value: 'total + 100' });
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await dc.continueRequest({ threadId: stop.body.threadId });
    assert.equal((await exited).body.exitCode, 0);
    assert.ok(output.includes('result: 121\n'), output.join(''));
  });

  it('holds every other thread while one is stopped, and resumes them all', async () => {
    const { dc } = adapter;
    const race = fixture('race');
    const { firstStop } = await launch(dc, { args: { program: race }, breakpoints: [{ file: race, breakpoints: [{ line: 12 }] }] });
    const first = await firstStop;
    assert.equal(first.body.allThreadsStopped, true);
    assert.deepEqual((await dc.threadsRequest()).body.threads.map((t) => t.name), ['main', 'branch slow', 'branch busy']);
    const before = await variablesOf(dc, first.body.threadId, 'Shared');
    // Many round trips later the busy branch has not moved: it waits at its next step.
    for (let i = 0; i < 5; i++) await dc.threadsRequest();
    assert.deepEqual(await variablesOf(dc, first.body.threadId, 'Shared'), before);
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    const output: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => output.push(e.body.output));
    await dc.continueRequest({ threadId: first.body.threadId });
    assert.equal((await exited).body.exitCode, 0);
    assert.deepEqual(output, ['result: 501\n']);
  });
});
