/**
 * Semantic tokens of the `${…}` expressions of a workflow, from the expression tokenizer and AST
 * (`core/expr`): variables, functions (standard library, subworkflows, connectors), modules,
 * properties, strings, numbers, keywords (`and`, `or`, `not`, `in`, `true`, `null`…) and
 * operators. An expression that does not parse is still coloured from its tokens alone, up to its
 * first lexical error. Pure (no editor API): spans are document offsets, in source order.
 */
import type { Expr } from '../expr/ast';
import { tokenize } from '../expr/lexer';
import { visitExpr } from '../expr/walk';
import type { Span } from '../location';
import type { ExprValue, Workflow } from '../model/types';
import { isVisible, type StaticScope } from '../semantics';
import { isStdlibModule, lookupConstant, lookupFunction } from '../stdlib/catalogue';
import { contextOf } from '../validate/context';

/** The token types, in legend order. */
export const SEMANTIC_TOKEN_TYPES = ['variable', 'function', 'namespace', 'property', 'string', 'number', 'keyword', 'operator'] as const;
/** The token modifiers, in legend order: `defaultLibrary` marks the standard library's modules, functions and constants. */
export const SEMANTIC_TOKEN_MODIFIERS = ['defaultLibrary'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];

export interface SemanticToken {
  span: Span;
  type: SemanticTokenType;
  defaultLibrary: boolean;
}

/** The tokens of every expression of `workflow` that intersects `within` (the whole document by default). */
export function semanticTokens(workflow: Workflow, within?: Span): SemanticToken[] {
  const out: SemanticToken[] = [];
  for (const use of contextOf(workflow).exprs) {
    if (within && (use.expr.span.end < within.start || use.expr.span.start > within.end)) continue;
    for (const token of expressionTokens(use.expr, use.scope)) {
      if (!within || (token.span.end > within.start && token.span.start < within.end)) out.push(token);
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

type Role = { type: SemanticTokenType; defaultLibrary: boolean };

function expressionTokens(expr: ExprValue, scope: StaticScope): SemanticToken[] {
  const roles = expr.parsed.ok ? identifierRoles(expr.parsed.expr, scope) : new Map<number, Role>();
  const out: SemanticToken[] = [];
  const tokens = tokenize(expr.text);
  tokens.forEach((token, i) => {
    let role: Role | undefined;
    switch (token.kind) {
      case 'number':
        role = { type: 'number', defaultLibrary: false };
        break;
      case 'string':
        role = { type: 'string', defaultLibrary: false };
        break;
      case 'keyword':
      case 'boolean':
      case 'null':
        role = { type: 'keyword', defaultLibrary: false };
        break;
      case 'punctuation':
        role = OPERATORS.has(token.value) ? { type: 'operator', defaultLibrary: false } : undefined;
        break;
      case 'identifier':
        role = roles.get(token.start) ?? guess(tokens[i - 1]?.value, tokens[i + 1]?.value);
        break;
      default:
        break;
    }
    if (role && token.end > token.start) out.push({ span: { start: expr.toDocumentOffset(token.start), end: expr.toDocumentOffset(token.end) }, ...role });
  });
  return out;
}

const OPERATORS = new Set(['+', '-', '*', '/', '//', '%', '<', '<=', '>', '>=', '==', '!=']);

/** Without a tree: a name before `(` is a function, after `.` a property, otherwise a variable. */
function guess(before: string | undefined, after: string | undefined): Role {
  if (after === '(') return { type: 'function', defaultLibrary: false };
  if (before === '.') return { type: 'property', defaultLibrary: false };
  return { type: 'variable', defaultLibrary: false };
}

/** What each identifier token of a parsed expression is, by its start offset. */
function identifierRoles(root: Expr, scope: StaticScope): Map<number, Role> {
  const roles = new Map<number, Role>();
  visitExpr(root, (node, parent) => {
    if (node.kind === 'call') {
      const parts = dottedParts(node.callee, node.calleeSpan.start);
      const library = lookupFunction(node.callee) !== undefined;
      parts.forEach((part, i) => roles.set(part, { type: i === parts.length - 1 ? 'function' : 'namespace', defaultLibrary: library }));
    } else if (node.kind === 'member') {
      const library = moduleRoot(node, scope) !== undefined && lookupConstant(dottedName(node) ?? '') !== undefined;
      roles.set(node.propertySpan.start, { type: 'property', defaultLibrary: library });
    } else if (node.kind === 'identifier') {
      const module = parent?.kind === 'member' && parent.object === node && isStdlibModule(node.name) && !isVisible(scope, node.name);
      roles.set(node.span.start, module ? { type: 'namespace', defaultLibrary: true } : { type: 'variable', defaultLibrary: false });
    }
  });
  return roles;
}

/** The start offsets of the parts of a dotted name written without spaces from `start`. */
function dottedParts(name: string, start: number): number[] {
  const out: number[] = [];
  let at = start;
  for (const part of name.split('.')) {
    out.push(at);
    at += part.length + 1;
  }
  return out;
}

/** The module at the root of a member chain on a standard-library module (`http` of `http.default_retry`). */
function moduleRoot(node: Expr, scope: StaticScope): string | undefined {
  let at = node;
  while (at.kind === 'member') at = at.object;
  return at.kind === 'identifier' && isStdlibModule(at.name) && !isVisible(scope, at.name) ? at.name : undefined;
}

function dottedName(node: Expr): string | undefined {
  if (node.kind === 'identifier') return node.name;
  if (node.kind === 'member') {
    const inner = dottedName(node.object);
    return inner === undefined ? undefined : `${inner}.${node.property}`;
  }
  return undefined;
}
