/**
 * The expression AST for the text inside `${...}`. Every node's `span` is relative to the start of
 * the expression text (the character after `${`); the model maps those offsets back to the document
 * (see `ExprValue.toDocumentOffset`), which accounts for YAML quoting and block scalars.
 */
import type { Span } from '../location';

export type BinaryOperator =
  | '+' | '-' | '*' | '/' | '//' | '%'
  | '<' | '<=' | '>' | '>=' | '==' | '!='
  | 'in' | 'not in'
  | 'and' | 'or';

export type UnaryOperator = '-' | 'not';

export type Expr =
  | NullLiteral
  | BooleanLiteral
  | NumberLiteral
  | StringLiteral
  | ListLiteral
  | MapLiteral
  | Identifier
  | MemberAccess
  | IndexAccess
  | CallExpr
  | UnaryExpr
  | BinaryExpr;

export interface NullLiteral {
  kind: 'null';
  span: Span;
}

export interface BooleanLiteral {
  kind: 'boolean';
  value: boolean;
  span: Span;
}

/** `isInt` is true for literals without `.` or exponent; `text` is the literal as written. */
export interface NumberLiteral {
  kind: 'number';
  text: string;
  isInt: boolean;
  /** The value as a JavaScript number (exact for doubles; ints beyond 2^53 should use `text`). */
  value: number;
  span: Span;
}

/** `value` is the decoded string (escapes resolved). */
export interface StringLiteral {
  kind: 'string';
  value: string;
  span: Span;
}

export interface ListLiteral {
  kind: 'list';
  items: Expr[];
  span: Span;
}

/** `{"k": v, "${dyn}": w}` inside an expression; keys are expressions (usually string literals). */
export interface MapLiteral {
  kind: 'map';
  entries: { key: Expr; value: Expr }[];
  span: Span;
}

export interface Identifier {
  kind: 'identifier';
  name: string;
  span: Span;
}

/** `object.property`. */
export interface MemberAccess {
  kind: 'member';
  object: Expr;
  property: string;
  propertySpan: Span;
  span: Span;
}

/** `object[index]`. */
export interface IndexAccess {
  kind: 'index';
  object: Expr;
  index: Expr;
  span: Span;
}

/**
 * A call. `callee` is the dotted name as written (`len`, `text.split`,
 * `http.default_retry_predicate`, `my_subworkflow`); calls on computed values do not exist in
 * the language, so the parser only builds a CallExpr when the callee is a dotted name.
 */
export interface CallExpr {
  kind: 'call';
  callee: string;
  calleeSpan: Span;
  args: Expr[];
  span: Span;
}

export interface UnaryExpr {
  kind: 'unary';
  operator: UnaryOperator;
  operand: Expr;
  span: Span;
}

export interface BinaryExpr {
  kind: 'binary';
  operator: BinaryOperator;
  /** Where the operator token is, for precise type-error ranges. */
  operatorSpan: Span;
  left: Expr;
  right: Expr;
  span: Span;
}

/** A syntax error: the first one found; the parser stops there. */
export interface ExprSyntaxError {
  message: string;
  /** Relative to the expression text, like node spans. */
  span: Span;
}

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: ExprSyntaxError };
