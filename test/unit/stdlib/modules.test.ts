import * as assert from 'node:assert/strict';
import type { Value } from '../../../src/engine/value';
import { bytes, call, callError, err, map } from './fakeHost';

describe('list, map, math, base64, hash, json, uuid and retry modules', () => {
  describe('list', () => {
    it('concat appends one element, even a list, without changing the original', async () => {
      const objs: Value[] = [1n, [2n]];
      assert.deepEqual(await call('list.concat', [objs, [3n]]), [1n, [2n], [3n]]);
      assert.deepEqual(objs, [1n, [2n]]);
      assert.deepEqual(await call('list.prepend', [objs, 0n]), [0n, 1n, [2n]]);
      assert.deepEqual(await callError('list.concat', [map({}), 1n]), err('TypeError', 'list.concat: argument "objs" must be a list, got map'));
      assert.deepEqual(await callError('list.prepend', [[], undefined]), err('TypeError', 'list.prepend: missing argument "val"'));
    });
  });

  describe('map', () => {
    const nested = map({ a: map({ b: map({ c: 1n }) }), s: 'x' });

    it('get reads keys and key paths, null for anything missing or not a map', async () => {
      assert.deepEqual(await call('map.get', [nested, 's']), 'x');
      assert.deepEqual(await call('map.get', [nested, ['a', 'b', 'c']]), 1n);
      assert.deepEqual(await call('map.get', [nested, ['a', 'x', 'c']]), null);
      assert.deepEqual(await call('map.get', [nested, ['s', 'c']]), null);
      assert.deepEqual(await call('map.get', [nested, 'missing']), null);
      assert.deepEqual(await call('map.get', [null, 'a']), null);
      assert.deepEqual(await call('map.get', ['text', 'a']), null);
      assert.deepEqual(await call('map.get', [nested, []]), nested);
      assert.deepEqual(await call('map.get', [map({ toString: 1n }), 'toString']), 1n);
      assert.deepEqual(await call('map.get', [map({}), 'constructor']), null);
    });

    it('get requires a string or list of strings as keys', async () => {
      assert.deepEqual(await callError('map.get', [nested, 1n]), err('TypeError', 'map.get: argument "keys" must be a string or a list of strings, got integer'));
      assert.deepEqual(await callError('map.get', [nested, ['a', 1n]]), err('TypeError', 'map.get: argument "keys" must be a string or a list of strings, got list'));
    });

    it('delete, merge and merge_nested return copies', async () => {
      const first = map({ a: 1n, m: map({ x: 1n, y: 2n }) });
      assert.deepEqual(await call('map.delete', [first, 'a']), map({ m: map({ x: 1n, y: 2n }) }));
      assert.deepEqual(await call('map.delete', [first, 'zzz']), first);
      assert.deepEqual(await call('map.merge', [first, map({ m: map({ z: 3n }), b: 2n })]), map({ a: 1n, m: map({ z: 3n }), b: 2n }));
      assert.deepEqual(
        await call('map.merge_nested', [first, map({ m: map({ y: 20n, z: 3n }), b: 2n })]),
        map({ a: 1n, m: map({ x: 1n, y: 20n, z: 3n }), b: 2n }),
      );
      assert.deepEqual(first, map({ a: 1n, m: map({ x: 1n, y: 2n }) }));
      assert.deepEqual(await callError('map.merge', [first, [1n]]), err('TypeError', 'map.merge: argument "second" must be a map, got list'));
      assert.deepEqual(await callError('map.delete', [first, 1n]), err('TypeError', 'map.delete: argument "key" must be a string, got integer'));
    });
  });

  describe('math', () => {
    it('abs, floor, max and min keep integers and doubles apart', async () => {
      assert.equal(await call('math.abs', [-3n]), 3n);
      assert.equal(await call('math.abs', [-2.5]), 2.5);
      assert.equal(await call('math.floor', [2.7]), 2n);
      assert.equal(await call('math.floor', [-2.1]), -3n);
      assert.equal(await call('math.floor', [5n]), 5n);
      assert.equal(await call('math.max', [1n, 2.5]), 2.5);
      assert.equal(await call('math.max', [3n, 2.5]), 3n);
      assert.equal(await call('math.min', [1n, 2.5]), 1n);
      assert.equal(await call('math.max', [2n, 2.0]), 2n);
    });

    it('raises for wrong types and unrepresentable results', async () => {
      assert.deepEqual(await callError('math.abs', ['1']), err('TypeError', 'math.abs: argument "x" must be a number, got string'));
      assert.deepEqual(await callError('math.max', [1n, null]), err('TypeError', 'math.max: argument "y" must be a number, got null'));
      assert.deepEqual(await callError('math.floor', [Infinity]), err('ValueError', 'math.floor: cannot take the floor of Infinity'));
      assert.deepEqual(
        await callError('math.abs', [-(2n ** 63n)]),
        err('ValueError', 'math.abs: integer overflow: the result 9223372036854775808 does not fit in 64 bits'),
      );
    });
  });

  describe('base64', () => {
    it('encodes and decodes with and without padding', async () => {
      assert.equal(await call('base64.encode', [bytes('hi!?')]), 'aGkhPw==');
      assert.equal(await call('base64.encode', [bytes('hi!?'), false]), 'aGkhPw');
      assert.deepEqual(await call('base64.decode', ['aGkhPw==']), bytes('hi!?'));
      assert.deepEqual(await call('base64.decode', ['aGkhPw', false]), bytes('hi!?'));
      assert.deepEqual(await call('base64.decode', ['']), new Uint8Array(0));
    });

    it('rejects invalid input and wrong types', async () => {
      assert.deepEqual(await callError('base64.decode', ['aGkhPw']), err('ValueError', 'base64.decode: invalid padded Base64 input'));
      assert.deepEqual(await callError('base64.decode', ['aGkhPw==', false]), err('ValueError', 'base64.decode: invalid unpadded Base64 input'));
      assert.deepEqual(await callError('base64.decode', ['a$==']), err('ValueError', 'base64.decode: invalid padded Base64 input'));
      assert.deepEqual(await callError('base64.encode', ['text']), err('TypeError', 'base64.encode: argument "data" must be bytes, got string'));
      assert.deepEqual(await callError('base64.encode', [bytes('x'), 'yes']), err('TypeError', 'base64.encode: argument "padding" must be a boolean, got string'));
    });
  });

  describe('hash', () => {
    it('computes checksums and HMACs', async () => {
      const hex = (v: Value): string => Buffer.from(v as Uint8Array).toString('hex');
      assert.equal(hex(await call('hash.compute_checksum', [bytes('abc'), 'SHA256'])), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      assert.equal(hex(await call('hash.compute_checksum', [bytes('abc'), 'md5'])), '900150983cd24fb0d6963f7d28e17f72');
      assert.equal(
        hex(await call('hash.compute_hmac', [bytes('key'), bytes('The quick brown fox jumps over the lazy dog'), 'SHA256'])),
        'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
      );
      assert.deepEqual(
        await callError('hash.compute_checksum', [bytes('abc'), 'CRC32']),
        err('ValueError', 'hash.compute_checksum: unsupported algorithm "CRC32"; use one of MD5, SHA1, SHA256, SHA384, SHA512'),
      );
      assert.deepEqual(await callError('hash.compute_hmac', ['key', bytes('x'), 'SHA1']), err('TypeError', 'hash.compute_hmac: argument "key" must be bytes, got string'));
    });
  });

  describe('json', () => {
    it('decodes strings and UTF-8 bytes', async () => {
      assert.deepEqual(await call('json.decode', ['{"a":[1,2.5]}']), map({ a: [1n, 2.5] }));
      assert.deepEqual(await call('json.decode', [bytes('"é"')]), 'é');
      assert.deepEqual(await callError('json.decode', ['{']), err('ValueError', 'JSON decoding error: expected a string key at the end of the input'));
      assert.deepEqual(await callError('json.decode', [new Uint8Array([0xff])]), err('ValueError', 'json.decode: the data is not valid UTF-8'));
      assert.deepEqual(await callError('json.decode', [1n]), err('TypeError', 'json.decode: argument "data" must be bytes or a string, got integer'));
    });

    it('encodes to bytes or a string, compact or indented', async () => {
      const v = map({ a: [1n, 'é'] });
      assert.deepEqual(await call('json.encode', [v]), bytes('{"a":[1,"é"]}'));
      assert.equal(await call('json.encode_to_string', [v]), '{"a":[1,"é"]}');
      assert.equal(await call('json.encode_to_string', [v, true]), '{\n  "a": [\n    1,\n    "é"\n  ]\n}');
      assert.equal(await call('json.encode_to_string', [[1n], 3n]), '[\n   1\n]');
      assert.deepEqual(
        await callError('json.encode_to_string', [[bytes('x')]]),
        err('TypeError', 'bytes cannot be encoded as JSON; convert them with text.decode or base64.encode first'),
      );
      assert.deepEqual(await callError('json.encode', [1n, 'x']), err('TypeError', 'json.encode: argument "indent" must be a boolean or an integer, got string'));
    });
  });

  it('uuid.generate returns distinct version 4 UUIDs', async () => {
    const a = await call('uuid.generate', []);
    const b = await call('uuid.generate', []);
    assert.match(a as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(a, b);
  });

  describe('retry predicates', () => {
    const httpError = (code: bigint): Value => map({ message: 'x', tags: ['HttpError'], code });
    const tagged = (tag: string): Value => map({ message: 'x', tags: [tag] });

    it('retry.always and retry.never ignore the error', async () => {
      assert.equal(await call('retry.always', ['anything']), true);
      assert.equal(await call('retry.never', [tagged('TimeoutError')]), false);
    });

    it('http.default_retry_predicate retries 429, 502, 503, 504 and transport errors', async () => {
      for (const code of [429n, 502n, 503n, 504n]) assert.equal(await call('http.default_retry_predicate', [httpError(code)]), true, String(code));
      for (const code of [400n, 404n, 500n]) assert.equal(await call('http.default_retry_predicate', [httpError(code)]), false, String(code));
      for (const tag of ['ConnectionError', 'ConnectionFailedError', 'TimeoutError']) assert.equal(await call('http.default_retry_predicate', [tagged(tag)]), true, tag);
      assert.equal(await call('http.default_retry_predicate', [tagged('ValueError')]), false);
      assert.equal(await call('http.default_retry_predicate', ['a raised string']), false);
    });

    it('http.default_retry_predicate_non_idempotent retries only 429, 503 and ConnectionFailedError', async () => {
      const fn = 'http.default_retry_predicate_non_idempotent';
      assert.equal(await call(fn, [httpError(429n)]), true);
      assert.equal(await call(fn, [httpError(503n)]), true);
      assert.equal(await call(fn, [httpError(502n)]), false);
      assert.equal(await call(fn, [tagged('ConnectionFailedError')]), true);
      assert.equal(await call(fn, [tagged('ConnectionError')]), false);
      assert.equal(await call(fn, [tagged('TimeoutError')]), false);
    });
  });
});
