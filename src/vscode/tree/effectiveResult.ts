/**
 * The effective result of a parent whose failed children were retried: what its result would be
 * had each child's latest attempt been the one it waited for. Computed here, in the editor, from
 * the parent's recorded result and the retries' outcomes; the parent's own result is never
 * changed. Pure: no `vscode` import.
 *
 * The rule, chosen for the common "results map" pattern (the parent saves each child's outcome
 * under a key, failures as the connector's OperationError):
 * - a retried child's failure is found in the parent's result as a map whose `operation.name` is
 *   the first attempt's execution name (at any depth);
 * - if the latest attempt SUCCEEDED and the failure sits in a map `F[K]` whose enclosing map has a
 *   success-like sibling map `S` (`success`, `successes`, `succeeded`, `results`, `ok`), the
 *   failure is removed from `F` and the result is stored as `S[K]`; otherwise the result replaces
 *   the failure in place;
 * - if the latest attempt failed again, its failure replaces the first one in place (the same
 *   OperationError, with the new execution as its `operation`);
 * - a retry whose first attempt cannot be found in the result is reported as not placed.
 */
import type { ExecutionInfo } from '../../cloud/types';
import { decodeJson } from '../../engine/json';
import { copyValue } from '../../engine/value';
import type { Value, WfMap } from '../../engine/value';
import type { ChildSet } from './childExecutions';

const SUCCESS_KEYS = ['success', 'successes', 'succeeded', 'results', 'ok'];

/** The merged value and what went into it. */
export interface EffectiveResult {
  value: Value;
  /** `iteration: 2: FAILED → retried: SUCCEEDED` for each retry merged in. */
  merged: string[];
  /** The same for retries whose first attempt is not in the parent's result. */
  notPlaced: string[];
}

/**
 * The effective result of a parent, or undefined when no child was retried to an end (nothing
 * to merge) or the parent has no result.
 */
export function effectiveResult(parentResult: Value | undefined, children: ChildSet): EffectiveResult | undefined {
  if (parentResult === undefined) return undefined;
  const retried = children.groups.filter((g) => g.attempts.length > 1 && g.latest.state !== 'ACTIVE' && g.latest.state !== 'QUEUED');
  if (retried.length === 0) return undefined;
  const value = copyValue(parentResult);
  const out: EffectiveResult = { value, merged: [], notPlaced: [] };
  for (const group of retried) {
    const line = `${group.summary || group.latest.executionId}: ${group.chain}`;
    const path = findFailure(value, group.attempts[0].name, []);
    if (!path) {
      out.notPlaced.push(line);
      continue;
    }
    place(value, path, group.latest);
    out.merged.push(line);
  }
  return out;
}

/** The keys leading from `value` to the failure of `executionName`, if it is there. */
function findFailure(value: Value, executionName: string, path: string[]): string[] | undefined {
  if (value instanceof Map) {
    const operation = value.get('operation');
    if (operation instanceof Map && operation.get('name') === executionName) return path;
    for (const [key, child] of value) {
      const found = findFailure(child, executionName, [...path, key]);
      if (found) return found;
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findFailure(value[i], executionName, [...path, String(i)]);
      if (found) return found;
    }
  }
  return undefined;
}

function place(root: Value, path: string[], latest: ExecutionInfo): void {
  if (path.length === 0) return;
  const key = path[path.length - 1];
  const container = at(root, path.slice(0, -1));
  const failure = get(container, key);
  if (latest.state === 'SUCCEEDED') {
    const result = decodeOrString(latest.result);
    const enclosing = path.length >= 2 ? at(root, path.slice(0, -2)) : undefined;
    const successes = enclosing instanceof Map ? SUCCESS_KEYS.map((k) => enclosing.get(k)).find((v): v is WfMap => v instanceof Map && v !== container) : undefined;
    if (successes && container instanceof Map) {
      container.delete(key);
      successes.set(key, result);
    } else {
      set(container, key, result);
    }
    return;
  }
  if (failure instanceof Map) {
    const again = copyValue(failure) as WfMap;
    const operation = again.get('operation');
    if (operation instanceof Map) {
      operation.set('name', latest.name);
      operation.set('state', latest.state);
      if (latest.error) operation.set('error', new Map<string, Value>([['payload', latest.error.payload], ['context', latest.error.context]]));
    }
    set(container, key, again);
  }
}

function at(root: Value, path: string[]): Value | undefined {
  let value: Value | undefined = root;
  for (const key of path) value = value === undefined ? undefined : get(value, key);
  return value;
}

function get(container: Value | undefined, key: string): Value | undefined {
  if (container instanceof Map) return container.get(key);
  if (Array.isArray(container)) return container[Number(key)];
  return undefined;
}

function set(container: Value | undefined, key: string, value: Value): void {
  if (container instanceof Map) container.set(key, value);
  else if (Array.isArray(container)) container[Number(key)] = value;
}

function decodeOrString(text: string | undefined): Value {
  if (text === undefined) return null;
  try {
    return decodeJson(text);
  } catch {
    return text;
  }
}
