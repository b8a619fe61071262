/**
 * A parser for RE2 regular-expression syntax, the dialect of the `text.*_regex` functions.
 *
 * Written by hand instead of translating to JavaScript's RegExp so that matching runs in linear
 * time (JavaScript backtracks: `(a+)+b` on a long input never finishes) and so that constructs RE2
 * does not have — backreferences, lookaround, possessive or atomic groups — are refused the way
 * the service refuses them. Supported: literals and escapes (`\n`, `\x41`, `\x{1F600}`, octal
 * `\012`, `\Q...\E`), `.`, classes with ranges, negation, Perl classes (`\d \w \s` and negations,
 * ASCII as in RE2), POSIX classes (`[[:alpha:]]`), Unicode classes (`\pL`, `\p{Greek}`,
 * `\P{Lu}`), anchors `^ $ \A \z \b \B`, groups `( )`, `(?: )`, `(?P<name> )`, `(?<name> )`,
 * flags `(?imsU)` and `(?i: )`, alternation and the repetitions `* + ? {n} {n,} {n,m}` (at most
 * 1000) with lazy forms.
 */
import { workflowError, type WorkflowError } from '../errors';
import { PERL, POSIX, foldTest, negate, simpleFolds, unicodeClass, type CharTest } from './re2CharClasses';

export type { CharTest } from './re2CharClasses';

export type AssertKind = 'bol' | 'eol' | 'bot' | 'eot' | 'word' | 'notWord';

export type ReNode =
  | { t: 'empty' }
  | { t: 'char'; test: CharTest }
  | { t: 'cat'; items: ReNode[] }
  | { t: 'alt'; items: ReNode[] }
  | { t: 'group'; index: number; node: ReNode }
  | { t: 'rep'; node: ReNode; min: number; max: number; greedy: boolean }
  | { t: 'assert'; kind: AssertKind };

export interface ParsedRegex {
  node: ReNode;
  /** Number of capturing groups (group 0, the whole match, not counted). */
  groups: number;
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

const MAX_REPEAT = 1000;

class Re2Parser {
  private pos = 0;
  private groups = 0;
  private readonly cps: number[];

  constructor(
    private readonly pattern: string,
    private readonly fn: string,
  ) {
    this.cps = Array.from(pattern, (c) => c.codePointAt(0) as number);
  }

  fail(reason: string): WorkflowError {
    return workflowError('ValueError', `${this.fn}: invalid regular expression ${JSON.stringify(this.pattern)}: ${reason}`);
  }

  private peek(offset = 0): string | undefined {
    const cp = this.cps[this.pos + offset];
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  }

  private lookingAt(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (this.peek(i) !== text[i]) return false;
    return true;
  }

  parse(): ParsedRegex {
    const node = this.parseAlt({ i: false, m: false, s: false, U: false });
    if (this.pos < this.cps.length) throw this.fail('unexpected )');
    return { node, groups: this.groups };
  }

  private parseAlt(flags: Flags): ReNode {
    const items = [this.parseCat(flags)];
    while (this.peek() === '|') {
      this.pos++;
      items.push(this.parseCat(flags));
    }
    return items.length === 1 ? items[0] : { t: 'alt', items };
  }

  /** Parses up to `|` or `)`; `flags` may be changed by `(?i)` for the rest of the group. */
  private parseCat(flags: Flags): ReNode {
    const items: ReNode[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') break;
      if (c === '(' && this.peek(1) === '?' && this.tryFlagGroup(flags, items)) continue;
      const atom = this.parseAtom(flags);
      if (atom) items.push(this.parseRepeat(atom, flags));
    }
    return items.length === 0 ? { t: 'empty' } : items.length === 1 ? items[0] : { t: 'cat', items };
  }

  /** Handles `(?flags)` (changes `flags` in place) and `(?flags:...)`; false for other `(?`. */
  private tryFlagGroup(flags: Flags, items: ReNode[]): boolean {
    const start = this.pos;
    this.pos += 2;
    const next: Flags = { ...flags };
    let negated = false;
    let sawFlag = false;
    for (;;) {
      const c = this.peek();
      if (c === 'i' || c === 'm' || c === 's' || c === 'U') {
        next[c] = !negated;
        sawFlag = true;
        this.pos++;
      } else if (c === '-' && !negated) {
        negated = true;
        this.pos++;
      } else break;
    }
    const end = this.peek();
    if ((end === ')' || end === ':') && (sawFlag || (end === ':' && !negated)) && !(negated && this.peek(-1) === '-')) {
      this.pos++;
      if (end === ')') {
        Object.assign(flags, next);
        return true;
      }
      const inner = this.parseAlt(next);
      if (this.peek() !== ')') throw this.fail('missing closing )');
      this.pos++;
      items.push(this.parseRepeat(inner, flags));
      return true;
    }
    this.pos = start;
    return false;
  }

  private parseAtom(flags: Flags): ReNode | undefined {
    const c = this.peek() as string;
    switch (c) {
      case '(':
        return this.parseGroup(flags);
      case '[':
        return { t: 'char', test: foldTest(this.parseClass(), flags.i) };
      case '.':
        this.pos++;
        return { t: 'char', test: flags.s ? () => true : (cp) => cp !== 0x0a };
      case '^':
        this.pos++;
        return { t: 'assert', kind: flags.m ? 'bol' : 'bot' };
      case '$':
        this.pos++;
        return { t: 'assert', kind: flags.m ? 'eol' : 'eot' };
      case '*':
      case '+':
      case '?':
        throw this.fail(`missing argument to repetition operator: ${c}`);
      case '{':
        if (this.repeatBounds() !== undefined) throw this.fail('missing argument to repetition operator: {');
        break;
      case '\\':
        return this.parseEscape(flags);
    }
    this.pos++;
    return this.literal(this.cps[this.pos - 1], flags);
  }

  private literal(cp: number, flags: Flags): ReNode {
    if (!flags.i) return { t: 'char', test: (x) => x === cp };
    const folds = simpleFolds(cp);
    return { t: 'char', test: (x) => folds.includes(x) || simpleFolds(x).includes(cp) };
  }

  private parseGroup(flags: Flags): ReNode {
    this.pos++;
    let index = -1;
    if (this.peek() === '?') {
      if (this.lookingAt('?P<') || (this.lookingAt('?<') && this.peek(2) !== '=' && this.peek(2) !== '!')) {
        this.pos += this.peek(1) === 'P' ? 3 : 2;
        const name = /^[A-Za-z0-9_]+>/.exec(String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 64)));
        if (!name) throw this.fail('invalid named capture group');
        this.pos += name[0].length;
        index = ++this.groups;
      } else if (this.lookingAt('?=') || this.lookingAt('?!') || this.lookingAt('?<=') || this.lookingAt('?<!')) {
        throw this.fail('lookaround assertions are not supported by RE2');
      } else if (this.lookingAt('?P=')) {
        throw this.fail('backreferences are not supported by RE2');
      } else {
        throw this.fail('invalid or unsupported Perl syntax: (?');
      }
    } else {
      index = ++this.groups;
    }
    const node = this.parseAlt({ ...flags });
    if (this.peek() !== ')') throw this.fail('missing closing )');
    this.pos++;
    return { t: 'group', index, node };
  }

  /** `{n}`, `{n,}`, `{n,m}` at the current position (without consuming), or undefined. */
  private repeatBounds(): { min: number; max: number; length: number } | undefined {
    const rest = String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 24));
    const m = /^\{([0-9]+)(,([0-9]*))?\}/.exec(rest);
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
    return { min, max, length: m[0].length };
  }

  private parseRepeat(atom: ReNode, flags: Flags): ReNode {
    let node = atom;
    let repeated = false;
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      let length = 1;
      if (c === '*') [min, max] = [0, -1];
      else if (c === '+') [min, max] = [1, -1];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{' && this.repeatBounds()) ({ min, max, length } = this.repeatBounds() as { min: number; max: number; length: number });
      else return node;
      const op = String.fromCodePoint(...this.cps.slice(this.pos, this.pos + length));
      if (repeated) throw this.fail(`bad repetition operator: ${op}`);
      if (min > MAX_REPEAT || max > MAX_REPEAT || (max !== -1 && max < min)) throw this.fail(`bad repetition operator: ${op}`);
      if (node.t === 'assert' || node.t === 'empty') throw this.fail(`missing argument to repetition operator: ${op}`);
      this.pos += length;
      let greedy = !flags.U;
      if (this.peek() === '?') {
        greedy = !greedy;
        this.pos++;
      }
      node = { t: 'rep', node, min, max, greedy };
      repeated = true;
    }
  }

  private parseEscape(flags: Flags): ReNode | undefined {
    const c = this.peek(1);
    if (c === undefined) throw this.fail('trailing backslash at end of expression');
    const assertions: Record<string, AssertKind> = { b: 'word', B: 'notWord', A: 'bot', z: 'eot' };
    if (assertions[c]) {
      this.pos += 2;
      return { t: 'assert', kind: assertions[c] };
    }
    if (c === 'Q') {
      this.pos += 2;
      const items: ReNode[] = [];
      while (this.pos < this.cps.length && !this.lookingAt('\\E')) items.push(this.literal(this.cps[this.pos++], flags));
      if (this.lookingAt('\\E')) this.pos += 2;
      return items.length === 0 ? undefined : { t: 'cat', items };
    }
    const test = this.classEscape();
    if (test) return { t: 'char', test: foldTest(test, flags.i) };
    return this.literal(this.escapedCodePoint(), flags);
  }

  /** `\d \D \w \W \s \S \pX \p{X} \PX \P{X}` at the current position, consumed; else undefined. */
  private classEscape(): CharTest | undefined {
    const c = this.peek(1) as string;
    const lower = c.toLowerCase();
    if (PERL[lower] && (lower === 'd' || lower === 'w' || lower === 's')) {
      this.pos += 2;
      return c === lower ? PERL[lower] : negate(PERL[lower]);
    }
    if (c !== 'p' && c !== 'P') return undefined;
    this.pos += 2;
    let name: string;
    if (this.peek() === '{') {
      const close = this.cps.indexOf(0x7d, this.pos);
      if (close < 0) throw this.fail('invalid character class range: missing }');
      name = String.fromCodePoint(...this.cps.slice(this.pos + 1, close));
      this.pos = close + 1;
    } else {
      if (this.peek() === undefined) throw this.fail('invalid character class range');
      name = this.peek() as string;
      this.pos++;
    }
    let negated = c === 'P';
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const test = unicodeClass(name);
    if (!test) throw this.fail(`invalid character class range: \\${c}{${name}}`);
    return negated ? negate(test) : test;
  }

  /** A single-character escape such as `\n`, `\x{41}`, `\012` or `\.`; consumes it. */
  private escapedCodePoint(): number {
    const c = this.peek(1) as string;
    this.pos += 2;
    const simple: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
    if (simple[c] !== undefined) return simple[c];
    if (c >= '0' && c <= '7') {
      if (c !== '0' && !(this.peek() !== undefined && /[0-7]/.test(this.peek() as string))) {
        throw this.fail(`backreferences are not supported by RE2: \\${c}`);
      }
      let digits = c;
      while (digits.length < 3 && this.peek() !== undefined && /[0-7]/.test(this.peek() as string)) digits += this.peek(), this.pos++;
      return parseInt(digits, 8);
    }
    if (c === 'x') {
      if (this.peek() === '{') {
        const close = this.cps.indexOf(0x7d, this.pos);
        const hex = close < 0 ? '' : String.fromCodePoint(...this.cps.slice(this.pos + 1, close));
        if (!/^[0-9A-Fa-f]{1,6}$/.test(hex) || parseInt(hex, 16) > 0x10ffff) throw this.fail('invalid escape sequence: \\x{');
        this.pos = close + 1;
        return parseInt(hex, 16);
      }
      const hex = (this.peek() ?? '') + (this.peek(1) ?? '');
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw this.fail('invalid escape sequence: \\x');
      this.pos += 2;
      return parseInt(hex, 16);
    }
    const cp = c.codePointAt(0) as number;
    if (cp < 0x80 && !/[0-9A-Za-z]/.test(c)) return cp;
    if (/[89]/.test(c)) throw this.fail(`backreferences are not supported by RE2: \\${c}`);
    throw this.fail(`invalid escape sequence: \\${c}`);
  }

  private parseClass(): CharTest {
    this.pos++;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const tests: CharTest[] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw this.fail('missing closing ]');
      if (c === ']' && !first) break;
      first = false;
      if (c === '[' && this.peek(1) === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 16)));
        if (m) {
          const posix = POSIX[m[2]];
          if (!posix) throw this.fail(`invalid character class range: ${m[0]}`);
          tests.push(m[1] ? negate(posix) : posix);
          this.pos += m[0].length;
          continue;
        }
      }
      if (c === '\\') {
        const escaped = this.peek(1);
        if (escaped !== undefined && /[dDwWsSpP]/.test(escaped)) {
          tests.push(this.classEscape() as CharTest);
          continue;
        }
      }
      const lo = this.classChar();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.pos++;
        const hi = this.classChar();
        if (hi < lo) throw this.fail(`invalid character class range: ${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)}`);
        tests.push((cp) => cp >= lo && cp <= hi);
      } else {
        tests.push((cp) => cp === lo);
      }
    }
    this.pos++;
    const any: CharTest = (cp) => tests.some((t) => t(cp));
    return negated ? negate(any) : any;
  }

  private classChar(): number {
    if (this.peek() === '\\') {
      if (this.peek(1) === undefined) throw this.fail('missing closing ]');
      if (this.peek(1) === 'b') throw this.fail('invalid escape sequence: \\b');
      return this.escapedCodePoint();
    }
    return this.cps[this.pos++];
  }
}

/** Parses an RE2 pattern; syntax RE2 rejects raises a ValueError naming `fn` and the pattern. */
export function parseRe2(pattern: string, fn: string): ParsedRegex {
  return new Re2Parser(pattern, fn).parse();
}
