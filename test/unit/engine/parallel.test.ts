import { strict as assert } from 'assert';
import { RealClock, VirtualClock } from '../../../src/engine/clock';
import { failure, result, run } from './harness';

const fourSleeps = (seconds: number): string => `
- init:
    assign:
      - done: []
- p:
    parallel:
      shared: [done]
      for:
        value: i
        in: [1, 2, 3, 4]
        steps:
          - wait:
              call: sys.sleep
              args:
                seconds: ${seconds}
          - record:
              assign:
                - done: \${list.concat(done, i)}
- r:
    return: \${len(done)}
`;

describe('engine parallel', () => {
  it('runs four 10-second sleeps concurrently: virtual t = 10 s, real time under a second', async () => {
    const clock = new VirtualClock(0);
    const t0 = Date.now();
    assert.equal(await result(fourSleeps(10), undefined, { clock }), 4);
    assert.equal(clock.now(), 10_000);
    assert.ok(Date.now() - t0 < 1000);
  });

  it('runs concurrently on the real clock too', async () => {
    const t0 = Date.now();
    assert.equal(await result(fourSleeps(0.2), undefined, { clock: new RealClock() }), 4);
    // Sequential sleeps would take 800 ms; concurrency finishes near 200 ms. The bound is loose for busy machines.
    assert.ok(Date.now() - t0 < 750, `took ${Date.now() - t0} ms`);
  });

  it('queues branches beyond concurrency_limit', async () => {
    const src = fourSleeps(10).replace('shared: [done]', 'shared: [done]\n      concurrency_limit: 2');
    const clock = new VirtualClock(0);
    assert.equal(await result(src, undefined, { clock }), 4);
    assert.equal(clock.now(), 20_000);
  });

  it('shares listed variables and keeps other branch variables private', async () => {
    const src = `
- init:
    assign:
      - total: 0
      - untouched: 1
- p:
    parallel:
      shared: [total]
      branches:
        - a:
            steps:
              - s:
                  assign:
                    - total: \${total + 1}
                    - mine: \${untouched}
        - b:
            steps:
              - s:
                  assign:
                    - total: \${total + 10}
                    - mine: b
- r:
    return: \${[total, untouched]}
`;
    assert.deepEqual(await result(src), [11, 1]);
  });

  it('refuses a write to a variable around the parallel step that shared does not list, at the writing step', async () => {
    const src = `
- init:
    assign:
      - untouched: 1
- p:
    parallel:
      branches:
        - a:
            steps:
              - s:
                  assign:
                    - untouched: 100
`;
    const r = await run(src);
    assert.deepEqual(r.error, { message: 'Variable "untouched" belongs to the scope around the parallel step and is not listed in its "shared"', tags: ['ValueError'] });
    const start = src.indexOf('- s:') + 2;
    assert.ok(r.outcome.state === 'FAILED');
    assert.deepEqual(r.outcome.refusal, { rule: 'unshared-parallel-write', span: { start, end: src.indexOf('untouched: 100') + 'untouched: 100'.length } });
  });

  it('lets the other branches finish and then raises UnhandledBranchError', async () => {
    const src = `
- init:
    assign:
      - finished: []
- p:
    try:
      parallel:
        shared: [finished]
        exception_policy: continueAll
        branches:
          - bad:
              steps:
                - boom:
                    raise: {message: "broken", tags: ["Custom"]}
          - slow:
              steps:
                - wait:
                    call: sys.sleep
                    args: {seconds: 5}
                - mark:
                    assign:
                      - finished: \${list.concat(finished, "slow")}
    except:
      as: e
      steps:
        - r:
            return: \${[finished, e]}
`;
    assert.deepEqual(await result(src), [
      ['slow'],
      {
        message: '1 of 2 parallel branches failed with an unhandled error',
        tags: ['UnhandledBranchError'],
        branches: [{ id: 'bad', error: { message: 'broken', tags: ['Custom'] } }],
      },
    ]);
  });

  it('raises ParallelNestingError beyond two levels', async () => {
    const src = `
- p1:
    parallel:
      branches:
        - a:
            steps:
              - p2:
                  parallel:
                    branches:
                      - b:
                          steps:
                            - p3:
                                parallel:
                                  branches:
                                    - c:
                                        steps:
                                          - s:
                                              return: 1
`;
    const error = (await failure(src)) as { branches: { error: { branches: { error: unknown }[] } }[] };
    assert.deepEqual(error.branches[0].error.branches[0].error, {
      message: 'Parallel steps may be nested at most 2 deep',
      tags: ['ParallelNestingError'],
    });
  });

  it('refuses more branches than the limit', async () => {
    const branches = Array.from({ length: 3 }, (_, i) => `        - b${i}:\n            steps:\n              - s:\n                  assign:\n                    - x: 1\n`).join('');
    const src = `- p:\n    parallel:\n      branches:\n${branches}`;
    assert.deepEqual(await failure(src, undefined, { limits: { maxParallelBranches: 2 } }), {
      message: 'A parallel step may have at most 2 branches, got 3',
      tags: ['ResourceLimitError'],
    });
  });

  it('ends every branch at once when one hits an uncatchable limit', async () => {
    const clock = new VirtualClock(0);
    const src = `
- p:
    parallel:
      branches:
        - spinner:
            steps:
              - spin:
                  next: spin
        - sleeper:
            steps:
              - wait:
                  call: sys.sleep
                  args: {seconds: 3600}
`;
    assert.deepEqual(await failure(src, undefined, { clock, limits: { maxSteps: 200 } }), {
      message: 'Maximum number of steps exceeded (200)',
      tags: ['ResourceLimitError'],
    });
    assert.equal(clock.now(), 0);
  });

  it('refuses return inside a branch at the return key and fails the whole execution, as Google refuses it at deploy', async () => {
    const src = `
- t:
    try:
      parallel:
        branches:
          - a:
              steps:
                - s:
                    return: 1
    except:
      as: e
      steps:
        - caught:
            return: caught
`;
    const r = await run(src);
    assert.deepEqual(r.error, { message: '"return" is not allowed inside a parallel branch or iteration', tags: ['ValueError'] });
    assert.ok(r.outcome.state === 'FAILED');
    const at = src.indexOf('return: 1');
    assert.deepEqual(r.outcome.refusal, { rule: 'return-in-thread', span: { start: at, end: at + 'return'.length } });
  });

  it('records parallel step entries with thread ids', async () => {
    const r = await run(`
- p:
    parallel:
      for:
        value: v
        in: [7, 8]
        steps:
          - s:
              assign:
                - x: \${v}
`);
    // Branches interleave, so compare each thread's entries in order.
    const done = r.entries.filter((e) => e.state !== 'STATE_IN_PROGRESS');
    const thread = (id: string): unknown[] => done.filter((e) => e.threadId === id).map((e) => [e.step, e.stepType, e.progressNumber ?? null]);
    assert.deepEqual(thread('1'), [
      ['s', 'STEP_ASSIGN', null],
      ['p', 'STEP_PARALLEL_BRANCH_ENTRY', 1],
    ]);
    assert.deepEqual(thread('2'), [
      ['s', 'STEP_ASSIGN', null],
      ['p', 'STEP_PARALLEL_BRANCH_ENTRY', 2],
    ]);
    assert.deepEqual(thread(''), [['p', 'STEP_PARALLEL_FOR', null]]);
    assert.equal(done.length, 5);
  });
});
