import { strict as assert } from 'assert';
import { VirtualClock } from '../../../src/engine/clock';
import { run } from './harness';

describe('engine step history', () => {
  it('emits each entry in progress, then finished with the same id, with types, progress and parents', async () => {
    const src = `main:
  steps:
    - init:
        assign:
          - n: 0
    - loop:
        for:
          value: v
          in: [1, 2]
          steps:
            - pick:
                switch:
                  - condition: \${v == 2}
                    next: continue
            - bump:
                call: add_one
                args: {x: "\${n}"}
                result: n
    - jump:
        next: done
    - skipped:
        return: 0
    - done:
        return: \${n}
add_one:
  params: [x]
  steps:
    - r:
        return: \${x + 1}
`;
    const r = await run(src, undefined, { clock: new VirtualClock(0) });
    assert.equal(r.result, 1);
    const started = r.entries.filter((e) => e.state === 'STATE_IN_PROGRESS').map((e) => e.entryId);
    const finished = r.entries.filter((e) => e.state !== 'STATE_IN_PROGRESS').map((e) => e.entryId);
    assert.deepEqual([...started].sort((a, b) => a - b), [...finished].sort((a, b) => a - b));
    const byId = new Map(r.entries.filter((e) => e.state !== 'STATE_IN_PROGRESS').map((e) => [e.entryId, e]));
    const summary = [...byId.values()]
      .sort((a, b) => a.entryId - b.entryId)
      .map((e) => [e.entryId, e.routine, e.step, e.stepType, e.state, e.progressType ?? null, e.progressNumber ?? null, e.parentEntryId ?? null]);
    assert.deepEqual(summary, [
      [1, 'main', 'init', 'STEP_ASSIGN', 'STATE_SUCCEEDED', null, null, null],
      [2, 'main', 'loop', 'STEP_FOR', 'STATE_SUCCEEDED', null, null, null],
      [3, 'main', 'loop', 'STEP_FOR_ITERATION', 'STATE_SUCCEEDED', 'PROGRESS_TYPE_FOR', 1, 2],
      [4, 'main', 'pick', 'STEP_SWITCH', 'STATE_SUCCEEDED', null, null, null],
      [5, 'main', 'bump', 'STEP_CALL', 'STATE_SUCCEEDED', null, null, null],
      [6, 'add_one', 'r', 'STEP_RETURN', 'STATE_SUCCEEDED', null, null, null],
      [7, 'main', 'loop', 'STEP_FOR_ITERATION', 'STATE_SUCCEEDED', 'PROGRESS_TYPE_FOR', 2, 2],
      [8, 'main', 'pick', 'STEP_SWITCH', 'STATE_SUCCEEDED', null, null, null],
      [9, 'main', 'pick', 'STEP_CONDITION', 'STATE_SUCCEEDED', 'PROGRESS_TYPE_SWITCH', 1, 8],
      [10, 'main', 'jump', 'STEP_GOTO', 'STATE_SUCCEEDED', null, null, null],
      [11, 'main', 'done', 'STEP_RETURN', 'STATE_SUCCEEDED', null, null, null],
    ]);
    assert.ok(r.entries.every((e) => e.threadId === '' && e.createTime === 0));
  });

  it('records the failing step with the error payload', async () => {
    const r = await run(`
- bad:
    raise: {message: "no", tags: ["Custom"]}
`);
    const last = r.entries[r.entries.length - 1];
    assert.deepEqual(
      { step: last.step, type: last.stepType, state: last.state, payload: last.exceptionPayload },
      { step: 'bad', type: 'STEP_RAISE', state: 'STATE_FAILED', payload: '{"message":"no","tags":["Custom"]}' },
    );
  });

  it('reports the current steps of every running thread', async () => {
    const seen: string[] = [];
    await run(
      `
- p:
    parallel:
      branches:
        - a:
            steps:
              - wait_a:
                  call: sys.sleep
                  args: {seconds: 1}
        - b:
            steps:
              - wait_b:
                  call: sys.sleep
                  args: {seconds: 1}
- end_step:
    return: 1
`,
      undefined,
      { onCurrentSteps: (steps) => seen.push(steps.map((s) => `${s.routine}.${s.step}`).join(',')) },
    );
    assert.deepEqual(seen, ['main.p', 'main.wait_a', 'main.wait_a,main.wait_b', 'main.end_step']);
  });
});
