import { strict as assert } from 'assert';
import { VirtualClock } from '../../../src/engine/clock';
import { failure, run } from './harness';

describe('engine limits and cancellation', () => {
  it('ends an infinite loop with an uncatchable ResourceLimitError', async () => {
    const src = `
- t:
    try:
      steps:
        - spin:
            assign:
              - x: 1
            next: spin
    except:
      as: e
      steps:
        - r:
            return: caught
`;
    assert.deepEqual(await failure(src, undefined, { limits: { maxSteps: 1000 } }), {
      message: 'Maximum number of steps exceeded (1000)',
      tags: ['ResourceLimitError'],
    });
  });

  it('counts steps as Google does: free helpers and nested groups cost nothing, try blocks and iterations count', async () => {
    const src = `
- a:
    assign:
      - x: 1
- b:
    call: sys.get_env
    args: {name: GOOGLE_CLOUD_PROJECT_ID}
- c:
    assign:
      - y: \${len([1]) + int("2")}
- d:
    assign:
      - z: \${text.to_upper("a")}
- loop:
    for:
      value: v
      in: [1, 2]
      steps:
        - s:
            assign:
              - w: \${v}
- t:
    try:
      call: sys.now
    except:
      as: e
      steps:
        - never:
            return: 0
- group:
    steps:
      - j:
          next: r
- r:
    return: 1
`;
    // 1 + 1 + 1 + 2 + (1 + 2 × 2) + (1 + 1 + 1) + 1 + 1 = 15
    assert.equal((await run(src, undefined, { limits: { maxSteps: 15 } })).result, 1);
    assert.deepEqual(await failure(src, undefined, { limits: { maxSteps: 14 } }), {
      message: 'Maximum number of steps exceeded (14)',
      tags: ['ResourceLimitError'],
    });
  });

  it('raises a catchable RecursionError for deep recursion', async () => {
    const src = `
main:
  steps:
    - t:
        try:
          call: down
          args: {n: 0}
        except:
          as: e
          steps:
            - r:
                return: \${e}
down:
  params: [n]
  steps:
    - again:
        call: down
        args: {n: "\${n + 1}"}
`;
    const r = await run(src);
    assert.deepEqual(r.result, { message: 'Maximum call stack depth of 20 exceeded when calling "down"', tags: ['RecursionError'] });
  });

  it('fails with ResourceLimitError when variables outgrow the memory limit', async () => {
    const src = `
- init:
    assign:
      - s: "0123456789"
- grow:
    assign:
      - s: \${s + s}
- again:
    next: grow
`;
    const error = (await failure(src, undefined, { limits: { maxVariableBytes: 4096 } })) as { tags: string[] };
    assert.deepEqual(error.tags, ['ResourceLimitError']);
  });

  it('rejects strings longer than the string limit', async () => {
    const src = `
- init:
    assign:
      - s: "0123456789"
- grow:
    assign:
      - s: \${s + s}
- again:
    next: grow
`;
    assert.deepEqual(await failure(src, undefined, { limits: { maxStringLength: 100 } }), {
      message: 'String length 160 exceeds the limit of 100 characters',
      tags: ['ResourceLimitError'],
    });
  });

  it('stops promptly and reports CANCELLED when the host signal aborts', async () => {
    const controller = new AbortController();
    const clock = new VirtualClock(0);
    const src = `
- p:
    parallel:
      branches:
        - a:
            steps:
              - wait:
                  call: sys.sleep
                  args: {seconds: 3600}
        - b:
            steps:
              - wait:
                  call: sys.sleep
                  args: {seconds: 3600}
`;
    const running = run(src, undefined, { clock, signal: controller.signal });
    setImmediate(() => controller.abort());
    const r = await running;
    assert.equal(r.outcome.state, 'CANCELLED');
    assert.deepEqual(r.outcome.state === 'CANCELLED' && r.outcome.error, {
      payload: '{"message":"Execution cancelled","tags":[]}',
      context: 'Execution cancelled\nin step "wait", routine "main", line: 7',
      stackTrace: [{ routine: 'main', step: 'wait', line: 7, column: 17, length: 4 }],
    });
    assert.ok(clock.now() < 3_600_000);
  });

  it('cancels a busy loop promptly from a timer', async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const r = await run(
      `
- spin:
    assign:
      - i: 0
- again:
    next: spin
`,
      undefined,
      { signal: controller.signal, limits: { maxSteps: 100_000_000 } },
    );
    clearTimeout(timer);
    assert.equal(r.outcome.state, 'CANCELLED');
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });
});
