import * as assert from 'assert';
import type { Expr } from '../../../src/core/expr/ast';
import { EXPR_MESSAGES } from '../../../src/core/expr/errors';
import { parseExpression } from '../../../src/core/expr/parser';
import { bin, bool, call, dbl, id, index, int, list, map, member, nul, str, unary } from './nodes';

function parses(text: string, expected: Expr): void {
  assert.deepStrictEqual(parseExpression(text), { ok: true, expr: expected });
}

function fails(text: string, message: string, start: number, end: number): void {
  assert.deepStrictEqual(parseExpression(text), { ok: false, error: { message, span: { start, end } } });
}

describe('parseExpression', () => {
  describe('literals', () => {
    const cases: [string, Expr][] = [
      ['42', int('42', 0)],
      ['0', int('0', 0)],
      ['9223372036854775807', int('9223372036854775807', 0)],
      ['1.5', dbl('1.5', 0)],
      ['1e3', dbl('1e3', 0)],
      ['2.5E-3', dbl('2.5E-3', 0)],
      ['7e+2', dbl('7e+2', 0)],
      ['"hello"', str('hello', [0, 7])],
      ["'single'", str('single', [0, 8])],
      ['""', str('', [0, 2])],
      ['"say \\"hi\\""', str('say "hi"', [0, 12])],
      ["'it\\'s'", str("it's", [0, 7])],
      ['"a\\\\b"', str('a\\b', [0, 6])],
      ['"\\n\\t\\r"', str('\n\t\r', [0, 8])],
      ['"caf\\u00e9 \\u00C9"', str('café É', [0, 18])],
      ['"it\'s"', str("it's", [0, 6])],
      ["'say \"hi\"'", str('say "hi"', [0, 10])],
      ['"line one\nline two"', str('line one\nline two', [0, 19])],
      ['true', bool(true, [0, 4])],
      ['True', bool(true, [0, 4])],
      ['TRUE', bool(true, [0, 4])],
      ['false', bool(false, [0, 5])],
      ['False', bool(false, [0, 5])],
      ['FALSE', bool(false, [0, 5])],
      ['null', nul(0)],
      ['Null', nul(0)],
      ['NULL', nul(0)],
      ['  42  ', int('42', 2)],
    ];
    for (const [text, expected] of cases) {
      it(`parses ${JSON.stringify(text)}`, () => parses(text, expected));
    }

    it('reads other mixed-case spellings of true and null as identifiers', () => {
      parses('tRUE', id('tRUE', 0));
      parses('nuLL', id('nuLL', 0));
    });
  });

  describe('identifiers, lists and maps', () => {
    const cases: [string, Expr][] = [
      ['x', id('x', 0)],
      ['_private1', id('_private1', 0)],
      ['my_var_2', id('my_var_2', 0)],
      ['[]', list([0, 2])],
      ['[1, "a", [true]]', list([0, 16], int('1', 1), str('a', [4, 7]), list([9, 15], bool(true, [10, 14])))],
      ['{}', map([0, 2])],
      ['{"k": 1}', map([0, 8], [str('k', [1, 4]), int('1', 6)])],
      [
        '{"a": {"b": [x]}, \'c\': null}',
        map([0, 28],
          [str('a', [1, 4]), map([6, 16], [str('b', [7, 10]), list([12, 15], id('x', 13))])],
          [str('c', [18, 21]), nul(23)]),
      ],
      ['{k + "1": v}', map([0, 12], [bin('+', [3, 4], id('k', 1), str('1', [5, 8]), [1, 8]), id('v', 10)])],
      ['[\n  1,\n  2\n]', list([0, 12], int('1', 4), int('2', 9))],
    ];
    for (const [text, expected] of cases) {
      it(`parses ${JSON.stringify(text)}`, () => parses(text, expected));
    }
  });

  describe('member access, indexing and calls', () => {
    const cases: [string, Expr][] = [
      ['a.b.c', member(member(id('a', 0), 'b', 2, [0, 3]), 'c', 4, [0, 5])],
      ['a["k"][0]', index(index(id('a', 0), str('k', [2, 5]), [0, 6]), int('0', 7), [0, 9])],
      ['a.b[c].d', member(index(member(id('a', 0), 'b', 2, [0, 3]), id('c', 4), [0, 6]), 'd', 7, [0, 8])],
      ['a.in', member(id('a', 0), 'in', 2, [0, 4])],
      ['a.true', member(id('a', 0), 'true', 2, [0, 6])],
      ['"abc"[0]', index(str('abc', [0, 5]), int('0', 6), [0, 8])],
      ['[1, 2][0]', index(list([0, 6], int('1', 1), int('2', 4)), int('0', 7), [0, 9])],
      ['len(x)', call('len', 0, [0, 6], id('x', 4))],
      ['f()', call('f', 0, [0, 3])],
      ['text.split(x, ",")', call('text.split', 0, [0, 18], id('x', 11), str(',', [14, 17]))],
      ['sys.get_env("GOOGLE_CLOUD_PROJECT_ID")', call('sys.get_env', 0, [0, 38], str('GOOGLE_CLOUD_PROJECT_ID', [12, 37]))],
      ['my_sub(1, 2)', call('my_sub', 0, [0, 12], int('1', 7), int('2', 10))],
      [
        'http.default_retry_predicate',
        member(id('http', 0), 'default_retry_predicate', 5, [0, 28]),
      ],
      ['f(x).y[0]', index(member(call('f', 0, [0, 4], id('x', 2)), 'y', 5, [0, 6]), int('0', 7), [0, 9])],
      ['len(a.b[0])', call('len', 0, [0, 11], index(member(id('a', 0 + 4), 'b', 6, [4, 7]), int('0', 8), [4, 10]))],
      [
        'map.get(m, "k").x',
        member(call('map.get', 0, [0, 15], id('m', 8), str('k', [11, 14])), 'x', 16, [0, 17]),
      ],
      ['(a).b', member(id('a', 1), 'b', 4, [0, 5])],
    ];
    for (const [text, expected] of cases) {
      it(`parses ${JSON.stringify(text)}`, () => parses(text, expected));
    }

    it('gives a call written with spaces the span of the whole dotted name', () => {
      parses('text . split (x)', {
        kind: 'call', callee: 'text.split', calleeSpan: { start: 0, end: 12 }, args: [id('x', 14)], span: { start: 0, end: 16 },
      });
    });
  });

  describe('operators and precedence', () => {
    const cases: [string, Expr][] = [
      ['a or b and c', bin('or', [2, 4], id('a', 0), bin('and', [7, 10], id('b', 5), id('c', 11), [5, 12]), [0, 12])],
      ['a and b or c', bin('or', [8, 10], bin('and', [2, 5], id('a', 0), id('b', 6), [0, 7]), id('c', 11), [0, 12])],
      ['a and b == c', bin('and', [2, 5], id('a', 0), bin('==', [8, 10], id('b', 6), id('c', 11), [6, 12]), [0, 12])],
      ['a == b + c', bin('==', [2, 4], id('a', 0), bin('+', [7, 8], id('b', 5), id('c', 9), [5, 10]), [0, 10])],
      ['a + b * c', bin('+', [2, 3], id('a', 0), bin('*', [6, 7], id('b', 4), id('c', 8), [4, 9]), [0, 9])],
      ['a * -b', bin('*', [2, 3], id('a', 0), unary('-', id('b', 5), [4, 6]), [0, 6])],
      ['-a * b', bin('*', [3, 4], unary('-', id('a', 1), [0, 2]), id('b', 5), [0, 6])],
      ['not a == b', bin('==', [6, 8], unary('not', id('a', 4), [0, 5]), id('b', 9), [0, 10])],
      ['not a.b', unary('not', member(id('a', 4), 'b', 6, [4, 7]), [0, 7])],
      ['-a[0]', unary('-', index(id('a', 1), int('0', 3), [1, 5]), [0, 5])],
      ['-2', unary('-', int('2', 1), [0, 2])],
      ['not not a', unary('not', unary('not', id('a', 8), [4, 9]), [0, 9])],
      ['not -a', unary('not', unary('-', id('a', 5), [4, 6]), [0, 6])],
      ['-not a', unary('-', unary('not', id('a', 5), [1, 6]), [0, 6])],
      ['a - b - c', bin('-', [6, 7], bin('-', [2, 3], id('a', 0), id('b', 4), [0, 5]), id('c', 8), [0, 9])],
      ['a + b - c', bin('-', [6, 7], bin('+', [2, 3], id('a', 0), id('b', 4), [0, 5]), id('c', 8), [0, 9])],
      [
        'a / b // c % d',
        bin('%', [11, 12], bin('//', [6, 8], bin('/', [2, 3], id('a', 0), id('b', 4), [0, 5]), id('c', 9), [0, 10]), id('d', 13), [0, 14]),
      ],
      ['a * b / c', bin('/', [6, 7], bin('*', [2, 3], id('a', 0), id('b', 4), [0, 5]), id('c', 8), [0, 9])],
      ['a or b or c', bin('or', [7, 9], bin('or', [2, 4], id('a', 0), id('b', 5), [0, 6]), id('c', 10), [0, 11])],
      ['a and b and c', bin('and', [8, 11], bin('and', [2, 5], id('a', 0), id('b', 6), [0, 7]), id('c', 12), [0, 13])],
      ['(a + b) * c', bin('*', [8, 9], bin('+', [3, 4], id('a', 1), id('b', 5), [1, 6]), id('c', 10), [0, 11])],
      ['a * (b + c)', bin('*', [2, 3], id('a', 0), bin('+', [7, 8], id('b', 5), id('c', 9), [5, 10]), [0, 11])],
      ['((a))', id('a', 2)],
      ['(a < b) < c', bin('<', [8, 9], bin('<', [3, 4], id('a', 1), id('b', 5), [1, 6]), id('c', 10), [0, 11])],
      [
        '"x" in l and y not in m',
        bin('and', [9, 12], bin('in', [4, 6], str('x', [0, 3]), id('l', 7), [0, 8]), bin('not in', [15, 21], id('y', 13), id('m', 22), [13, 23]), [0, 23]),
      ],
      [
        'a AND b OR NOT c',
        bin('or', [8, 10], bin('and', [2, 5], id('a', 0), id('b', 6), [0, 7]), unary('not', id('c', 15), [11, 16]), [0, 16]),
      ],
      ['x IN l', bin('in', [2, 4], id('x', 0), id('l', 5), [0, 6])],
      ['x NOT IN l', bin('not in', [2, 8], id('x', 0), id('l', 9), [0, 10])],
      ['x not\n  in l', bin('not in', [2, 10], id('x', 0), id('l', 11), [0, 12])],
      ['not("HttpError" in e.tags)', unary('not', bin('in', [16, 18], str('HttpError', [4, 15]), member(id('e', 19), 'tags', 21, [19, 25]), [4, 25]), [0, 26])],
      ['a +\n  b', bin('+', [2, 3], id('a', 0), id('b', 6), [0, 7])],
      [
        '[0, len(x) - 1]',
        list([0, 15], int('0', 1), bin('-', [11, 12], call('len', 4, [4, 10], id('x', 8)), int('1', 13), [4, 14])),
      ],
    ];
    for (const [text, expected] of cases) {
      it(`parses ${JSON.stringify(text)}`, () => parses(text, expected));
    }

    for (const op of ['<', '<=', '>', '>=', '==', '!=', 'in', 'not in'] as const) {
      it(`puts '${op}' below '+' and above 'and'`, () => {
        const text = `a + 1 ${op} b and c`;
        const opStart = 6;
        const opEnd = opStart + op.length;
        parses(text, bin('and',
          [opEnd + 3, opEnd + 6],
          bin(op, [opStart, opEnd], bin('+', [2, 3], id('a', 0), int('1', 4), [0, 5]), id('b', opEnd + 1), [0, opEnd + 2]),
          id('c', opEnd + 7),
          [0, opEnd + 8]));
      });
    }
  });

  describe('syntax errors', () => {
    const cases: [string, string, number, number][] = [
      ['', EXPR_MESSAGES.emptyExpression, 0, 0],
      ['   \n ', EXPR_MESSAGES.emptyExpression, 0, 5],
      ['a +', EXPR_MESSAGES.expectedExpression('the end of the expression'), 3, 3],
      ['a + , b', EXPR_MESSAGES.expectedExpression("','"), 4, 5],
      ['a b', EXPR_MESSAGES.unexpectedToken("'b'"), 2, 3],
      ['f(x))', EXPR_MESSAGES.unexpectedToken("')'"), 4, 5],
      ['(a', EXPR_MESSAGES.notClosed('('), 0, 1],
      ['(a b', EXPR_MESSAGES.expectedClose(')', "'b'"), 3, 4],
      ['f(1', EXPR_MESSAGES.notClosed('('), 1, 2],
      ['f(1 2)', EXPR_MESSAGES.expectedCommaOrClose(')', "'2'"), 4, 5],
      ['f(1,)', EXPR_MESSAGES.expectedExpression("')'"), 4, 5],
      ['[1 2]', EXPR_MESSAGES.expectedCommaOrClose(']', "'2'"), 3, 4],
      ['[1, 2', EXPR_MESSAGES.notClosed('['), 0, 1],
      ['[1, 2,]', EXPR_MESSAGES.expectedExpression("']'"), 6, 7],
      ['a[1', EXPR_MESSAGES.notClosed('['), 1, 2],
      ['a[1 2]', EXPR_MESSAGES.expectedClose(']', "'2'"), 4, 5],
      ['a[]', EXPR_MESSAGES.expectedExpression("']'"), 2, 3],
      ['a[1:2]', EXPR_MESSAGES.slice, 3, 4],
      ['a[:2]', EXPR_MESSAGES.slice, 2, 3],
      ['{"a" 1}', EXPR_MESSAGES.expectedColon("'1'"), 5, 6],
      ['{"a": 1', EXPR_MESSAGES.notClosed('{'), 0, 1],
      ['{"a"', EXPR_MESSAGES.notClosed('{'), 0, 1],
      ['{"a": 1 "b": 2}', EXPR_MESSAGES.expectedCommaOrClose('}', '"b"'), 8, 11],
      ['a.', EXPR_MESSAGES.expectedPropertyName('the end of the expression'), 2, 2],
      ['a.1', EXPR_MESSAGES.expectedPropertyName("'1'"), 2, 3],
      ['a."b"', EXPR_MESSAGES.expectedPropertyName('"b"'), 2, 5],
      ['a not b', EXPR_MESSAGES.expectedInAfterNot("'b'"), 6, 7],
      ['a not', EXPR_MESSAGES.expectedInAfterNot('the end of the expression'), 5, 5],
      ['a < b < c', EXPR_MESSAGES.chainedComparison('<'), 6, 7],
      ['a == b != c', EXPR_MESSAGES.chainedComparison('!='), 7, 9],
      ['x in l == true', EXPR_MESSAGES.chainedComparison('=='), 7, 9],
      ['a < b not in c', EXPR_MESSAGES.chainedComparison('not in'), 6, 12],
      ['a And b', EXPR_MESSAGES.miscasedKeyword('And'), 2, 5],
      ['a Or b', EXPR_MESSAGES.miscasedKeyword('Or'), 2, 4],
      ['x In l', EXPR_MESSAGES.miscasedKeyword('In'), 2, 4],
      ['Not x', EXPR_MESSAGES.miscasedKeyword('Not'), 0, 3],
      ['a nOt in b', EXPR_MESSAGES.miscasedKeyword('nOt'), 2, 5],
      ['f(x)(y)', EXPR_MESSAGES.notCallable, 0, 4],
      ['a[0](1)', EXPR_MESSAGES.notCallable, 0, 4],
      ['(f)(1)', EXPR_MESSAGES.notCallable, 0, 3],
      ['"abc".f(1)', EXPR_MESSAGES.notCallable, 0, 7],
      ['"abc', EXPR_MESSAGES.unterminatedString, 0, 4],
      ["'abc\\'", EXPR_MESSAGES.unterminatedString, 0, 6],
      ['"abc\\', EXPR_MESSAGES.unterminatedString, 0, 5],
      ['"a\\d"', EXPR_MESSAGES.unknownEscape('\\d'), 2, 4],
      ['"\\u12"', EXPR_MESSAGES.badUnicodeEscape, 1, 5],
      ['"\\u12', EXPR_MESSAGES.badUnicodeEscape, 1, 5],
      ['1e', EXPR_MESSAGES.missingExponentDigits('1e'), 0, 2],
      ['1e+', EXPR_MESSAGES.missingExponentDigits('1e+'), 0, 3],
      ['12ab', EXPR_MESSAGES.invalidNumber('12ab'), 0, 4],
      ['9223372036854775808', EXPR_MESSAGES.numberOutOfRange('9223372036854775808', true), 0, 19],
      ['1e999', EXPR_MESSAGES.numberOutOfRange('1e999', false), 0, 5],
      ['x = 1', EXPR_MESSAGES.singleEquals, 2, 3],
      ['!x', EXPR_MESSAGES.bang, 0, 1],
      ['a && b', EXPR_MESSAGES.ampersand, 2, 4],
      ['a || b', EXPR_MESSAGES.pipe, 2, 4],
      ['a # b', EXPR_MESSAGES.unexpectedCharacter('#'), 2, 3],
      ['a + é', EXPR_MESSAGES.unexpectedCharacter('é'), 4, 5],
      ['a + 😀', EXPR_MESSAGES.unexpectedCharacter('😀'), 4, 6],
      ['${a}', EXPR_MESSAGES.unexpectedCharacter('$'), 0, 1],
      ['and', EXPR_MESSAGES.expectedExpression("'and'"), 0, 3],
      ['a + in', EXPR_MESSAGES.expectedExpression("'in'"), 4, 6],
      ['a b "unterminated', EXPR_MESSAGES.unexpectedToken("'b'"), 2, 3],
      ['(a "unterminated', EXPR_MESSAGES.unterminatedString, 3, 16],
    ];
    for (const [text, message, start, end] of cases) {
      it(`reports ${JSON.stringify(message)} for ${JSON.stringify(text)}`, () => fails(text, message, start, end));
    }

    it('rejects nesting deeper than the limit instead of overflowing the stack', () => {
      const text = `${'('.repeat(1000)}a${')'.repeat(1000)}`;
      fails(text, EXPR_MESSAGES.tooDeep(500), 250, 251);
    });

    it('rejects operator chains deeper than the limit', () => {
      const text = Array.from({ length: 600 }, () => 'a').join('+');
      const result = parseExpression(text);
      assert.strictEqual(result.ok, false);
      assert.strictEqual(!result.ok && result.error.message, EXPR_MESSAGES.tooDeep(500));
    });

    it('accepts a chain of 400 additions', () => {
      const text = Array.from({ length: 400 }, () => 'a').join('+');
      assert.strictEqual(parseExpression(text).ok, true);
    });
  });
});
