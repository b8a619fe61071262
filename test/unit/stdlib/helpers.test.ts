import * as assert from 'node:assert/strict';
import { call, callError, err, map } from './fakeHost';

describe('expression helpers', () => {
  describe('int', () => {
    it('converts strings, doubles (toward zero) and integers', async () => {
      assert.equal(await call('int', ['42']), 42n);
      assert.equal(await call('int', ['-7']), -7n);
      assert.equal(await call('int', ['+9223372036854775807']), 9223372036854775807n);
      assert.equal(await call('int', [2.9]), 2n);
      assert.equal(await call('int', [-2.9]), -2n);
      assert.equal(await call('int', [5n]), 5n);
    });

    it('rejects unparsable text, out-of-range values and other types', async () => {
      assert.deepEqual(await callError('int', ['4.5']), err('ValueError', 'int: cannot convert "4.5" to an integer'));
      assert.deepEqual(await callError('int', [' 4']), err('ValueError', 'int: cannot convert " 4" to an integer'));
      assert.deepEqual(
        await callError('int', ['9223372036854775808']),
        err('ValueError', 'int: integer overflow: the result 9223372036854775808 does not fit in 64 bits'),
      );
      assert.deepEqual(await callError('int', [Infinity]), err('ValueError', 'int: cannot convert Infinity to an integer'));
      assert.deepEqual(await callError('int', [true]), err('TypeError', 'int: argument "arg" must be a string, integer or double, got boolean'));
      assert.deepEqual(await callError('int', [undefined]), err('TypeError', 'int: missing argument "arg"'));
    });
  });

  describe('double', () => {
    it('converts strings and integers', async () => {
      assert.equal(await call('double', ['1.5']), 1.5);
      assert.equal(await call('double', ['-2e3']), -2000);
      assert.equal(await call('double', ['.5']), 0.5);
      assert.equal(await call('double', [3n]), 3);
      assert.equal(await call('double', [2.25]), 2.25);
    });

    it('rejects bad text and other types', async () => {
      assert.deepEqual(await callError('double', ['abc']), err('ValueError', 'double: cannot convert "abc" to a double'));
      assert.deepEqual(await callError('double', ['1e999']), err('ValueError', 'double: "1e999" is out of the double range'));
      assert.deepEqual(await callError('double', [null]), err('TypeError', 'double: argument "arg" must be a string, integer or double, got null'));
    });
  });

  describe('string', () => {
    it('prints integers, doubles and booleans', async () => {
      assert.equal(await call('string', [12n]), '12');
      assert.equal(await call('string', [1.7]), '1.7');
      assert.equal(await call('string', [2]), '2');
      assert.equal(await call('string', [-0]), '0');
      assert.equal(await call('string', [true]), 'true');
      assert.equal(await call('string', ['x']), 'x');
    });

    it('rejects null, lists, maps and bytes', async () => {
      assert.deepEqual(await callError('string', [null]), err('TypeError', 'string: cannot convert null to a string'));
      assert.deepEqual(await callError('string', [[1n]]), err('TypeError', 'string: cannot convert list to a string'));
      assert.deepEqual(await callError('string', [new Map()]), err('TypeError', 'string: cannot convert map to a string'));
      assert.deepEqual(await callError('string', [new Uint8Array(1)]), err('TypeError', 'string: cannot convert bytes to a string'));
    });
  });

  it('keys lists map keys in insertion order', async () => {
    assert.deepEqual(await call('keys', [map({ b: 1n, a: 2n, __proto__x: 3n })]), ['b', 'a', '__proto__x']);
    assert.deepEqual(await callError('keys', [[1n]]), err('TypeError', 'keys: argument "map" must be a map, got list'));
  });

  it('len counts code points, elements and entries', async () => {
    assert.equal(await call('len', ['héllo😀']), 6n);
    assert.equal(await call('len', ['']), 0n);
    assert.equal(await call('len', [[1n, null]]), 2n);
    assert.equal(await call('len', [map({ a: 1n })]), 1n);
    assert.deepEqual(await callError('len', [5n]), err('TypeError', 'len: argument "arg" must be a string, list or map, got integer'));
  });

  it('default replaces only null', async () => {
    assert.equal(await call('default', [null, 'd']), 'd');
    assert.equal(await call('default', [false, 'd']), false);
    assert.equal(await call('default', ['', 'd']), '');
    assert.deepEqual(await callError('default', [null, undefined]), err('TypeError', 'default: missing argument "defaultVal"'));
  });

  it('if picks by a boolean condition and treats null as false', async () => {
    assert.equal(await call('if', [true, 1n, 2n]), 1n);
    assert.equal(await call('if', [false, 1n, 2n]), 2n);
    assert.equal(await call('if', [null, 1n, 2n]), 2n);
    assert.deepEqual(await callError('if', [1n, 1n, 2n]), err('TypeError', 'if: argument "condition" must be a boolean or null, got integer'));
  });

  it('get_type names every type', async () => {
    const cases: [Parameters<typeof call>[1][0], string][] = [
      [null, 'null'],
      [true, 'boolean'],
      [1n, 'integer'],
      [1.5, 'double'],
      ['s', 'string'],
      [new Uint8Array(0), 'bytes'],
      [[], 'list'],
      [new Map(), 'map'],
    ];
    for (const [v, name] of cases) assert.equal(await call('get_type', [v]), name);
  });
});
