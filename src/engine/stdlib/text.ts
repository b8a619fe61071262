/**
 * The `text` module (WORKFLOWS-LANGUAGE.md §3.13). Indexes are in characters (Unicode code
 * points), never UTF-16 units.
 *
 * Choices on [R] points: `find_all` and `replace_all` with an empty substring are ValueErrors
 * (like `split` with an empty separator); `url_encode` keeps only the RFC 3986 unreserved
 * characters `A-Z a-z 0-9 - . _ ~` and percent-encodes the UTF-8 bytes of everything else;
 * `url_decode` decodes `+` as a space and refuses malformed escapes or invalid UTF-8.
 * `decode`/`encode` know the charsets UTF-8, US-ASCII, ISO-8859-1 (LATIN1), UTF-16 (big endian,
 * with a byte-order mark honoured on decode), UTF-16BE and UTF-16LE, case-insensitively.
 */
import { Args } from './args';
import type { NativeFunction } from './context';
import { CodePointCounter } from './codePointCounter';
import { REGEX_FUNCTIONS } from './textRegex';

/** True when `s` has no unpaired surrogate (a valid pair is one code point, never \p{Cs}). */
function isWellFormed(s: string): boolean {
  return !/\p{Cs}/u.test(s);
}

/** A search string: empty or not valid UTF-8 (an unpaired surrogate) is a ValueError. */
function nonEmpty(a: Args, name: string): string {
  const s = a.string(name);
  if (s === '') a.valueError(`argument "${name}" must not be empty`);
  return isWellFormed(s) ? s : a.valueError(`argument "${name}" is not valid UTF-8 text`);
}

const findAll: NativeFunction = (values) => {
  const a = new Args('text.find_all', values);
  const source = a.string('source');
  const substr = nonEmpty(a, 'substr');
  const counter = new CodePointCounter(source);
  const out: bigint[] = [];
  for (let i = source.indexOf(substr); i >= 0; i = source.indexOf(substr, i + substr.length)) out.push(BigInt(counter.at(i)));
  return out;
};

const split: NativeFunction = (values) => {
  const a = new Args('text.split', values);
  const source = a.string('source');
  return source.split(nonEmpty(a, 'separator'));
};

const replaceAll: NativeFunction = (values) => {
  const a = new Args('text.replace_all', values);
  const source = a.string('source');
  const substr = nonEmpty(a, 'substr');
  return source.split(substr).join(a.string('repl'));
};

const substring: NativeFunction = (values) => {
  const a = new Args('text.substring', values);
  const chars = Array.from(a.string('source'));
  const n = BigInt(chars.length);
  const clamp = (i: bigint): number => {
    const j = i < 0n ? n + i : i;
    return Number(j < 0n ? 0n : j > n ? n : j);
  };
  const start = clamp(a.int('start'));
  const end = clamp(a.int('end'));
  return start >= end ? '' : chars.slice(start, end).join('');
};

function caseMap(fn: string, upper: boolean): NativeFunction {
  return (values) => {
    const s = new Args(fn, values).string('source');
    return upper ? s.toUpperCase() : s.toLowerCase();
  };
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

function urlEncode(fn: string, plus: boolean): NativeFunction {
  return (values) => {
    const a = new Args(fn, values);
    const source = a.string('source');
    if (!isWellFormed(source)) a.valueError('the text contains an unpaired surrogate');
    let out = '';
    for (const ch of source) {
      if (UNRESERVED.test(ch)) out += ch;
      else if (ch === ' ' && plus) out += '+';
      else for (const b of Buffer.from(ch, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
  };
}

const FATAL_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const urlDecode: NativeFunction = (values) => {
  const a = new Args('text.url_decode', values);
  const source = a.string('source');
  const bytes: number[] = [];
  for (let i = 0; i < source.length; ) {
    const ch = source[i];
    if (ch === '%') {
      const hex = source.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) a.valueError(`invalid escape ${JSON.stringify(source.slice(i, i + 3))} at character ${i}`);
      bytes.push(parseInt(hex, 16));
      i += 3;
      continue;
    }
    const cp = source.codePointAt(i) as number;
    bytes.push(...Buffer.from(ch === '+' ? ' ' : String.fromCodePoint(cp), 'utf8'));
    i += cp > 0xffff ? 2 : 1;
  }
  try {
    return FATAL_UTF8.decode(new Uint8Array(bytes));
  } catch {
    return a.valueError('the decoded bytes are not valid UTF-8');
  }
};

type Charset = 'utf8' | 'ascii' | 'latin1' | 'utf16' | 'utf16be' | 'utf16le';

const CHARSETS: ReadonlyMap<string, Charset> = new Map([
  ['UTF-8', 'utf8'],
  ['UTF8', 'utf8'],
  ['US-ASCII', 'ascii'],
  ['ASCII', 'ascii'],
  ['ISO-8859-1', 'latin1'],
  ['LATIN1', 'latin1'],
  ['UTF-16', 'utf16'],
  ['UTF-16BE', 'utf16be'],
  ['UTF-16LE', 'utf16le'],
]);

const CHARSET_NAMES: Record<Charset, string> = {
  utf8: 'UTF-8',
  ascii: 'US-ASCII',
  latin1: 'ISO-8859-1',
  utf16: 'UTF-16',
  utf16be: 'UTF-16BE',
  utf16le: 'UTF-16LE',
};

function charsetOf(a: Args): Charset {
  const name = a.optionalString('charset', 'UTF-8');
  return CHARSETS.get(name.toUpperCase()) ?? a.valueError(`unsupported charset ${JSON.stringify(name)}; use UTF-8, US-ASCII, ISO-8859-1, UTF-16, UTF-16BE or UTF-16LE`);
}

function swapPairs(bytes: Uint8Array): Buffer {
  const out = Buffer.from(bytes);
  return out.swap16();
}

const decode: NativeFunction = (values) => {
  const a = new Args('text.decode', values);
  const data = a.bytes('data');
  const charset = charsetOf(a);
  const fail = (): never => a.valueError(`the bytes are not valid ${CHARSET_NAMES[charset]}`);
  switch (charset) {
    case 'utf8':
      try {
        return FATAL_UTF8.decode(data);
      } catch {
        return fail();
      }
    case 'ascii':
      return data.every((b) => b < 0x80) ? Buffer.from(data).toString('latin1') : fail();
    case 'latin1':
      return Buffer.from(data).toString('latin1');
    default: {
      let bytes = data;
      let littleEndian = charset === 'utf16le';
      if (charset === 'utf16' && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        littleEndian = bytes[0] === 0xff;
        bytes = bytes.subarray(2);
      }
      if (bytes.length % 2 !== 0) return fail();
      const text = (littleEndian ? Buffer.from(bytes) : swapPairs(bytes)).toString('utf16le');
      return isWellFormed(text) ? text : fail();
    }
  }
};

const encode: NativeFunction = (values) => {
  const a = new Args('text.encode', values);
  const text = a.string('text');
  const charset = charsetOf(a);
  if (!isWellFormed(text)) a.valueError('the text contains an unpaired surrogate');
  switch (charset) {
    case 'utf8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'ascii':
    case 'latin1': {
      const limit = charset === 'ascii' ? 0x80 : 0x100;
      for (const ch of text) if ((ch.codePointAt(0) as number) >= limit) a.valueError(`${JSON.stringify(ch)} cannot be encoded in ${CHARSET_NAMES[charset]}`);
      return new Uint8Array(Buffer.from(text, 'latin1'));
    }
    case 'utf16le':
      return new Uint8Array(Buffer.from(text, 'utf16le'));
    default:
      return new Uint8Array(swapPairs(Buffer.from(text, 'utf16le')));
  }
};

export const TEXT_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['text.decode', decode],
  ['text.encode', encode],
  ['text.find_all', findAll],
  ...REGEX_FUNCTIONS,
  ['text.replace_all', replaceAll],
  ['text.split', split],
  ['text.substring', substring],
  ['text.to_lower', caseMap('text.to_lower', false)],
  ['text.to_upper', caseMap('text.to_upper', true)],
  ['text.url_decode', urlDecode],
  ['text.url_encode', urlEncode('text.url_encode', false)],
  ['text.url_encode_plus', urlEncode('text.url_encode_plus', true)],
]);
