import * as assert from 'assert';
import { formatSyntaxError } from '../../../src/core/expr/errors';
import { parseExpression } from '../../../src/core/expr/parser';

function render(text: string): string {
  const result = parseExpression(text);
  assert.ok(!result.ok, `expected a syntax error for ${JSON.stringify(text)}`);
  return formatSyntaxError(text, result.error);
}

describe('formatSyntaxError', () => {
  it('renders the message, line:col and a caret under the token', () => {
    assert.strictEqual(render('a + , b'), [
      "expected an expression, found ',' (1:5)",
      ' | a + , b',
      ' |     ^',
    ].join('\n'));
  });

  it('underlines the whole span', () => {
    assert.strictEqual(render('x and y And z'), [
      "unexpected 'And': keywords are all lower-case or all upper-case ('and' or 'AND') (1:9)",
      ' | x and y And z',
      ' |         ^^^',
    ].join('\n'));
  });

  it('shows only the line of the error in a multi-line expression, keeping tabs for alignment', () => {
    assert.strictEqual(render('a +\n\tb c\n+ d'), [
      "unexpected token 'c' (2:4)",
      ' | \tb c',
      ' | \t  ^',
    ].join('\n'));
  });

  it('stops the carets at the end of the line for a string that runs over several lines', () => {
    assert.strictEqual(render('x + "abc\r\ndef'), [
      'unterminated string (1:5)',
      ' | x + "abc',
      ' |     ^^^^',
    ].join('\n'));
  });

  it('puts one caret after the text when the error is at its end', () => {
    assert.strictEqual(render('len(x'), [
      "'(' is not closed (1:4)",
      ' | len(x',
      ' |    ^',
    ].join('\n'));
    assert.strictEqual(render('a +'), [
      'expected an expression, found the end of the expression (1:4)',
      ' | a +',
      ' |    ^',
    ].join('\n'));
  });
});
