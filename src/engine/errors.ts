/**
 * Workflow runtime errors. An error in the language is a value: built-in errors are maps with
 * `message` and `tags` (plus `code`/`headers`/`body` for HttpError, `operation` for
 * OperationError); `raise` may raise any value, a string included. A `WorkflowError` carries that
 * value through JavaScript control flow until a `try/except` catches it or the execution fails.
 */
import type { ErrorTag } from '../core/errorTags';
import type { Span } from '../core/location';
import type { Value, WfMap } from './value';

export type { ErrorTag };

/**
 * The mark of a structural refusal: the engine met a structure Google rejects at deploy time (a
 * `next:` it cannot follow, `return` in a branch, a name no scope defines, a step of no kind...).
 * `rule` names the rule of `core/semantics` (or the model) that refuses it; `span` is where the
 * source breaks it, filled with the step's span when the refusal is raised below step level.
 * The validator must report an error there: the lint/engine agreement test relies on this mark,
 * never on message text.
 */
export interface Refusal {
  rule: string;
  span?: Span;
}

export class WorkflowError extends Error {
  /**
   * @param value the raised value, exactly what `except: as:` receives
   * @param uncatchable true for internal resource limits and structural refusals, which end the execution at once
   * @param refusal set for structural refusals
   */
  constructor(
    readonly value: Value,
    readonly uncatchable = false,
    readonly refusal?: Refusal,
  ) {
    super(describeErrorValue(value));
    this.name = 'WorkflowError';
  }
}

/**
 * A structural refusal: a ValueError (KeyError for an undefined name) that no `try` catches, since
 * the workflow could not have been deployed at all; the execution fails at the offending place.
 */
export function structuralError(rule: string, message: string, span?: Span, tag: ErrorTag = 'ValueError'): WorkflowError {
  const map: WfMap = new Map<string, Value>([
    ['message', message],
    ['tags', [tag]],
  ]);
  return new WorkflowError(map, true, { rule, span });
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
