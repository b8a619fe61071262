/**
 * Workflow runtime errors. An error in the language is a value: built-in errors are maps with
 * `message` and `tags` (plus `code`/`headers`/`body` for HttpError, `operation` for
 * OperationError); `raise` may raise any value, a string included. A `WorkflowError` carries that
 * value through JavaScript control flow until a `try/except` catches it or the execution fails.
 */
import type { ErrorTag } from '../core/errorTags';
import type { Value, WfMap } from './value';

export type { ErrorTag };

export class WorkflowError extends Error {
  /**
   * @param value the raised value, exactly what `except: as:` receives
   * @param uncatchable true for internal resource limits, which end the execution at once
   */
  constructor(
    readonly value: Value,
    readonly uncatchable = false,
  ) {
    super(describeErrorValue(value));
    this.name = 'WorkflowError';
  }
}

/** Builds a built-in error map `{message, tags, ...extra}` and wraps it. */
export function workflowError(tag: ErrorTag | ErrorTag[], message: string, extra?: Iterable<[string, Value]>): WorkflowError {
  const map: WfMap = new Map<string, Value>([
    ['message', message],
    ['tags', Array.isArray(tag) ? [...tag] : [tag]],
  ]);
  if (extra) for (const [k, v] of extra) map.set(k, v);
  return new WorkflowError(map, tag === 'ResourceLimitError');
}

function describeErrorValue(value: Value): string {
  if (typeof value === 'string') return value;
  if (value instanceof Map) {
    const message = value.get('message');
    if (typeof message === 'string') return message;
  }
  return 'workflow error';
}
