import * as assert from 'node:assert/strict';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { collectOutput, fixture, launch, stackOf, withAdapter, topFrameId, variablesOf } from './harness';

const BASICS = fixture('basics');
const ARGS = { program: BASICS, argument: { name: 'Ada' } };

describe('dap: stack, variables, evaluate, setVariable', () => {
  const adapter = withAdapter();

  it('shows one frame per routine call with its step and line', async () => {
    const { dc } = adapter;
    const { firstStop } = await launch(dc, { args: ARGS, breakpoints: [{ file: BASICS, breakpoints: [{ line: 35 }] }] });
    const stop = await firstStop;
    assert.deepEqual(await stackOf(dc, stop.body.threadId), [
      { name: 'greet_sub › build', line: 33, file: 'basics.workflows.yaml' },
      { name: 'main › greet', line: 22, file: 'basics.workflows.yaml' },
    ]);
    assert.deepEqual(await variablesOf(dc, stop.body.threadId, 'Locals', 0), ['who = "Ada"']);
    assert.deepEqual(await variablesOf(dc, stop.body.threadId, 'Locals', 1), [
      'args = {"name": "Ada"}',
      'count = 2',
      'name = "Ada"',
      'items = ["a", "b"]',
      'info = {"ratio": 1.5, "nothing": null, "big": 9007199254740993}',
    ]);
  });

  it('expands maps and lists, with evaluate names that read them back', async () => {
    const { dc } = adapter;
    const { firstStop } = await launch(dc, { args: ARGS, breakpoints: [{ file: BASICS, breakpoints: [{ line: 27 }] }] });
    const stop = await firstStop;
    const frameId = await topFrameId(dc, stop.body.threadId);
    const locals = (await dc.scopesRequest({ frameId })).body.scopes[0];
    const vars = (await dc.variablesRequest({ variablesReference: locals.variablesReference })).body.variables;
    const info = vars.find((v) => v.name === 'info') as DebugProtocol.Variable;
    assert.equal(info.type, 'map');
    assert.equal(info.namedVariables, 3);
    const inner = (await dc.variablesRequest({ variablesReference: info.variablesReference })).body.variables;
    assert.deepEqual(
      inner.map((v) => [v.name, v.value, v.type, v.evaluateName]),
      [
        ['ratio', '1.5', 'double', 'info.ratio'],
        ['nothing', 'null', 'null', 'info.nothing'],
        ['big', '9007199254740993', 'integer', 'info.big'],
      ],
    );
    const items = vars.find((v) => v.name === 'items') as DebugProtocol.Variable;
    const list = (await dc.variablesRequest({ variablesReference: items.variablesReference })).body.variables;
    assert.deepEqual(list.map((v) => [v.name, v.value, v.evaluateName]), [['0', '"a"', 'items[0]'], ['1', '"b"', 'items[1]']]);
  });

  it('evaluates workflow expressions in the stopped frame, answering with the language errors', async () => {
    const { dc } = adapter;
    const { firstStop } = await launch(dc, { args: ARGS, breakpoints: [{ file: BASICS, breakpoints: [{ line: 27 }] }] });
    const frameId = await topFrameId(dc, (await firstStop).body.threadId);
    const answer = async (expression: string, context = 'repl'): Promise<string> => {
      try {
        return (await dc.evaluateRequest({ expression, frameId, context })).body.result;
      } catch (e) {
        return `error: ${(e as Error).message}`;
      }
    };
    assert.equal(await answer('text.split(greeting, " ")[1]'), '"Ada"');
    assert.equal(await answer('${count * 1.5}', 'hover'), '3.0');
    assert.equal(await answer('len(items) + count'), '4');
    assert.equal(await answer('nope'), 'error: KeyError: Variable "nope" is not defined');
    assert.equal(await answer('count +'), 'error: ValueError: expected an expression, found the end of the expression (1:8)\n | count +\n |        ^');
    assert.equal(await answer('greet_sub("x")'), 'error: TypeError: The debugger does not call subworkflows ("greet_sub") while the workflow is stopped');
  });

  it('sets a variable from a workflow expression, also inside a map, and the run uses it', async () => {
    const { dc } = adapter;
    const output = collectOutput(dc);
    const { firstStop } = await launch(dc, { args: ARGS, breakpoints: [{ file: BASICS, breakpoints: [{ line: 27 }] }] });
    const stop = await firstStop;
    const frameId = await topFrameId(dc, stop.body.threadId);
    const locals = (await dc.scopesRequest({ frameId })).body.scopes[0].variablesReference;
    const set = await dc.setVariableRequest({ variablesReference: locals, name: 'count', value: 'count * 10 + 1' });
    assert.deepEqual([set.body.value, set.body.type], ['21', 'integer']);
    const info = (await dc.variablesRequest({ variablesReference: locals })).body.variables.find((v) => v.name === 'info') as DebugProtocol.Variable;
    const ratio = await dc.setVariableRequest({ variablesReference: info.variablesReference, name: 'ratio', value: '"high"' });
    assert.equal(ratio.body.value, '"high"');
    assert.equal((await dc.evaluateRequest({ expression: 'info.ratio', frameId })).body.result, '"high"');
    await assert.rejects(dc.setVariableRequest({ variablesReference: locals, name: 'count', value: 'count +' }), /ValueError: expected an expression/);
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await dc.continueRequest({ threadId: stop.body.threadId });
    assert.equal((await exited).body.exitCode, 0);
    assert.equal(output.text('stdout'), 'hello Ada\nresult: "Hi Ada x21"\n');
  });
});
