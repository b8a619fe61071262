/**
 * Small helpers over parsed expressions for the rules: visiting every node, finding an
 * assignment target's root variable, and mapping expression-relative spans into the document.
 */
import type { Expr } from '../expr/ast';
import type { Span } from '../location';
import type { ExprValue } from '../model/types';

/** Calls `visit` for `expr` and every node below it, parents before children. */
export function forEachNode(expr: Expr, visit: (node: Expr, parent: Expr | undefined) => void, parent?: Expr): void {
  visit(expr, parent);
  switch (expr.kind) {
    case 'list':
      for (const item of expr.items) forEachNode(item, visit, expr);
      break;
    case 'map':
      for (const entry of expr.entries) {
        forEachNode(entry.key, visit, expr);
        forEachNode(entry.value, visit, expr);
      }
      break;
    case 'member':
      forEachNode(expr.object, visit, expr);
      break;
    case 'index':
      forEachNode(expr.object, visit, expr);
      forEachNode(expr.index, visit, expr);
      break;
    case 'call':
      for (const arg of expr.args) forEachNode(arg, visit, expr);
      break;
    case 'unary':
      forEachNode(expr.operand, visit, expr);
      break;
    case 'binary':
      forEachNode(expr.left, visit, expr);
      forEachNode(expr.right, visit, expr);
      break;
    default:
      break;
  }
}

/** The variable an assignment target writes to: `x` in `x`, `x.a[i]`, `x["k"].b`. */
export function targetRoot(expr: Expr): { name: string; span: Span } | undefined {
  let node = expr;
  while (node.kind === 'member' || node.kind === 'index') node = node.object;
  return node.kind === 'identifier' ? { name: node.name, span: node.span } : undefined;
}

/** The document span of a span inside `value.text`. */
export function documentSpan(value: ExprValue, span: Span): Span {
  const start = value.toDocumentOffset(span.start);
  const end = value.toDocumentOffset(span.end);
  return { start, end: Math.max(start, end) };
}
