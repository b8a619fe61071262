/** The `json` module: `json.decode`, `json.encode`, `json.encode_to_string` over the engine's codec. */
import { decodeJson, encodeJson } from '../json';
import { Args } from './args';
import type { NativeFunction } from './context';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads `indent`: not supplied, null or false → compact; true → 2 spaces; an integer → that many. */
function indentOf(a: Args): number | boolean {
  const v = a.optional('indent');
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v < 0n ? a.valueError('indent must not be negative') : Number(v > 10n ? 10n : v);
  return a.typeError('indent', 'a boolean or an integer', v);
}

const decode: NativeFunction = (values) => {
  const a = new Args('json.decode', values);
  const data = a.required('data');
  if (typeof data === 'string') return decodeJson(data);
  if (data instanceof Uint8Array) {
    let text: string;
    try {
      text = UTF8.decode(data);
    } catch {
      return a.valueError('the data is not valid UTF-8');
    }
    return decodeJson(text);
  }
  return a.typeError('data', 'bytes or a string', data);
};

const encode: NativeFunction = (values) => {
  const a = new Args('json.encode', values);
  const data = a.required('data');
  return new Uint8Array(Buffer.from(encodeJson(data, indentOf(a)), 'utf8'));
};

const encodeToString: NativeFunction = (values) => {
  const a = new Args('json.encode_to_string', values);
  const data = a.required('data');
  return encodeJson(data, indentOf(a));
};

export const JSON_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['json.decode', decode],
  ['json.encode', encode],
  ['json.encode_to_string', encodeToString],
]);
