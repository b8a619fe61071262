/**
 * What a native (built-in) function receives: its arguments in catalogue order and a small context.
 */
import type { ExecutionHost } from '../host';
import type { Value } from '../value';

/** Where a native runs: the execution's host and the execution's cancellation signal. */
export interface NativeContext {
  host: ExecutionHost;
  /** Aborted when the execution is cancelled; blocking natives pass it on to the clock and HTTP. */
  signal: AbortSignal;
  /** Lets a native call back into the interpreter (a function value such as a retry predicate). */
  callFunction?(name: string, args: Value[]): Promise<Value>;
}

/**
 * A standard-library function. `args` are positional in the catalogue's parameter order, with
 * `undefined` for an argument that was not supplied (documented defaults then apply). Failures
 * are thrown as `WorkflowError`s built with `workflowError`.
 */
export type NativeFunction = (args: (Value | undefined)[], ctx: NativeContext) => Value | Promise<Value>;
