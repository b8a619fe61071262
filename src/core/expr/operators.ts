/**
 * The operator table [D datatypes "Order of operations"], high to low: `()`, then `.` / `[]` /
 * calls, then `not`, then unary `-`, then `* / // %`, then binary `+ -`, then comparisons and
 * membership (`< <= > >= == != in`, plus `not in`) on one level, then `and`, then `or`.
 * Binary operators are left-associative [R].
 *
 * The two prefix operators bind tighter than every binary operator, so `not a == b` is
 * `(not a) == b` and `-a * b` is `(-a) * b`. Between themselves their order cannot change a parse
 * (both are prefixes), so `not -x` and `-not x` are both accepted.
 *
 * Chained comparisons (`a < b < c`, `x in l == true`) are not documented by Google; the parser
 * rejects them with a message asking for `and` or parentheses rather than guess a meaning [R].
 */
import type { BinaryOperator, UnaryOperator } from './ast';

/** Binding power of each binary operator: larger binds tighter. */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  or: 1,
  and: 2,
  '<': 3,
  '<=': 3,
  '>': 3,
  '>=': 3,
  '==': 3,
  '!=': 3,
  in: 3,
  'not in': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '//': 5,
  '%': 5,
};

/** Binding power of the prefix operators: above every binary operator, below postfix access. */
export const UNARY_PRECEDENCE: Readonly<Record<UnaryOperator, number>> = {
  '-': 6,
  not: 7,
};

/** Binding power of `.`, `[]` and calls. */
export const POSTFIX_PRECEDENCE = 8;

/** The level of comparisons and membership, where chaining is rejected. */
export const COMPARISON_PRECEDENCE = 3;

const BINARY_PUNCTUATION: ReadonlySet<string> = new Set([
  '+', '-', '*', '/', '//', '%', '<', '<=', '>', '>=', '==', '!=',
]);

/** True when a punctuation token is a binary operator. */
export function isBinaryPunctuation(value: string): value is BinaryOperator {
  return BINARY_PUNCTUATION.has(value);
}

/** True for the operators of the comparison level, which cannot be chained. */
export function isComparison(operator: BinaryOperator): boolean {
  return BINARY_PRECEDENCE[operator] === COMPARISON_PRECEDENCE;
}
