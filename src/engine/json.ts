/**
 * The JSON codec of the engine: execution arguments and results, `json.*`, HTTP bodies and
 * connector data all go through here.
 *
 * Choices (WORKFLOWS-LANGUAGE.md §2.5 and §3.7 leave them open):
 * - Decoding: a number written without fraction or exponent is an integer (`bigint`, exact even
 *   beyond 2^53); integral text outside the int64 range becomes a double: JSON numbers have no
 *   integer type, and data from outside (an HTTP response with a 20-digit ID) must still read.
 *   Only integers the workflow writes or computes raise the overflow error. Anything else is a
 *   double. Objects become `Map`s in document order; a repeated key keeps its first position and
 *   its last value. Nesting deeper than 512 levels is refused with a ValueError.
 * - Encoding: integers print as decimal digits; doubles print in JavaScript's shortest
 *   round-trip form, so an integral double prints like an integer (`2.0` → `2`, as Google's
 *   output does not tell them apart either). Non-finite doubles and bytes cannot be encoded:
 *   ValueError and TypeError. Map keys keep insertion order. Strings are escaped as
 *   `JSON.stringify` does (lone surrogates as `\uXXXX`).
 * - `indent`: `true` means two spaces, a number means that many spaces (at most 10), `false`,
 *   `0` or nothing means the compact form without spaces.
 *
 * The decoder is written by hand because `JSON.parse` turns large integers into doubles.
 */
import { fitsDouble, formatDouble, isInt64 } from '../core/numbers';
import { workflowError } from './errors';
import type { JsonValue, Value, WfMap } from './value';

const MAX_DEPTH = 512;

/** Parses JSON text into a workflow value; invalid text raises a ValueError naming the offset. */
export function decodeJson(text: string): Value {
  const parser = new JsonParser(text);
  parser.skipSpace();
  const value = parser.parseValue(0);
  parser.skipSpace();
  if (parser.pos < text.length) parser.fail('unexpected text after the JSON value');
  return value;
}

class JsonParser {
  pos = 0;

  constructor(private readonly text: string) {}

  fail(detail: string): never {
    const at = this.pos < this.text.length ? `offset ${this.pos}` : 'the end of the input';
    throw workflowError('ValueError', `JSON decoding error: ${detail} at ${at}`);
  }

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.pos++;
    }
  }

  parseValue(depth: number): Value {
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.parseObject(depth + 1);
      case '[':
        return this.parseArray(depth + 1);
      case '"':
        return this.parseString();
      case 't':
        return this.parseWord('true', true);
      case 'f':
        return this.parseWord('false', false);
      case 'n':
        return this.parseWord('null', null);
      case undefined:
        return this.fail('expected a value');
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.parseNumber();
        return this.fail(`unexpected character ${JSON.stringify(c)}`);
    }
  }

  private parseWord(word: string, value: boolean | null): Value {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.fail(`unexpected character ${JSON.stringify(this.text[this.pos])}`);
  }

  private enter(depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    this.pos++;
    this.skipSpace();
  }

  private parseObject(depth: number): WfMap {
    this.enter(depth);
    const map: WfMap = new Map();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return map;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail('expected a string key');
      const key = this.parseString();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail("expected ':' after a key");
      this.pos++;
      this.skipSpace();
      map.set(key, this.parseValue(depth));
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === '}') return map;
      if (c !== ',') {
        this.pos--;
        this.fail("expected ',' or '}' in an object");
      }
      this.skipSpace();
    }
  }

  private parseArray(depth: number): Value[] {
    this.enter(depth);
    const list: Value[] = [];
    if (this.text[this.pos] === ']') {
      this.pos++;
      return list;
    }
    for (;;) {
      list.push(this.parseValue(depth));
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === ']') return list;
      if (c !== ',') {
        this.pos--;
        this.fail("expected ',' or ']' in an array");
      }
      this.skipSpace();
    }
  }

  private parseString(): string {
    const t = this.text;
    this.pos++;
    let out = '';
    let chunkStart = this.pos;
    for (;;) {
      if (this.pos >= t.length) this.fail('unterminated string');
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) {
        out += t.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail('control character in a string');
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += t.slice(chunkStart, this.pos);
      out += this.parseEscape();
      chunkStart = this.pos;
    }
  }

  private parseEscape(): string {
    const t = this.text;
    const e = t[this.pos + 1];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (e !== undefined && Object.prototype.hasOwnProperty.call(simple, e)) {
      this.pos += 2;
      return simple[e];
    }
    if (e === 'u') {
      const hex = t.slice(this.pos + 2, this.pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape');
      this.pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    return this.fail('invalid escape');
  }

  private parseNumber(): Value {
    const t = this.text;
    const start = this.pos;
    const match = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
    match.lastIndex = start;
    const m = match.exec(t);
    if (!m) this.fail('invalid number');
    const next = t[start + m[0].length];
    if (next !== undefined && /[0-9.eE+-]/.test(next)) {
      this.pos = start + m[0].length;
      this.fail('invalid number');
    }
    this.pos = start + m[0].length;
    if (m[1] === undefined && m[2] === undefined) {
      const n = BigInt(m[0]);
      if (isInt64(n)) return n;
    }
    return Number(m[0]);
  }
}

/** Encodes a workflow value as JSON text (see the module comment for the choices). */
export function encodeJson(value: Value, indent?: number | boolean): string {
  const unit = indent === true ? '  ' : typeof indent === 'number' && indent > 0 ? ' '.repeat(Math.min(10, Math.floor(indent))) : '';
  const parts: string[] = [];
  writeJson(value, unit, '', parts);
  return parts.join('');
}

function writeJson(value: Value, unit: string, current: string, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'bigint':
      out.push(value.toString());
      return;
    case 'number':
      if (!Number.isFinite(value)) throw workflowError('ValueError', `cannot encode the double ${value} as JSON`);
      out.push(formatDouble(value));
      return;
    case 'string':
      out.push(JSON.stringify(value));
      return;
  }
  if (value instanceof Uint8Array) {
    throw workflowError('TypeError', 'bytes cannot be encoded as JSON; convert them with text.decode or base64.encode first');
  }
  const inner = current + unit;
  const open = unit === '' ? '' : `\n${inner}`;
  const sep = unit === '' ? ',' : `,\n${inner}`;
  const close = unit === '' ? '' : `\n${current}`;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    out.push('[', open);
    value.forEach((item, i) => {
      if (i > 0) out.push(sep);
      writeJson(item, unit, inner, out);
    });
    out.push(close, ']');
    return;
  }
  if (value.size === 0) {
    out.push('{}');
    return;
  }
  out.push('{', open);
  let first = true;
  for (const [k, v] of value) {
    if (!first) out.push(sep);
    first = false;
    out.push(JSON.stringify(k), unit === '' ? ':' : ': ');
    writeJson(v, unit, inner, out);
  }
  out.push(close, '}');
}

/**
 * Converts a workflow value to plain JSON data for connectors and APIs. Integers become numbers
 * when a double holds them exactly and stay `bigint` beyond ±2^53; bytes raise a TypeError; map
 * keys such as `__proto__` stay plain data.
 */
export function toJson(value: Value): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return fitsDouble(value) ? Number(value) : value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw workflowError('ValueError', `cannot encode the double ${value} as JSON`);
    return value;
  }
  if (value instanceof Uint8Array) {
    throw workflowError('TypeError', 'bytes cannot be encoded as JSON; convert them with text.decode or base64.encode first');
  }
  if (Array.isArray(value)) return value.map(toJson);
  const obj: { [key: string]: JsonValue } = {};
  for (const [k, v] of value) Object.defineProperty(obj, k, { value: toJson(v), enumerable: true, writable: true, configurable: true });
  return obj;
}

/**
 * Converts plain JSON data to a workflow value. A `bigint` or a number that is a safe integer
 * (|n| < 2^53) becomes an integer, since JSON data cannot tell `1` from `1.0` and decoding JSON
 * text makes the same choice; other numbers become doubles.
 */
export function fromJson(json: JsonValue): Value {
  if (json === null || typeof json === 'boolean' || typeof json === 'string' || typeof json === 'bigint') return json;
  if (typeof json === 'number') return Number.isSafeInteger(json) ? BigInt(json) : json;
  if (Array.isArray(json)) return json.map(fromJson);
  const map: WfMap = new Map();
  for (const k of Object.keys(json)) map.set(k, fromJson(json[k]));
  return map;
}

/** JSON text of plain JSON data, exact for `bigint` integers (where `JSON.stringify` throws). */
export function encodeJsonData(json: JsonValue, indent?: number | boolean): string {
  return encodeJson(fromJson(json), indent);
}

/** Plain JSON data from JSON text, exact for integers beyond 2^53 (where `JSON.parse` rounds). */
export function decodeJsonData(text: string): JsonValue {
  return toJson(decodeJson(text));
}
