import type { Span } from './location';

export type Severity = 'error' | 'warning' | 'information';

/** A related location, e.g. where a step or variable is defined. */
export interface RelatedInformation {
  span: Span;
  message: string;
}

/**
 * One finding of the core. Spans are document offsets; the CLI and the VS Code glue convert them
 * with a `LineIndex`. `code` is stable (quick fixes and tests key on it); `message` comes from the
 * validator's message table.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  related?: RelatedInformation[];
  /** Machine-readable hints for quick fixes, e.g. `{ suggestion: 'steps' }` for a did-you-mean. */
  data?: Record<string, string>;
}
