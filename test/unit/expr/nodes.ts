/**
 * Terse builders for expected expression trees. Every span is written out by the test (never
 * computed from the children), so the tests check the parser's spans rather than echo them.
 */
import type { BinaryOperator, Expr, UnaryOperator } from '../../../src/core/expr/ast';

type At = [start: number, end: number];

const span = ([start, end]: At) => ({ start, end });

export const id = (name: string, start: number): Expr => ({ kind: 'identifier', name, span: { start, end: start + name.length } });

export const int = (text: string, start: number): Expr => ({
  kind: 'number', text, isInt: true, value: Number(text), span: { start, end: start + text.length },
});

export const dbl = (text: string, start: number): Expr => ({
  kind: 'number', text, isInt: false, value: Number(text), span: { start, end: start + text.length },
});

export const str = (value: string, at: At): Expr => ({ kind: 'string', value, span: span(at) });

export const bool = (value: boolean, at: At): Expr => ({ kind: 'boolean', value, span: span(at) });

export const nul = (start: number): Expr => ({ kind: 'null', span: { start, end: start + 4 } });

export const list = (at: At, ...items: Expr[]): Expr => ({ kind: 'list', items, span: span(at) });

export const map = (at: At, ...entries: [Expr, Expr][]): Expr => ({
  kind: 'map', entries: entries.map(([key, value]) => ({ key, value })), span: span(at),
});

export const member = (object: Expr, property: string, propertyStart: number, at: At): Expr => ({
  kind: 'member', object, property, propertySpan: { start: propertyStart, end: propertyStart + property.length }, span: span(at),
});

export const index = (object: Expr, indexExpr: Expr, at: At): Expr => ({ kind: 'index', object, index: indexExpr, span: span(at) });

export const call = (callee: string, calleeStart: number, at: At, ...args: Expr[]): Expr => ({
  kind: 'call', callee, calleeSpan: { start: calleeStart, end: calleeStart + callee.length }, args, span: span(at),
});

export const unary = (operator: UnaryOperator, operand: Expr, at: At): Expr => ({ kind: 'unary', operator, operand, span: span(at) });

export const bin = (operator: BinaryOperator, operatorAt: At, left: Expr, right: Expr, at: At): Expr => ({
  kind: 'binary', operator, operatorSpan: span(operatorAt), left, right, span: span(at),
});
