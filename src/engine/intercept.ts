/**
 * The call-interception seam: a host may answer any call a workflow makes — a subworkflow, a
 * standard-library function (`sys.now`, `http.get`, ...) or a `googleapis.*` connector — before
 * the runtime does. Workflow tests use it for mocks; a host without an interceptor runs every
 * call for real.
 */
import type { HttpResponse } from './host';
import type { Value } from './value';

/** A call about to happen, as the interceptor sees it. */
export interface InterceptedCall {
  /** The call target as written: `http.get`, `googleapis.storage.v1.objects.get`, `my_sub`. */
  target: string;
  /**
   * The arguments by name when the target's parameters are known (positional arguments of a
   * function or subworkflow are named after its parameters); otherwise as given (a list or null).
   */
  args: Value;
  /** The calling step and its routine. */
  step: string;
  routine: string;
  /** True for a call inside `${...}`. */
  fromExpression: boolean;
}

/** How an interceptor answers a call. */
export type CallAnswer =
  /** The call returns this value. */
  | { kind: 'returns'; value: Value }
  /** The call raises this value, as `raise:` would (catchable). */
  | { kind: 'raises'; value: Value }
  /** `http.*` only: the request is built as usual and this raw response is handled as a real one. */
  | { kind: 'response'; response: HttpResponse }
  /** The execution stops at once with this error value: `try/except` cannot catch it. */
  | { kind: 'stop'; value: Value };

export interface CallInterceptor {
  /** Answers a call, or returns undefined to let it run. Synchronous: expressions stay atomic. */
  intercept(call: InterceptedCall): CallAnswer | undefined;
}
