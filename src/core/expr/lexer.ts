/**
 * The lexer: turns expression text into tokens on demand, one `charCodeAt` switch per token (no
 * regular expressions, no per-character allocation), so linting thousands of expressions stays fast.
 */
import { EXPR_MESSAGES } from './errors';
import { keywordOf, type Token, type TokenKind } from './tokens';
import { INT64_MIN, int64LiteralOverflows } from '../numbers';

/** The digits of -2^63 without its sign. */
export const INT64_MIN_DIGITS = (-INT64_MIN).toString();

type Escape = { ok: true; value: string; end: number } | { ok: false; message: string; end: number };

/** Produces the tokens of one expression text; after an `eof` or `error` token it keeps returning it. */
export class Lexer {
  private pos = 0;
  private done: Token | undefined;

  constructor(private readonly text: string) {}

  /** The next token; whitespace (spaces, tabs, line breaks) is skipped. */
  next(): Token {
    if (this.done) return this.done;
    const text = this.text;
    let pos = this.pos;
    while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
    this.pos = pos;
    if (pos >= text.length) return this.finish(token('eof', '', pos, pos));
    const c = text.charCodeAt(pos);
    if (isIdentifierStart(c)) return this.word(pos);
    if (isDigit(c)) return this.number(pos);
    if (c === 34 /* " */ || c === 39 /* ' */) return this.string(pos, c);
    return this.punctuation(pos, c);
  }

  private word(start: number): Token {
    let end = start + 1;
    while (end < this.text.length && isIdentifierPart(this.text.charCodeAt(end))) end++;
    const word = this.text.slice(start, end);
    const special = keywordOf(word);
    return this.advance(special ? token(special.kind, special.value, start, end) : token('identifier', word, start, end));
  }

  private number(start: number): Token {
    const text = this.text;
    let end = start;
    let isInt = true;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) === 46 /* . */ && isDigit(text.charCodeAt(end + 1))) {
      isInt = false;
      end += 2;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    }
    const e = text.charCodeAt(end);
    if (e === 101 /* e */ || e === 69 /* E */) {
      isInt = false;
      end++;
      const sign = text.charCodeAt(end);
      if (sign === 43 /* + */ || sign === 45 /* - */) end++;
      if (!isDigit(text.charCodeAt(end))) {
        return this.fail(EXPR_MESSAGES.missingExponentDigits(text.slice(start, end)), start, end);
      }
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    }
    if (end < text.length && isIdentifierPart(text.charCodeAt(end))) {
      let wordEnd = end;
      while (wordEnd < text.length && isIdentifierPart(text.charCodeAt(wordEnd))) wordEnd++;
      return this.fail(EXPR_MESSAGES.invalidNumber(text.slice(start, wordEnd)), start, wordEnd);
    }
    const literal = text.slice(start, end);
    // 2^63 itself passes: after a unary minus it is the smallest integer (the parser checks).
    if (isInt ? int64LiteralOverflows(literal) && literal !== INT64_MIN_DIGITS : !Number.isFinite(Number(literal))) {
      return this.fail(EXPR_MESSAGES.numberOutOfRange(literal, isInt), start, end);
    }
    const result = token('number', literal, start, end);
    result.isInt = isInt;
    return this.advance(result);
  }

  /** Strings in either quote; raw line breaks are allowed inside [D best-practice multi-line SQL]. */
  private string(start: number, quote: number): Token {
    const text = this.text;
    let pos = start + 1;
    let chunkStart = pos;
    let decoded = '';
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === quote) {
        decoded += text.slice(chunkStart, pos);
        return this.advance(token('string', decoded, start, pos + 1));
      }
      if (c !== 92 /* \ */) {
        pos++;
        continue;
      }
      if (pos + 1 >= text.length) break;
      decoded += text.slice(chunkStart, pos);
      const escape = this.escape(pos);
      if (!escape.ok) return this.fail(escape.message, pos, escape.end);
      decoded += escape.value;
      pos = escape.end;
      chunkStart = pos;
    }
    return this.fail(EXPR_MESSAGES.unterminatedString, start, text.length);
  }

  /** Decodes the escape at `pos` (the backslash): `\" \' \\ \n \t \r \uXXXX`. */
  private escape(pos: number): Escape {
    const text = this.text;
    switch (text.charCodeAt(pos + 1)) {
      case 34: return { ok: true, value: '"', end: pos + 2 };
      case 39: return { ok: true, value: "'", end: pos + 2 };
      case 92: return { ok: true, value: '\\', end: pos + 2 };
      case 110: return { ok: true, value: '\n', end: pos + 2 };
      case 116: return { ok: true, value: '\t', end: pos + 2 };
      case 114: return { ok: true, value: '\r', end: pos + 2 };
      case 117: {
        let code = 0;
        for (let i = pos + 2; i < pos + 6; i++) {
          const digit = hexValue(text.charCodeAt(i));
          if (digit < 0) return { ok: false, message: EXPR_MESSAGES.badUnicodeEscape, end: Math.min(i, text.length) };
          code = code * 16 + digit;
        }
        return { ok: true, value: String.fromCharCode(code), end: pos + 6 };
      }
      default:
        return { ok: false, message: EXPR_MESSAGES.unknownEscape(text.slice(pos, pos + 2)), end: pos + 2 };
    }
  }

  private punctuation(start: number, c: number): Token {
    const next = this.text.charCodeAt(start + 1);
    switch (c) {
      case 43: case 45: case 42: case 37: case 40: case 41: case 91: case 93: case 123: case 125:
      case 44: case 58: case 46:
        return this.symbol(start, 1);
      case 47: /* / or // */
        return this.symbol(start, next === 47 ? 2 : 1);
      case 60: case 62: /* < <= > >= */
        return this.symbol(start, next === 61 ? 2 : 1);
      case 61: /* == */
        return next === 61 ? this.symbol(start, 2) : this.fail(EXPR_MESSAGES.singleEquals, start, start + 1);
      case 33: /* != */
        return next === 61 ? this.symbol(start, 2) : this.fail(EXPR_MESSAGES.bang, start, start + 1);
      case 38: /* & */
        return this.fail(EXPR_MESSAGES.ampersand, start, next === 38 ? start + 2 : start + 1);
      case 124: /* | */
        return this.fail(EXPR_MESSAGES.pipe, start, next === 124 ? start + 2 : start + 1);
      default: {
        const width = c >= 0xd800 && c <= 0xdbff && start + 1 < this.text.length ? 2 : 1;
        return this.fail(EXPR_MESSAGES.unexpectedCharacter(this.text.slice(start, start + width)), start, start + width);
      }
    }
  }

  private symbol(start: number, width: number): Token {
    return this.advance(token('punctuation', this.text.slice(start, start + width), start, start + width));
  }

  private advance(result: Token): Token {
    this.pos = result.end;
    return result;
  }

  private fail(message: string, start: number, end: number): Token {
    return this.finish(token('error', message, start, end));
  }

  private finish(result: Token): Token {
    this.done = result;
    return result;
  }
}

/** All tokens of `text`, ending with an `eof` token or with the first `error` token. */
export function tokenize(text: string): Token[] {
  const lexer = new Lexer(text);
  const tokens: Token[] = [];
  for (;;) {
    const t = lexer.next();
    tokens.push(t);
    if (t.kind === 'eof' || t.kind === 'error') return tokens;
  }
}

function token(kind: TokenKind, value: string, start: number, end: number): Token {
  return { kind, value, start, end, isInt: false };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || isDigit(c);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
