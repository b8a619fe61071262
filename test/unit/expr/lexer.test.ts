import * as assert from 'assert';
import { EXPR_MESSAGES } from '../../../src/core/expr/errors';
import { tokenize } from '../../../src/core/expr/lexer';
import { classifyWord, isMiscasedKeyword, type Token, type TokenKind } from '../../../src/core/expr/tokens';

type Row = [kind: TokenKind, value: string, start: number, end: number];

function rows(tokens: Token[]): Row[] {
  return tokens.map((t) => [t.kind, t.value, t.start, t.end]);
}

describe('tokenize', () => {
  it('splits every operator and bracket into its own token', () => {
    const text = '+ - * / // % < <= > >= == != ( ) [ ] { } , : .';
    const expected: Row[] = [];
    let offset = 0;
    for (const op of text.split(' ')) {
      expected.push(['punctuation', op, offset, offset + op.length]);
      offset += op.length + 1;
    }
    expected.push(['eof', '', text.length, text.length]);
    assert.deepStrictEqual(rows(tokenize(text)), expected);
  });

  it('reads operators written without spaces', () => {
    assert.deepStrictEqual(rows(tokenize('a//b<=-c')), [
      ['identifier', 'a', 0, 1],
      ['punctuation', '//', 1, 3],
      ['identifier', 'b', 3, 4],
      ['punctuation', '<=', 4, 6],
      ['punctuation', '-', 6, 7],
      ['identifier', 'c', 7, 8],
      ['eof', '', 8, 8],
    ]);
  });

  it('recognises keywords in lower and upper case only', () => {
    assert.deepStrictEqual(rows(tokenize('and AND And or OR Or not NOT Not in IN In')), [
      ['keyword', 'and', 0, 3],
      ['keyword', 'and', 4, 7],
      ['identifier', 'And', 8, 11],
      ['keyword', 'or', 12, 14],
      ['keyword', 'or', 15, 17],
      ['identifier', 'Or', 18, 20],
      ['keyword', 'not', 21, 24],
      ['keyword', 'not', 25, 28],
      ['identifier', 'Not', 29, 32],
      ['keyword', 'in', 33, 35],
      ['keyword', 'in', 36, 38],
      ['identifier', 'In', 39, 41],
      ['eof', '', 41, 41],
    ]);
  });

  it('recognises booleans and null in lower, capitalised and upper case', () => {
    assert.deepStrictEqual(rows(tokenize('true True TRUE tRue false False FALSE null NULL Null nULL')), [
      ['boolean', 'true', 0, 4],
      ['boolean', 'true', 5, 9],
      ['boolean', 'true', 10, 14],
      ['identifier', 'tRue', 15, 19],
      ['boolean', 'false', 20, 25],
      ['boolean', 'false', 26, 31],
      ['boolean', 'false', 32, 37],
      ['null', 'null', 38, 42],
      ['null', 'null', 43, 47],
      ['null', 'null', 48, 52],
      ['identifier', 'nULL', 53, 57],
      ['eof', '', 57, 57],
    ]);
  });

  it('tells ints from doubles', () => {
    const tokens = tokenize('42 1.5 1e3 0.25E-2 7');
    assert.deepStrictEqual(tokens.map((t) => [t.value, t.isInt]), [
      ['42', true], ['1.5', false], ['1e3', false], ['0.25E-2', false], ['7', true], ['', false],
    ]);
  });

  it('reads a dot after an int without digits as member access', () => {
    assert.deepStrictEqual(rows(tokenize('1.a')), [
      ['number', '1', 0, 1],
      ['punctuation', '.', 1, 2],
      ['identifier', 'a', 2, 3],
      ['eof', '', 3, 3],
    ]);
  });

  it('decodes escapes and keeps raw line breaks in strings', () => {
    assert.deepStrictEqual(rows(tokenize('"a\\"b\\\\c" \'d\\\'e\' "x\ny\\u0041"')), [
      ['string', 'a"b\\c', 0, 9],
      ['string', "d'e", 10, 16],
      ['string', 'x\nyA', 17, 28],
      ['eof', '', 28, 28],
    ]);
  });

  it('skips spaces, tabs and line breaks of either kind', () => {
    assert.deepStrictEqual(rows(tokenize(' \t\r\n a \r\n')), [
      ['identifier', 'a', 5, 6],
      ['eof', '', 9, 9],
    ]);
  });

  it('ends with the first lexical error', () => {
    assert.deepStrictEqual(rows(tokenize('a @ b "c')), [
      ['identifier', 'a', 0, 1],
      ['error', EXPR_MESSAGES.unexpectedCharacter('@'), 2, 3],
    ]);
  });

  it('ends with an error for a string that is never closed', () => {
    assert.deepStrictEqual(rows(tokenize('x + "abc')), [
      ['identifier', 'x', 0, 1],
      ['punctuation', '+', 2, 3],
      ['error', EXPR_MESSAGES.unterminatedString, 4, 8],
    ]);
  });
});

describe('classifyWord and isMiscasedKeyword', () => {
  it('classify every spelling the language accepts', () => {
    assert.deepStrictEqual(
      ['in', 'IN', 'In', 'True', 'Null', 'nuLL', 'x'].map(classifyWord),
      [
        { kind: 'keyword', value: 'in' },
        { kind: 'keyword', value: 'in' },
        { kind: 'identifier', value: 'In' },
        { kind: 'boolean', value: 'true' },
        { kind: 'null', value: 'null' },
        { kind: 'identifier', value: 'nuLL' },
        { kind: 'identifier', value: 'x' },
      ],
    );
  });

  it('flag only mixed-case keywords', () => {
    assert.deepStrictEqual(
      ['And', 'aND', 'and', 'AND', 'Notes', 'True', 'x'].map(isMiscasedKeyword),
      [true, true, false, false, false, false, false],
    );
  });
});
