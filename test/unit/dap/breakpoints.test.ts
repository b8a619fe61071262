import * as assert from 'node:assert/strict';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { collectOutput, fixture, launch, stackOf, withAdapter, variablesOf } from './harness';

const BASICS = fixture('basics');

describe('dap: breakpoints', () => {
  const adapter = withAdapter();

  it('verifies a line inside a step at that line and moves a line outside every step to the next step', async () => {
    const { dc } = adapter;
    const { breakpoints, firstStop } = await launch(dc, {
      args: { program: BASICS, argument: { name: 'Ada' } },
      breakpoints: [{ file: BASICS, breakpoints: [{ line: 3 }, { line: 17 }, { line: 29 }, { line: 99 }] }],
    });
    assert.deepEqual(
      breakpoints[0].map((b) => ({ verified: b.verified, line: b.line, message: b.message })),
      [
        { verified: true, line: 4, message: undefined },
        { verified: true, line: 17, message: undefined },
        { verified: true, line: 33, message: undefined },
        { verified: false, line: 99, message: 'No step at or after this line.' },
      ],
    );
    const stop = await firstStop;
    assert.equal(stop.body.reason, 'breakpoint');
    assert.deepEqual(await stackOf(dc, stop.body.threadId), [{ name: 'main › init', line: 4, file: 'basics.workflows.yaml' }]);
  });

  it('stops before the step runs, at every iteration of a for body', async () => {
    const { dc } = adapter;
    const { firstStop } = await launch(dc, { args: { program: BASICS, argument: { name: 'Ada' } }, breakpoints: [{ file: BASICS, breakpoints: [{ line: 16 }] }] });
    const first = await firstStop;
    assert.deepEqual(await stackOf(dc, first.body.threadId), [{ name: 'main › bump', line: 15, file: 'basics.workflows.yaml' }]);
    assert.ok((await variablesOf(dc, first.body.threadId)).includes('count = 0'));
    const second = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: first.body.threadId });
    await second;
    assert.ok((await variablesOf(dc, first.body.threadId)).includes('count = 1'));
    assert.ok((await variablesOf(dc, first.body.threadId)).includes('item = "b"'));
  });

  it('stops on a conditional breakpoint only when the workflow expression is true', async () => {
    const { dc } = adapter;
    const { firstStop } = await launch(dc, {
      args: { program: BASICS, argument: { name: 'Ada' } },
      breakpoints: [{ file: BASICS, breakpoints: [{ line: 15, condition: 'count > 0' }] }],
    });
    const stop = await firstStop;
    assert.deepEqual((await variablesOf(dc, stop.body.threadId)).filter((v) => /^(count|item) /.test(v)), ['count = 1', 'item = "b"']);
  });

  it('honours hit counts', async () => {
    const { dc } = adapter;
    const { firstStop } = await launch(dc, { args: { program: BASICS, argument: { name: 'Ada' } }, breakpoints: [{ file: BASICS, breakpoints: [{ line: 15, hitCondition: '2' }] }] });
    const stop = await firstStop;
    assert.ok((await variablesOf(dc, stop.body.threadId)).includes('item = "b"'));
  });

  it('prints logpoints with {expression} interpolation and does not stop', async () => {
    const { dc } = adapter;
    const output = collectOutput(dc);
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await launch(dc, {
      args: { program: BASICS, argument: { name: 'Ada' } },
      breakpoints: [{ file: BASICS, breakpoints: [{ line: 15, logMessage: 'item {item}: {{count}} = {count}, {nope}' }] }],
    });
    assert.equal((await exited).body.exitCode, 0);
    assert.equal(
      output.text('console'),
      'item a: {count} = 0, <KeyError: Variable "nope" is not defined>\nitem b: {count} = 1, <KeyError: Variable "nope" is not defined>\n',
    );
  });

  it('refuses a condition, hit count or log message that does not parse, saying why', async () => {
    const { dc } = adapter;
    const { breakpoints } = await launch(dc, {
      args: { program: BASICS, argument: { name: 'Ada' }, stopOnEntry: true },
      breakpoints: [{ file: BASICS, breakpoints: [{ line: 15, condition: 'count >' }, { line: 16, hitCondition: 'often' }, { line: 17, logMessage: 'open {count' }] }],
    });
    assert.deepEqual(
      breakpoints[0].map((b) => [b.verified, b.message]),
      [
        [false, 'Invalid condition `count >`: expected an expression, found the end of the expression (1:8)\n | count >\n |        ^'],
        [false, 'Invalid hit count "often": use a number, optionally after >, >=, ==, <, <= or %'],
        [false, 'Invalid log message: "{" at 6 is not closed (write "{{" for a literal brace)'],
      ],
    );
  });

  it('answers breakpoints in a file outside the session as unverified', async () => {
    const { dc } = adapter;
    const { breakpoints } = await launch(dc, {
      args: { program: BASICS, argument: { name: 'Ada' }, workflows: [BASICS], stopOnEntry: true },
      breakpoints: [{ file: fixture('errors'), breakpoints: [{ line: 4 }] }],
    });
    assert.deepEqual(breakpoints[0].map((b) => [b.verified, b.message]), [[false, 'This file is not part of the debug session: add it (or its folder) to "workflows".']]);
  });
});
