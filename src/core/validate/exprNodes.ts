/**
 * Maps expression-relative spans into the document, for rules that report inside an expression.
 * Tree walking itself is `expr/walk.ts`.
 */
import type { Span } from '../location';
import type { ExprValue } from '../model/types';

/** The document span of a span inside `value.text`. */
export function documentSpan(value: ExprValue, span: Span): Span {
  const start = value.toDocumentOffset(span.start);
  const end = value.toDocumentOffset(span.end);
  return { start, end: Math.max(start, end) };
}
