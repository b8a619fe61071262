import { strict as assert } from 'assert';
import { backoffDelayMs, policyFromValue } from '../../../src/engine/interpreter/retry';
import { WorkflowError } from '../../../src/engine/errors';
import type { Value } from '../../../src/engine/value';

describe('retry policies', () => {
  it('grows the delay by the multiplier and caps it at max_delay', () => {
    const backoff = { initialDelay: 1, maxDelay: 60, multiplier: 1.25 };
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => backoffDelayMs(backoff, n)), [1000, 1250, 1562.5, 1953.125, 2441.40625]);
    assert.equal(backoffDelayMs({ initialDelay: 10, maxDelay: 60, multiplier: 2 }, 4), 60_000);
  });

  it('reads a policy map and fills missing parts with the defaults', () => {
    const map = new Map<string, Value>([['predicate', 'retry.always']]);
    assert.deepEqual(policyFromValue(map), {
      predicate: 'retry.always',
      maxRetries: 5,
      backoff: { initialDelay: 1, maxDelay: 60, multiplier: 1.25 },
    });
  });

  it('rejects a policy that is not a map or has a bad max_retries', () => {
    const valueOf = (fn: () => unknown): Value => {
      try {
        fn();
      } catch (e) {
        if (e instanceof WorkflowError) return e.value;
      }
      throw new Error('expected a WorkflowError');
    };
    assert.deepEqual(
      valueOf(() => policyFromValue('x')),
      new Map<string, Value>([
        ['message', 'A retry policy must be a map, got: string'],
        ['tags', ['TypeError']],
      ]),
    );
    assert.deepEqual(
      valueOf(() => policyFromValue(new Map<string, Value>([['predicate', 'retry.always'], ['max_retries', -1n]]))),
      new Map<string, Value>([
        ['message', 'Retry max_retries must not be negative, got: -1'],
        ['tags', ['ValueError']],
      ]),
    );
  });
});
