import * as assert from 'node:assert/strict';
import { bytes, call, callError, err } from './fakeHost';

describe('text module', () => {
  describe('text.substring', () => {
    it('follows the documented examples, negative offsets and clamping', async () => {
      assert.equal(await call('text.substring', ['hello', 2n, 4n]), 'll');
      assert.equal(await call('text.substring', ['hello', -10n, 10n]), 'hello');
      assert.equal(await call('text.substring', ['hello', -3n, -1n]), 'll');
      assert.equal(await call('text.substring', ['hello', 4n, 2n]), '');
      assert.equal(await call('text.substring', ['hello', 5n, 9n]), '');
      assert.equal(await call('text.substring', ['a😀b', 1n, 2n]), '😀');
    });

    it('requires a string source and integer offsets', async () => {
      assert.deepEqual(await callError('text.substring', [1n, 0n, 1n]), err('TypeError', 'text.substring: argument "source" must be a string, got integer'));
      assert.deepEqual(await callError('text.substring', ['abc', 0.5, 1n]), err('TypeError', 'text.substring: argument "start" must be an integer, got double'));
      assert.deepEqual(await callError('text.substring', ['abc', 0n, undefined]), err('TypeError', 'text.substring: missing argument "end"'));
    });
  });

  describe('text.split', () => {
    it('keeps empty strings and takes leftmost separators', async () => {
      assert.deepEqual(await call('text.split', ['baaab', 'aa']), ['b', 'ab']);
      assert.deepEqual(await call('text.split', [',a,,b,', ',']), ['', 'a', '', 'b', '']);
      assert.deepEqual(await call('text.split', ['abc', '-']), ['abc']);
      assert.deepEqual(await call('text.split', ['', '-']), ['']);
    });

    it('rejects an empty separator and non-strings', async () => {
      assert.deepEqual(await callError('text.split', ['abc', '']), err('ValueError', 'text.split: argument "separator" must not be empty'));
      assert.deepEqual(await callError('text.split', ['abc', '\udc00']), err('ValueError', 'text.split: argument "separator" is not valid UTF-8 text'));
      assert.deepEqual(await callError('text.split', ['abc', 1n]), err('TypeError', 'text.split: argument "separator" must be a string, got integer'));
    });
  });

  describe('text.find_all', () => {
    it('returns code-point indexes of non-overlapping matches', async () => {
      assert.deepEqual(await call('text.find_all', ['00000', '00']), [0n, 2n]);
      assert.deepEqual(await call('text.find_all', ['Hello World', 'l']), [2n, 3n, 9n]);
      assert.deepEqual(await call('text.find_all', ['😀a😀a', 'a']), [1n, 3n]);
      assert.deepEqual(await call('text.find_all', ['abc', 'x']), []);
    });

    it('rejects an empty substring', async () => {
      assert.deepEqual(await callError('text.find_all', ['abc', '']), err('ValueError', 'text.find_all: argument "substr" must not be empty'));
    });
  });

  it('text.replace_all replaces every non-overlapping occurrence', async () => {
    assert.equal(await call('text.replace_all', ['aaaa', 'aa', 'b']), 'bb');
    assert.equal(await call('text.replace_all', ['a.b.c', '.', '']), 'abc');
    assert.equal(await call('text.replace_all', ['x', 'y', 'z']), 'x');
    assert.deepEqual(await callError('text.replace_all', ['x', '', 'z']), err('ValueError', 'text.replace_all: argument "substr" must not be empty'));
  });

  it('text.to_lower and text.to_upper map Unicode case', async () => {
    assert.equal(await call('text.to_lower', ['ÀBÇ Straße']), 'àbç straße');
    assert.equal(await call('text.to_upper', ['àbç straße']), 'ÀBÇ STRASSE');
    assert.deepEqual(await callError('text.to_upper', [null]), err('TypeError', 'text.to_upper: argument "source" must be a string, got null'));
  });

  describe('URL encoding', () => {
    it('percent-encodes everything but unreserved characters', async () => {
      assert.equal(await call('text.url_encode', ['a b&c=d/é~._-']), 'a%20b%26c%3Dd%2F%C3%A9~._-');
      assert.equal(await call('text.url_encode_plus', ['a b+c']), 'a+b%2Bc');
      assert.equal(await call('text.url_encode', ["!*'()"]), '%21%2A%27%28%29');
    });

    it('decodes escapes and plus signs', async () => {
      assert.equal(await call('text.url_decode', ['a%20b+c%C3%A9%2b']), 'a b cé+');
      assert.equal(await call('text.url_decode', ['😀']), '😀');
      assert.deepEqual(await callError('text.url_decode', ['100%']), err('ValueError', 'text.url_decode: invalid escape "%" at character 3'));
      assert.deepEqual(await callError('text.url_decode', ['%zz']), err('ValueError', 'text.url_decode: invalid escape "%zz" at character 0'));
      assert.deepEqual(await callError('text.url_decode', ['%C3']), err('ValueError', 'text.url_decode: the decoded bytes are not valid UTF-8'));
    });
  });

  describe('charsets', () => {
    it('encodes and decodes UTF-8 by default', async () => {
      assert.deepEqual(await call('text.encode', ['é😀']), new Uint8Array([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]));
      assert.equal(await call('text.decode', [bytes('é😀')]), 'é😀');
      assert.deepEqual(await callError('text.decode', [new Uint8Array([0xff])]), err('ValueError', 'text.decode: the bytes are not valid UTF-8'));
    });

    it('knows ASCII, Latin-1 and UTF-16 variants', async () => {
      assert.deepEqual(await call('text.encode', ['é', 'ISO-8859-1']), new Uint8Array([0xe9]));
      assert.equal(await call('text.decode', [new Uint8Array([0xe9]), 'latin1']), 'é');
      assert.deepEqual(await call('text.encode', ['A', 'UTF-16']), new Uint8Array([0, 0x41]));
      assert.deepEqual(await call('text.encode', ['A', 'utf-16le']), new Uint8Array([0x41, 0]));
      assert.equal(await call('text.decode', [new Uint8Array([0xff, 0xfe, 0x41, 0]), 'UTF-16']), 'A');
      assert.equal(await call('text.decode', [new Uint8Array([0, 0x41]), 'UTF-16BE']), 'A');
      assert.equal(await call('text.decode', [new Uint8Array([0x41]), 'US-ASCII']), 'A');
      assert.deepEqual(await callError('text.encode', ['é', 'US-ASCII']), err('ValueError', 'text.encode: "é" cannot be encoded in US-ASCII'));
      assert.deepEqual(await callError('text.decode', [new Uint8Array([0x80]), 'ASCII']), err('ValueError', 'text.decode: the bytes are not valid US-ASCII'));
      assert.deepEqual(await callError('text.decode', [new Uint8Array([0x41]), 'UTF-16']), err('ValueError', 'text.decode: the bytes are not valid UTF-16'));
    });

    it('rejects unknown charsets and wrong types', async () => {
      assert.deepEqual(
        await callError('text.encode', ['a', 'EBCDIC']),
        err('ValueError', 'text.encode: unsupported charset "EBCDIC"; use UTF-8, US-ASCII, ISO-8859-1, UTF-16, UTF-16BE or UTF-16LE'),
      );
      assert.deepEqual(await callError('text.decode', ['abc']), err('TypeError', 'text.decode: argument "data" must be bytes, got string'));
      assert.deepEqual(await callError('text.encode', ['\ud800']), err('ValueError', 'text.encode: the text contains an unpaired surrogate'));
    });
  });
});
