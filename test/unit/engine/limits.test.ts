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
    assert.deepEqual(r.error, { message: 'Execution cancelled', tags: [] });
    assert.ok(clock.now() < 3_600_000);
  });
});
