/**
 * Shapes of the standard-library catalogue: plain data about every function, constant and
 * connector method that the checker, the editor features and the engine read. No engine imports.
 */
import type { ErrorTag } from '../errorTags';

/** Error tags a standard-library function may raise (a subset of the language's tag list). */
export type StdlibErrorTag = Exclude<
  ErrorTag,
  'ParallelNestingError' | 'RecursionError' | 'ResourceLimitError' | 'SystemError' | 'UnhandledBranchError'
>;

/** One documented parameter, in documented order. */
export interface StdlibParam {
  /** The documented name: the key to use in a `call` step's `args:` map. */
  readonly name: string;
  /** True when the argument may be left out (a documented default applies, or null). */
  readonly optional?: boolean;
  /** One plain sentence for hover and completion. */
  readonly doc?: string;
  /** The default as the user would write it, e.g. `"UTF-8"`, for hover text. */
  readonly defaultText?: string;
}

/** A callable standard-library function such as `text.split` or `len`. */
export interface StdlibFunction {
  /** Full dotted name, e.g. `text.split`; expression helpers have no module (`len`). */
  readonly name: string;
  /** The module path, e.g. `text` or `experimental.executions`; `''` for expression helpers. */
  readonly module: string;
  readonly params: readonly StdlibParam[];
  /** Blocking functions may only be called from a `call` step, never inside `${...}`. */
  readonly blocking: boolean;
  /** A short type text for the result, e.g. `list<string>`. */
  readonly returns: string;
  /** One plain sentence for hover. */
  readonly doc: string;
  /** Error tags the function may raise. */
  readonly errors: readonly StdlibErrorTag[];
}

/** `retry.default_backoff` and the `backoff` part of retry policies, in seconds. */
export interface BackoffDefinition {
  readonly initial_delay: number;
  readonly max_delay: number;
  readonly multiplier: number;
}

/** A built-in retry policy such as `http.default_retry`. */
export interface RetryPolicyDefinition {
  /** Full name of the predicate function, e.g. `http.default_retry_predicate`. */
  readonly predicate: string;
  readonly max_retries: number;
  readonly backoff: BackoffDefinition;
}

/** A standard-library value that is not callable: a retry policy or a backoff object. */
export type StdlibConstant =
  | { readonly name: string; readonly module: string; readonly kind: 'retryPolicy'; readonly doc: string; readonly definition: RetryPolicyDefinition }
  | { readonly name: string; readonly module: string; readonly kind: 'backoff'; readonly doc: string; readonly definition: BackoffDefinition };
