/**
 * The error tags of the Workflows language (Google's documented list): the values of an error
 * map's `tags`, which `try/except` and retry predicates test with `"Tag" in e.tags`.
 */
export const ERROR_TAGS = [
  'AuthError',
  'ConnectionError',
  'ConnectionFailedError',
  'HttpError',
  'IndexError',
  'KeyError',
  'OperationError',
  'ParallelNestingError',
  'RecursionError',
  'ResourceLimitError',
  'ResponseTypeError',
  'SystemError',
  'TimeoutError',
  'TypeError',
  'UnhandledBranchError',
  'ValueError',
  'ZeroDivisionError',
] as const;

export type ErrorTag = (typeof ERROR_TAGS)[number];
