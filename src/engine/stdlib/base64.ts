/**
 * `base64.encode` / `base64.decode` with the standard alphabet (RFC 4648 §4).
 *
 * Choices: with `padding` true, input to `decode` must be padded to a multiple of four; with
 * `padding` false it must carry no `=`. Whitespace and the URL-safe alphabet are not accepted.
 */
import { Args } from './args';
import type { NativeFunction } from './context';

const encode: NativeFunction = (values) => {
  const a = new Args('base64.encode', values);
  const data = a.bytes('data');
  const padding = a.optionalBoolean('padding', true);
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
  return padding ? text : text.replace(/=+$/, '');
};

const decode: NativeFunction = (values) => {
  const a = new Args('base64.decode', values);
  const text = a.string('data');
  const padding = a.optionalBoolean('padding', true);
  const valid = padding
    ? text.length % 4 === 0 && /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)
    : text.length % 4 !== 1 && /^[A-Za-z0-9+/]*$/.test(text);
  if (!valid) a.valueError(padding ? 'invalid padded Base64 input' : 'invalid unpadded Base64 input');
  return new Uint8Array(Buffer.from(text, 'base64'));
};

export const BASE64_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['base64.encode', encode],
  ['base64.decode', decode],
]);
