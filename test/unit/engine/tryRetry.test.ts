import { strict as assert } from 'assert';
import { VirtualClock } from '../../../src/engine/clock';
import { failure, result, run } from './harness';

describe('engine try/retry/except', () => {
  it('catches an error in except, and except writes to outer variables persist', async () => {
    const src = `
- t:
    try:
      steps:
        - a:
            assign:
              - x: 1
        - b:
            raise: {message: "nope", tags: ["Custom"]}
    except:
      as: e
      steps:
        - c:
            assign:
              - got: \${e}
              - x: 2
- r:
    return: \${x}
`;
    assert.deepEqual(await result(src), 2);
  });

  it('re-raises a caught error unchanged', async () => {
    const src = `
- t:
    try:
      raise: {code: 7}
    except:
      as: e
      steps:
        - again:
            raise: \${e}
`;
    assert.deepEqual(await failure(src), { code: 7 });
  });

  it('retries the whole try block with a subworkflow predicate and backoff on the virtual clock', async () => {
    const src = `
main:
  steps:
    - init:
        assign:
          - attempts: 0
    - t:
        try:
          steps:
            - count:
                assign:
                  - attempts: \${attempts + 1}
            - maybe:
                switch:
                  - condition: \${attempts < 4}
                    raise: {message: "flaky", tags: ["Flaky"]}
        retry:
          predicate: \${is_flaky}
          max_retries: 5
          backoff:
            initial_delay: 2
            max_delay: 5
            multiplier: 2
    - r:
        return: \${attempts}
is_flaky:
  params: [e]
  steps:
    - r:
        return: \${"Flaky" in e.tags}
`;
    const clock = new VirtualClock(0);
    assert.equal(await result(src, undefined, { clock }), 4);
    // Delays before retries 1, 2, 3: 2 s, 4 s, min(8, 5) = 5 s.
    assert.equal(clock.now(), 11_000);
  });

  it('accepts a policy map built in the workflow with a subworkflow predicate', async () => {
    const src = `
main:
  steps:
    - init:
        assign:
          - n: 0
          - policy:
              predicate: \${always_retry}
              max_retries: 2
              backoff: {initial_delay: 1, max_delay: 1, multiplier: 1}
    - t:
        try:
          steps:
            - count:
                assign:
                  - n: \${n + 1}
            - fail:
                raise: again
        retry: \${policy}
        except:
          steps:
            - r:
                return: \${[n, policy.predicate]}
always_retry:
  params: [e]
  steps:
    - r:
        return: true
`;
    assert.deepEqual(await result(src), [3, 'always_retry']);
  });

  it('gives up after max_retries retries and goes to except', async () => {
    const src = `
- init:
    assign:
      - attempts: 0
- t:
    try:
      steps:
        - count:
            assign:
              - attempts: \${attempts + 1}
        - fail:
            raise: "always"
    retry:
      predicate: \${retry.always}
      max_retries: 2
      backoff: {initial_delay: 1, max_delay: 10, multiplier: 3}
    except:
      as: e
      steps:
        - r:
            return: \${[attempts, e]}
`;
    const clock = new VirtualClock(0);
    assert.deepEqual(await result(src, undefined, { clock }), [3, 'always']);
    assert.equal(clock.now(), 4_000);
  });

  it('does not retry when the built-in policy predicate says no, and propagates without except', async () => {
    const src = `
- t:
    try:
      raise: {message: "bad", tags: ["ValueError"]}
    retry: \${http.default_retry}
`;
    const clock = new VirtualClock(0);
    assert.deepEqual(await failure(src, undefined, { clock }), { message: 'bad', tags: ['ValueError'] });
    assert.equal(clock.now(), 0);
  });

  it('retries HTTP 503 with http.default_retry: five retries with the default backoff', async () => {
    const src = `
- init:
    assign:
      - n: 0
- t:
    try:
      steps:
        - count:
            assign:
              - n: \${n + 1}
        - fail:
            raise: {message: "unavailable", tags: ["HttpError"], code: 503}
    retry: \${http.default_retry}
    except:
      as: e
      steps:
        - r:
            return: \${n}
`;
    const clock = new VirtualClock(0);
    assert.equal(await result(src, undefined, { clock }), 6);
    // 1 + 1.25 + 1.5625 + 1.953125 + 2.44140625 seconds.
    assert.equal(clock.now(), 8207.03125);
  });

  it('records TRY, RETRY and EXCEPT step entries', async () => {
    const src = `
- t:
    try:
      raise: "x"
    retry:
      predicate: \${retry.always}
      max_retries: 1
      backoff: {initial_delay: 1, max_delay: 1, multiplier: 1}
    except:
      as: e
      steps:
        - r:
            return: 1
`;
    const r = await run(src);
    const done = r.entries.filter((e) => e.state !== 'STATE_IN_PROGRESS').map((e) => [e.step, e.stepType, e.state, e.progressNumber ?? null]);
    assert.deepEqual(done, [
      ['t', 'STEP_RAISE', 'STATE_FAILED', null],
      ['t', 'STEP_TRY', 'STATE_FAILED', null],
      ['t', 'STEP_RETRY', 'STATE_SUCCEEDED', 1],
      ['t', 'STEP_RAISE', 'STATE_FAILED', null],
      ['t', 'STEP_TRY', 'STATE_FAILED', null],
      ['r', 'STEP_RETURN', 'STATE_SUCCEEDED', null],
      ['t', 'STEP_EXCEPT', 'STATE_SUCCEEDED', null],
      ['t', 'STEP_TRY_RETRY_EXCEPT', 'STATE_SUCCEEDED', null],
    ]);
  });
});
