import * as assert from 'assert';
import fc from 'fast-check';
import type { Span } from '../../../src/core/location';
import { parseExpression } from '../../../src/core/expr/parser';
import { visitExpr } from '../../../src/core/expr/walk';

/** Fragments that reach deep into the grammar, mixed with arbitrary characters. */
const FRAGMENTS = [
  'a', 'b1', '_x', 'len', 'text.split', '.', ',', ':', '(', ')', '[', ']', '{', '}', '+', '-', '*', '/',
  '//', '%', '<', '<=', '>', '>=', '==', '!=', '=', '!', 'and', 'AND', 'And', 'or', 'not', 'NOT', 'in',
  'true', 'False', 'null', '0', '42', '1.5', '1e3', '1e', '"', "'", '"s"', "'t'", '\\', '\\u00', ' ', '\n', '\t',
];

const expressionLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(''));

function inside(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
}

function checkResult(text: string): void {
  const result = parseExpression(text);
  if (!result.ok) {
    assert.ok(inside(result.error.span, text.length), `error span ${JSON.stringify(result.error.span)} outside ${JSON.stringify(text)}`);
    assert.ok(result.error.message.length > 0);
    return;
  }
  visitExpr(result.expr, (node) => {
    assert.ok(inside(node.span, text.length), `${node.kind} span ${JSON.stringify(node.span)} outside ${JSON.stringify(text)}`);
  });
}

describe('parseExpression on random input', () => {
  it('returns a tree or an error whose spans lie inside the text, for 2,000 arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40, unit: 'binary' }), (text) => checkResult(text)), { numRuns: 1000, seed: 20261127 });
    fc.assert(fc.property(expressionLike, (text) => checkResult(text)), { numRuns: 1000, seed: 20261127 });
  });
});
