/**
 * `hash.compute_checksum` and `hash.compute_hmac` over node:crypto. Algorithm names are
 * MD5, SHA1, SHA256, SHA384 and SHA512, case-insensitive (an [R] choice).
 */
import { createHash, createHmac } from 'node:crypto';
import { Args } from './args';
import type { NativeFunction } from './context';

const ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['MD5', 'md5'],
  ['SHA1', 'sha1'],
  ['SHA256', 'sha256'],
  ['SHA384', 'sha384'],
  ['SHA512', 'sha512'],
]);

function algorithm(a: Args): string {
  const name = a.string('algorithm');
  const node = ALGORITHMS.get(name.toUpperCase());
  return node ?? a.valueError(`unsupported algorithm ${JSON.stringify(name)}; use one of ${[...ALGORITHMS.keys()].join(', ')}`);
}

const computeChecksum: NativeFunction = (values) => {
  const a = new Args('hash.compute_checksum', values);
  const data = a.bytes('data');
  return new Uint8Array(createHash(algorithm(a)).update(data).digest());
};

const computeHmac: NativeFunction = (values) => {
  const a = new Args('hash.compute_hmac', values);
  const key = a.bytes('key');
  const data = a.bytes('data');
  return new Uint8Array(createHmac(algorithm(a), key).update(data).digest());
};

export const HASH_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['hash.compute_checksum', computeChecksum],
  ['hash.compute_hmac', computeHmac],
]);
