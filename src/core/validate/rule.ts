/**
 * The shape of a validation rule: a stable set of codes and a check over the shared context.
 * Rules are small, pure and independent; `index.ts` runs them all.
 */
import type { Diagnostic } from '../diagnostic';
import type { Span } from '../location';
import type { Name } from '../model/types';
import type { ValidationContext } from './context';
import type { DiagnosticCode } from './messages';

export interface Rule {
  /** The codes this rule may report. */
  readonly codes: readonly DiagnosticCode[];
  check(context: ValidationContext): Diagnostic[];
}

/** The span of `key` among `keys`, if the key is present. */
export function keySpan(keys: readonly Name[], key: string): Span | undefined {
  return keys.find((k) => k.value === key)?.span;
}

/**
 * Where to flag a bad value: the value itself, or its key when the value is empty (`max_retries:`
 * with nothing after it), so the squiggle is never zero-width.
 */
export function valueSpan(value: { span: Span }, keys: readonly Name[], key: string): Span {
  return value.span.end > value.span.start ? value.span : (keySpan(keys, key) ?? value.span);
}

/** True when the model already reported a problem inside `span`: a rule would only repeat it. */
export function problemInside(context: ValidationContext, span: Span): boolean {
  return context.workflow.problems.some((p) => p.span.start >= span.start && p.span.end <= span.end);
}
