/**
 * Labels the toolkit reads and writes on executions to tie child executions to their parent.
 * Google's label rules apply (lowercase keys without the reserved `goog-` prefix, values up to 63
 * characters of lowercase letters, digits, `_` and `-`): an execution ID (a UUID) fits.
 */

/**
 * Set by the local emulator on every execution a connector call (`executions.run`/`create`)
 * starts: the parent's execution ID. Google Cloud sets no such label; there the tree falls back to
 * `parent_execution_id` in the argument, then to the time the parent ran.
 */
export const PARENT_EXECUTION_LABEL = 'parent-execution';

/** Set by Retry Failed Children on each new run: the execution ID of the attempt it retries. */
export const RETRY_OF_LABEL = 'retry-of';

/** The last path segment of an execution name (`…/executions/ID` → `ID`). */
export function executionIdOf(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
