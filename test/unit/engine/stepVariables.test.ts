import { strict as assert } from 'assert';
import { VirtualClock } from '../../../src/engine/clock';
import { VariableRecorder } from '../../../src/engine/interpreter/stepVariables';
import type { Value } from '../../../src/engine/value';
import { run } from './harness';

const LOOP = `main:
  params: [args]
  steps:
    - init:
        assign:
          - total: 0
          - big: \${args.big}
    - loop:
        for:
          value: v
          in: [1, 2]
          steps:
            - add:
                assign:
                  - total: \${total + v}
    - check:
        switch:
          - condition: \${total > 100}
            raise: "too big"
    - done:
        return: \${total}
`;

/** Finished entries as [entryId, step, stepType, expectedIteration, variables]. */
function finished(entries: Awaited<ReturnType<typeof run>>['entries']): unknown[] {
  return entries
    .filter((e) => e.state !== 'STATE_IN_PROGRESS')
    .sort((a, b) => a.entryId - b.entryId)
    .map((e) => [e.entryId, e.step, e.stepType, e.expectedIteration ?? null, e.variables ?? null]);
}

describe('engine: variables of detailed step history', () => {
  it('records the variables in scope when each step ends, integers exact, loop locals in their iteration', async () => {
    const r = await run(LOOP, undefined, { argumentJson: '{"big": 9223372036854775807}', clock: new VirtualClock(0), recordVariables: true });
    assert.equal(r.result, 3);
    const args = '"args":{"big":9223372036854775807}';
    assert.deepEqual(finished(r.entries), [
      [1, 'init', 'STEP_ASSIGN', null, `{${args},"total":0,"big":9223372036854775807}`],
      [2, 'loop', 'STEP_FOR', null, `{${args},"total":3,"big":9223372036854775807}`],
      [3, 'loop', 'STEP_FOR_ITERATION', 2, `{${args},"total":1,"big":9223372036854775807,"v":1}`],
      [4, 'add', 'STEP_ASSIGN', null, `{${args},"total":1,"big":9223372036854775807,"v":1}`],
      [5, 'loop', 'STEP_FOR_ITERATION', 2, `{${args},"total":3,"big":9223372036854775807,"v":2}`],
      [6, 'add', 'STEP_ASSIGN', null, `{${args},"total":3,"big":9223372036854775807,"v":2}`],
      [7, 'check', 'STEP_SWITCH', null, `{${args},"total":3,"big":9223372036854775807}`],
      [8, 'done', 'STEP_RETURN', null, `{${args},"total":3,"big":9223372036854775807}`],
    ]);
  });

  it('records nothing, not even a snapshot, when the host does not ask (basic history)', async () => {
    const r = await run(LOOP, { big: 1 }, { clock: new VirtualClock(0) });
    assert.equal(r.result, 3);
    assert.deepEqual(r.entries.filter((e) => e.variables !== undefined), []);
    assert.deepEqual(finished(r.entries).map((e) => (e as unknown[])[3]), [null, null, 2, null, 2, null, null, null]);
  });

  it('records the variables of a failing step with its error', async () => {
    const src = 'main:\n  steps:\n    - a:\n        assign:\n          - n: 5\n    - boom:\n        raise: ${"n is " + string(n)}\n';
    const r = await run(src, undefined, { clock: new VirtualClock(0), recordVariables: true });
    const boom = r.entries.find((e) => e.step === 'boom' && e.state === 'STATE_FAILED');
    assert.deepEqual([boom?.exceptionPayload, boom?.variables], ['"n is 5"', '{"n":5}']);
  });

  it('counts the branches a parallel step expects and keeps each branch its own variables', async () => {
    const src = `main:
  steps:
    - p:
        parallel:
          shared: [out]
          branches:
            - one:
                steps:
                  - s1:
                      assign:
                        - mine: 1
            - two:
                steps:
                  - s2:
                      assign:
                        - mine: 2
`;
    const r = await run(`main:\n  steps:\n    - init:\n        assign:\n          - out: 0\n${src.split('\n').slice(2).join('\n')}`, undefined, {
      clock: new VirtualClock(0),
      recordVariables: true,
    });
    const branches = r.entries
      .filter((e) => e.stepType === 'STEP_PARALLEL_BRANCH_ENTRY' && e.state === 'STATE_SUCCEEDED')
      .map((e) => [e.step, e.threadId, e.progressNumber, e.expectedIteration, e.variables])
      .sort();
    assert.deepEqual(branches, [
      ['one', '1', 1, 2, '{"out":0,"mine":1}'],
      ['two', '2', 2, 2, '{"out":0,"mine":2}'],
    ]);
  });

  it('records unrepresentable values and oversized ones as strings saying so, and stops at the budget', () => {
    const recorder = new VariableRecorder(190);
    const vars = new Map<string, Value>([
      ['b', new Uint8Array(3)],
      ['nested', [new Map<string, Value>([['x', Number.POSITIVE_INFINITY]])]],
      ['huge', 'x'.repeat(40_000)],
      ['n', 1n],
    ]);
    assert.equal(
      recorder.encode(vars),
      '{"b":"<bytes: 3 bytes, not representable as JSON>","nested":"<a value with bytes or a non-finite double inside, not representable as JSON>","huge":"<too large to record: 40002 bytes>","n":1}',
    );
    assert.equal(recorder.encode(new Map([['n', 1n]])), undefined);
  });
});
