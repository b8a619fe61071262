/**
 * Smart selection: the spans around an offset, innermost first, each holding the one before — the
 * word, the expressions around it, the `${…}`, the value, the `key: value` pair, the step, the step
 * list, the routine. Read from the model's spans (every node keeps its offsets) and the expression
 * tree. Pure (no editor API).
 */
import type { Expr } from '../expr/ast';
import { visitExpr } from '../expr/walk';
import type { Span } from '../location';
import { expressionOffset, routineAt, spanContains } from '../model/query';
import type { ExprValue, Name, Workflow } from '../model/types';

/** The selection spans at `offset`, innermost first, each strictly inside the next. */
export function selectionSpans(workflow: Workflow, offset: number): Span[] {
  const routine = routineAt(workflow, offset);
  if (!routine) return [];
  const found: Span[] = [];
  collect(workflow, routine, offset, found);
  const sorted = found.filter((s) => s.end > s.start && spanContains(s, offset)).sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
  const chain: Span[] = [];
  for (const span of sorted) {
    const last = chain[chain.length - 1];
    if (!last || (span.start <= last.start && span.end >= last.end && span.end - span.start > last.end - last.start)) chain.push(span);
  }
  return chain;
}

/** Model fields that hold spans of their own beside `span`. */
const EXTRA_SPANS = ['bodySpan', 'stepsSpan', 'paramsSpan', 'trySpan', 'casesSpan'] as const;

function isSpan(value: unknown): value is Span {
  return typeof value === 'object' && value !== null && typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number';
}

/**
 * Walks the model node (a routine, a step, a block, a value, a name) for the spans that hold
 * `offset`: the node's own spans, the step lists it has, its `key: value` pairs and expressions.
 */
function collect(workflow: Workflow, node: unknown, offset: number, out: Span[]): void {
  if (Array.isArray(node)) {
    const steps = node.filter(isStep);
    if (steps.length > 0 && steps.length === node.length) {
      const list = { start: steps[0].span.start, end: steps[steps.length - 1].span.end };
      if (spanContains(list, offset)) out.push(list);
    }
    for (const item of node) collect(workflow, item, offset, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (isSpan(record.span) && !spanContains(record.span, offset)) return;
  if (record.kind === 'expr') {
    expression(workflow, node as ExprValue, offset, out);
    return;
  }
  if (isSpan(record.span)) out.push(record.span);
  for (const key of EXTRA_SPANS) {
    const span = record[key];
    if (isSpan(span) && spanContains(span, offset)) out.push(span);
  }
  if (Array.isArray(record.keys)) pairs(workflow, record.keys as Name[], (isSpan(record.bodySpan) ? record.bodySpan : record.span) as Span | undefined, offset, out);
  // An assignment (`target: value`) is a pair of its own.
  if (isSpan((record.target as { span?: unknown } | undefined)?.span) && isSpan((record.value as { span?: unknown } | undefined)?.span)) {
    out.push({ start: (record.target as { span: Span }).span.start, end: (record.value as { span: Span }).span.end });
  }
  if (record.kind === 'map' && Array.isArray(record.entries)) {
    for (const entry of record.entries as { key: { span: Span }; value: { span: Span } }[]) {
      const pair = { start: entry.key.span.start, end: Math.max(entry.key.span.end, entry.value.span.end) };
      if (spanContains(pair, offset)) out.push(pair);
    }
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'span' && key !== 'keys' && typeof value === 'object') collect(workflow, value, offset, out);
  }
}

function isStep(value: unknown): value is { span: Span } {
  return typeof value === 'object' && value !== null && isSpan((value as { bodySpan?: unknown }).bodySpan) && isSpan((value as { span?: unknown }).span);
}

/** The `key: value` pair of a block's keys that holds `offset`: from the key to the next key (or the block's end). */
function pairs(workflow: Workflow, keys: Name[], container: Span | undefined, offset: number, out: Span[]): void {
  if (!container) return;
  const sorted = [...keys].sort((a, b) => a.span.start - b.span.start);
  sorted.forEach((key, i) => {
    if (key.span.start > offset) return;
    let end = i + 1 < sorted.length ? sorted[i + 1].span.start : container.end;
    if (i + 1 === sorted.length && workflow.format === 'json' && workflow.text[end - 1] === '}') end--;
    while (end > key.span.end && /[\s,]/.test(workflow.text[end - 1])) end--;
    if (offset <= end) {
      out.push({ start: key.span.start, end });
      if (spanContains(key.span, offset)) out.push(key.span);
    }
  });
}

/** The word, the expression nodes around it, the `${…}` and the whole scalar. */
function expression(workflow: Workflow, expr: ExprValue, offset: number, out: Span[]): void {
  out.push(expr.span);
  const toDocument = (span: Span): Span => ({ start: expr.toDocumentOffset(span.start), end: expr.toDocumentOffset(span.end) });
  const inner = toDocument({ start: 0, end: expr.text.length });
  if (spanContains(inner, offset)) out.push(inner);
  if (workflow.text.slice(inner.start - 2, inner.start) === '${' && workflow.text[inner.end] === '}') out.push({ start: inner.start - 2, end: inner.end + 1 });
  if (!expr.parsed.ok || !spanContains(inner, offset)) return;
  const relative = expressionOffset(expr, offset);
  visitExpr(expr.parsed.expr, (node: Expr) => {
    if (!spanContains(node.span, relative)) return false;
    out.push(toDocument(node.span));
    if (node.kind === 'member' && spanContains(node.propertySpan, relative)) out.push(toDocument(node.propertySpan));
    if (node.kind === 'call' && spanContains(node.calleeSpan, relative)) {
      out.push(toDocument(node.calleeSpan));
      const before = node.callee.slice(0, relative - node.calleeSpan.start);
      const start = node.calleeSpan.start + before.lastIndexOf('.') + 1;
      const dot = node.callee.indexOf('.', relative - node.calleeSpan.start);
      out.push(toDocument({ start, end: dot < 0 ? node.calleeSpan.end : node.calleeSpan.start + dot }));
    }
    return true;
  });
}
