/**
 * Small tree helpers shared by the validator and the engine: a visitor, the variables and calls an
 * expression contains, and the shape of an assignment target (`a`, `a.b`, `a["k"]`, `a[i][j]`).
 */
import type { Span } from '../location';
import type { CallExpr, Expr, ExprSyntaxError, Identifier } from './ast';
import { EXPR_MESSAGES } from './errors';
import { parseExpression } from './parser';

/**
 * Return `false` to skip the children of `node`; anything else continues into them.
 * `parent` is undefined for the root.
 */
export type ExprVisitor = (node: Expr, parent: Expr | undefined) => boolean | void;

/** Calls `visit` on `expr` and every node below it: parents before children, in source order. */
export function visitExpr(expr: Expr, visit: ExprVisitor): void {
  walk(expr, undefined, visit);
}

function walk(node: Expr, parent: Expr | undefined, visit: ExprVisitor): void {
  if (visit(node, parent) === false) return;
  switch (node.kind) {
    case 'list':
      for (const item of node.items) walk(item, node, visit);
      return;
    case 'map':
      for (const entry of node.entries) {
        walk(entry.key, node, visit);
        walk(entry.value, node, visit);
      }
      return;
    case 'member':
      walk(node.object, node, visit);
      return;
    case 'index':
      walk(node.object, node, visit);
      walk(node.index, node, visit);
      return;
    case 'call':
      for (const arg of node.args) walk(arg, node, visit);
      return;
    case 'unary':
      walk(node.operand, node, visit);
      return;
    case 'binary':
      walk(node.left, node, visit);
      walk(node.right, node, visit);
      return;
    default:
      return;
  }
}

/**
 * The variables an expression reads: every identifier node, in source order, one entry per
 * occurrence (so each can be reported at its own span). Property names after `.` and the dotted
 * names of calls are not variables and are not included.
 */
export function freeVariables(expr: Expr): Identifier[] {
  const found: Identifier[] = [];
  visitExpr(expr, (node) => {
    if (node.kind === 'identifier') found.push(node);
  });
  return found;
}

/** Every call in the expression, outer calls before the calls in their arguments. */
export function calls(expr: Expr): CallExpr[] {
  const found: CallExpr[] = [];
  visitExpr(expr, (node) => {
    if (node.kind === 'call') found.push(node);
  });
  return found;
}

/** One step of an assignment path: `.name` (span of the name) or `[index]` (span of the index). */
export type AssignmentPathSegment =
  | { kind: 'property'; name: string; span: Span }
  | { kind: 'index'; index: Expr; span: Span };

/** `a.b[c]` → root `a`, path `.b`, `[c]`. Index expressions are evaluated at run time. */
export interface AssignmentTarget {
  root: string;
  rootSpan: Span;
  path: AssignmentPathSegment[];
}

export type AssignmentTargetResult = { ok: true; target: AssignmentTarget } | { ok: false; error: ExprSyntaxError };

/**
 * Reads the left-hand side of an `assign` entry [S demos cheat sheet, D maps]: a variable
 * followed by any number of `.name` and `[expr]`. Anything else (a call, a literal, an operator,
 * a bare index into a literal) is an error whose span is the node that cannot be assigned to.
 */
export function assignmentTarget(expr: Expr): AssignmentTargetResult {
  const path: AssignmentPathSegment[] = [];
  let node = expr;
  for (;;) {
    if (node.kind === 'member') {
      path.push({ kind: 'property', name: node.property, span: node.propertySpan });
      node = node.object;
    } else if (node.kind === 'index') {
      path.push({ kind: 'index', index: node.index, span: node.index.span });
      node = node.object;
    } else {
      break;
    }
  }
  if (node.kind !== 'identifier') {
    return { ok: false, error: { message: EXPR_MESSAGES.notAssignable, span: node.span } };
  }
  return { ok: true, target: { root: node.name, rootSpan: node.span, path: path.reverse() } };
}

/** Parses an assignment left-hand side (the key of an `assign` entry) and reads its shape. */
export function parseAssignmentTarget(text: string): AssignmentTargetResult {
  const parsed = parseExpression(text);
  return parsed.ok ? assignmentTarget(parsed.expr) : parsed;
}
