/**
 * Standard-library constants as runtime values: `retry.default_backoff` is the map
 * `{initial_delay, max_delay, multiplier}`; a retry policy such as `http.default_retry` is
 * `{predicate, max_retries, backoff}` with the predicate carried by its function name [R].
 */
import type { BackoffDefinition, StdlibConstant } from '../../core/stdlib/catalogue';
import type { Value, WfMap } from '../value';

function numberValue(n: number): Value {
  return Number.isInteger(n) ? BigInt(n) : n;
}

function backoffMap(b: BackoffDefinition): WfMap {
  return new Map<string, Value>([
    ['initial_delay', numberValue(b.initial_delay)],
    ['max_delay', numberValue(b.max_delay)],
    ['multiplier', numberValue(b.multiplier)],
  ]);
}

/** A standard-library constant (`http.default_retry`, `retry.default_backoff`) as a value. */
export function constantValue(constant: StdlibConstant): Value {
  if (constant.kind === 'backoff') return backoffMap(constant.definition);
  return new Map<string, Value>([
    ['predicate', constant.definition.predicate],
    ['max_retries', BigInt(constant.definition.max_retries)],
    ['backoff', backoffMap(constant.definition.backoff)],
  ]);
}

