import { strict as assert } from 'assert';
import { WorkflowError } from '../../../src/engine/errors';
import { add, arithmetic, compare, contains, divide, equals, negate } from '../../../src/engine/interpreter/operators';
import type { Value } from '../../../src/engine/value';

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkflowError) return e.value;
    throw e;
  }
  throw new Error('expected a WorkflowError');
}

function err(tag: string, message: string): Map<string, Value> {
  return new Map<string, Value>([
    ['message', message],
    ['tags', [tag]],
  ]);
}

describe('operators', () => {
  describe('+', () => {
    it('follows the documented result table for numbers and strings', () => {
      assert.equal(add(1n, 2n), 3n);
      assert.equal(add(1n, 2.5), 3.5);
      assert.equal(add(1.5, 2n), 3.5);
      assert.equal(add('a', 1n), 'a1');
      assert.equal(add(1n, 'a'), '1a');
      assert.equal(add(1.5, 'x'), '1.5x');
      assert.equal(add('x', true), 'xtrue');
      assert.equal(add(false, 'x'), 'falsex');
      assert.equal(add('a', 'b'), 'ab');
    });

    it('rejects booleans with numbers, null, lists and maps as TypeError', () => {
      assert.deepEqual(errorOf(() => add(true, 1n)), err('TypeError', 'Unsupported operand types for +: "boolean" and "integer"'));
      assert.deepEqual(errorOf(() => add(1n, false)), err('TypeError', 'Unsupported operand types for +: "integer" and "boolean"'));
      assert.deepEqual(errorOf(() => add(null, 'a')), err('TypeError', 'Unsupported operand types for +: "null" and "string"'));
      assert.deepEqual(errorOf(() => add([], [])), err('TypeError', 'Unsupported operand types for +: "list" and "list"'));
    });

    it('raises ValueError on int64 overflow instead of wrapping', () => {
      assert.deepEqual(
        errorOf(() => add(2n ** 63n - 1n, 1n)),
        err('ValueError', 'Integer overflow: the result 9223372036854775808 does not fit in 64 bits'),
      );
    });
  });

  describe('- * / // %', () => {
    it('keeps ints for - and * and gives doubles when either side is a double', () => {
      assert.equal(arithmetic('-', 5n, 7n), -2n);
      assert.equal(arithmetic('*', 6n, 7n), 42n);
      assert.equal(arithmetic('*', 2n, 0.5), 1);
      assert.equal(typeof arithmetic('*', 2n, 0.5), 'number');
    });

    it('always divides to a double with /', () => {
      assert.equal(divide('/', 4n, 2n), 2);
      assert.equal(typeof divide('/', 4n, 2n), 'number');
      assert.equal(divide('/', 7n, 2n), 3.5);
    });

    it('floors // and gives % the sign of the divisor, like Python', () => {
      assert.equal(divide('//', 7n, 2n), 3n);
      assert.equal(divide('//', -7n, 2n), -4n);
      assert.equal(divide('//', 7n, -2n), -4n);
      assert.equal(divide('%', -7n, 2n), 1n);
      assert.equal(divide('%', 7n, -2n), -1n);
      assert.equal(divide('%', 7n, 2n), 1n);
      assert.equal(divide('//', 7.5, 2n), 3);
      assert.equal(divide('%', -7.5, 2n), 0.5);
    });

    it('raises ZeroDivisionError naming the operand types', () => {
      assert.deepEqual(errorOf(() => divide('/', 1n, 0n)), err('ZeroDivisionError', 'Division by zero: integer / integer'));
      assert.deepEqual(errorOf(() => divide('%', 1.5, 0n)), err('ZeroDivisionError', 'Division by zero: double % integer'));
      assert.deepEqual(errorOf(() => divide('//', 1n, 0.0)), err('ZeroDivisionError', 'Division by zero: integer // double'));
    });

    it('rejects non-numbers', () => {
      assert.deepEqual(errorOf(() => arithmetic('-', 'a', 1n)), err('TypeError', 'Unsupported operand types for -: "string" and "integer"'));
      assert.deepEqual(errorOf(() => negate('a')), err('TypeError', 'Unsupported operand type for unary -: "string"'));
    });
  });

  describe('comparisons and equality', () => {
    it('compares ints and doubles numerically and strings by code point', () => {
      assert.equal(compare('<', 1n, 1.5), true);
      assert.equal(compare('>=', 2n, 2.0), true);
      assert.equal(compare('<', 'B', 'a'), true);
      assert.equal(compare('<', '\uFF61', '\u{1F600}'), true);
    });

    it('rejects comparing other types', () => {
      assert.deepEqual(errorOf(() => compare('<', 1n, 'a')), err('TypeError', 'Unsupported operand types for <: "integer" and "string"'));
      assert.deepEqual(errorOf(() => compare('<', null, null)), err('TypeError', 'Unsupported operand types for <: "null" and "null"'));
    });

    it('treats 1 == 1.0 as equal and compares lists and maps deeply', () => {
      assert.equal(equals(1n, 1.0), true);
      assert.equal(equals([1n, new Map([['a', 2n]])], [1.0, new Map([['a', 2.0]])]), true);
      assert.equal(equals(new Map([['a', 1n]]), new Map([['b', 1n]])), false);
      assert.equal(equals('1', 1n), false);
      assert.equal(equals(null, null), true);
      assert.equal(equals(null, false), false);
    });
  });

  describe('in', () => {
    it('finds list elements and map keys', () => {
      assert.equal(contains(2n, [1n, 2.0]), true);
      assert.equal(contains('a', new Map([['a', null]])), true);
      assert.equal(contains('b', new Map([['a', null]])), false);
    });

    it('gives the documented message when the right side is not a list or map', () => {
      assert.deepEqual(errorOf(() => contains('x', null)), err('TypeError', "The argument of 'in' must be a dict or an array; got: null"));
    });
  });
});
