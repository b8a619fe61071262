import * as assert from 'node:assert/strict';
import { WorkflowError } from '../../../src/engine/errors';
import { decodeJson, encodeJson, fromJson, toJson } from '../../../src/engine/json';
import type { Value } from '../../../src/engine/value';

function errorOf(fn: () => unknown): Value {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkflowError) return e.value;
    throw e;
  }
  assert.fail('expected a WorkflowError');
}

function err(tag: string, message: string): Value {
  return new Map<string, Value>([
    ['message', message],
    ['tags', [tag]],
  ]);
}

describe('JSON codec', () => {
  describe('decodeJson', () => {
    it('decodes scalars with integers as bigint and fractions as doubles', () => {
      assert.deepEqual(decodeJson('null'), null);
      assert.deepEqual(decodeJson(' true '), true);
      assert.deepEqual(decodeJson('false'), false);
      assert.deepEqual(decodeJson('42'), 42n);
      assert.deepEqual(decodeJson('-0'), 0n);
      assert.deepEqual(decodeJson('1.0'), 1);
      assert.equal(typeof decodeJson('1.0'), 'number');
      assert.deepEqual(decodeJson('1e3'), 1000);
      assert.equal(typeof decodeJson('1e3'), 'number');
      assert.deepEqual(decodeJson('-2.5E-3'), -0.0025);
      assert.deepEqual(decodeJson('"hi"'), 'hi');
    });

    it('keeps integers beyond 2^53 exact and turns integers beyond int64 into doubles', () => {
      assert.deepEqual(decodeJson('9007199254740993'), 9007199254740993n);
      assert.deepEqual(decodeJson('9223372036854775807'), 9223372036854775807n);
      assert.deepEqual(decodeJson('-9223372036854775808'), -9223372036854775808n);
      assert.deepEqual(decodeJson('9223372036854775808'), 9223372036854775808);
      assert.deepEqual(decodeJson('[12345678901234567890123]'), [1.2345678901234568e22]);
    });

    it('decodes objects to Maps in document order, the last repeated key winning', () => {
      const v = decodeJson('{"b": 1, "a": [1, 2.5, {"c": null}], "b": "x", "__proto__": {}}');
      assert.deepEqual(
        v,
        new Map<string, Value>([
          ['b', 'x'],
          ['a', [1n, 2.5, new Map([['c', null]])]],
          ['__proto__', new Map()],
        ]),
      );
      assert.deepEqual(decodeJson('{}'), new Map());
      assert.deepEqual(decodeJson('[]'), []);
      assert.deepEqual(decodeJson('\t[ 1 ,\r\n2 ]\n'), [1n, 2n]);
    });

    it('decodes every escape, unicode escapes and surrogate pairs', () => {
      assert.equal(decodeJson('"\\" \\\\ \\/ \\b \\f \\n \\r \\t"'), '" \\ / \b \f \n \r \t');
      assert.equal(decodeJson('"\\u00e9\\u4e2D"'), 'é中');
      assert.equal(decodeJson('"\\ud83d\\ude00"'), '😀');
      assert.equal(decodeJson('"😀 raw"'), '😀 raw');
      assert.equal(decodeJson('"\\ud83d"'), '\ud83d');
    });

    it('raises a ValueError with the offset for invalid JSON', () => {
      const cases: [string, string][] = [
        ['', 'JSON decoding error: expected a value at the end of the input'],
        ['{', 'JSON decoding error: expected a string key at the end of the input'],
        ['{"a" 1}', "JSON decoding error: expected ':' after a key at offset 5"],
        ['{"a":1,}', 'JSON decoding error: expected a string key at offset 7'],
        ['[1 2]', "JSON decoding error: expected ',' or ']' in an array at offset 3"],
        ['{"a":1 "b"}', "JSON decoding error: expected ',' or '}' in an object at offset 7"],
        ['[1,]', 'JSON decoding error: unexpected character "]" at offset 3'],
        ['01', 'JSON decoding error: invalid number at offset 1'],
        ['1.', 'JSON decoding error: invalid number at offset 1'],
        ['-', 'JSON decoding error: invalid number at offset 0'],
        ['.5', 'JSON decoding error: unexpected character "." at offset 0'],
        ["'a'", 'JSON decoding error: unexpected character "\'" at offset 0'],
        ['tru', 'JSON decoding error: unexpected character "t" at offset 0'],
        ['"abc', 'JSON decoding error: unterminated string at the end of the input'],
        ['"a\nb"', 'JSON decoding error: control character in a string at offset 2'],
        ['"\\x"', 'JSON decoding error: invalid escape at offset 1'],
        ['"\\u12G4"', 'JSON decoding error: invalid \\u escape at offset 1'],
        ['1 2', 'JSON decoding error: unexpected text after the JSON value at offset 2'],
        ['NaN', 'JSON decoding error: unexpected character "N" at offset 0'],
      ];
      for (const [text, message] of cases) assert.deepEqual(errorOf(() => decodeJson(text)), err('ValueError', message), text);
    });

    it('refuses nesting deeper than 512 levels without overflowing the stack', () => {
      assert.equal(encodeJson(decodeJson('['.repeat(512) + ']'.repeat(512))), '['.repeat(512) + ']'.repeat(512));
      assert.deepEqual(
        errorOf(() => decodeJson('['.repeat(100000))),
        err('ValueError', 'JSON decoding error: nesting deeper than 512 levels at offset 512'),
      );
    });
  });

  describe('encodeJson', () => {
    it('encodes compactly with integral doubles printed like integers', () => {
      const v = new Map<string, Value>([
        ['i', 9007199254740993n],
        ['d', 2],
        ['f', 1.5],
        ['neg0', -0],
        ['big', 1e21],
        ['s', 'a"b\\\n\u0001é😀'],
        ['l', [true, false, null]],
        ['m', new Map()],
        ['e', []],
      ]);
      assert.equal(
        encodeJson(v),
        '{"i":9007199254740993,"d":2,"f":1.5,"neg0":0,"big":1e+21,"s":"a\\"b\\\\\\n\\u0001é😀","l":[true,false,null],"m":{},"e":[]}',
      );
    });

    it('indents with two spaces for true and n spaces for a number', () => {
      const v = new Map<string, Value>([
        ['a', [1n, new Map([['b', null]])]],
        ['c', []],
      ]);
      assert.equal(encodeJson(v, true), '{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ],\n  "c": []\n}');
      assert.equal(encodeJson([1n], 4), '[\n    1\n]');
      assert.equal(encodeJson([1n], 0), '[1]');
      assert.equal(encodeJson([1n], false), '[1]');
    });

    it('keeps map keys in insertion order, including prototype names', () => {
      const v = new Map<string, Value>([
        ['z', 1n],
        ['__proto__', 2n],
        ['constructor', 3n],
        ['1', 4n],
      ]);
      assert.equal(encodeJson(v), '{"z":1,"__proto__":2,"constructor":3,"1":4}');
    });

    it('raises TypeError for bytes and ValueError for non-finite doubles', () => {
      assert.deepEqual(
        errorOf(() => encodeJson([new Uint8Array([1])])),
        err('TypeError', 'bytes cannot be encoded as JSON; convert them with text.decode or base64.encode first'),
      );
      assert.deepEqual(errorOf(() => encodeJson(Infinity)), err('ValueError', 'cannot encode the double Infinity as JSON'));
      assert.deepEqual(errorOf(() => encodeJson(NaN)), err('ValueError', 'cannot encode the double NaN as JSON'));
    });

    it('round-trips values through text', () => {
      const samples = [
        '{"a":[1,2.5,"x",null,true],"b":{"c":-9223372036854775808}}',
        '"\\u0000\\u001f\\"\\\\"',
        '[[],{},[{}]]',
        '0.1',
      ];
      for (const text of samples) assert.equal(encodeJson(decodeJson(text)), text);
    });
  });

  describe('toJson and fromJson', () => {
    it('converts values to plain data and back', () => {
      const v = new Map<string, Value>([
        ['n', 3n],
        ['d', 1.25],
        ['l', ['x', null, false]],
        ['__proto__', new Map([['k', 'v']])],
      ]);
      const json = toJson(v);
      assert.equal(JSON.stringify(json), '{"n":3,"d":1.25,"l":["x",null,false],"__proto__":{"k":"v"}}');
      assert.equal(Object.getPrototypeOf(json), Object.prototype);
      assert.deepEqual(fromJson(json), v);
    });

    it('turns safe integral numbers into integers and others into doubles', () => {
      assert.deepEqual(fromJson([1, 1.5, -0, 2 ** 53, 1e300]), [1n, 1.5, 0n, 2 ** 53, 1e300]);
    });

    it('refuses bytes', () => {
      assert.deepEqual(
        errorOf(() => toJson(new Map([['b', new Uint8Array(0)]]))),
        err('TypeError', 'bytes cannot be encoded as JSON; convert them with text.decode or base64.encode first'),
      );
    });
  });
});
