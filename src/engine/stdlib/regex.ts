/**
 * RE2 regular expressions for `text.*_regex`, on `re2js` (RE2's own JavaScript port: RE2's
 * syntax, Unicode tables and case folding, and matching in time linear in the input), with
 * Google's semantics on top:
 * - positions are code-point indexes (`re2js` works in UTF-16 units on strings);
 * - successive matches follow RE2/Go: after a match the search resumes at its end, and an empty
 *   match right where the previous match ended is skipped (`a*` on `baaac`: at 0, 1–4 and 5);
 * - invalid patterns are a ValueError with RE2's own reason.
 */
import { RE2JS } from 're2js';
import { workflowError } from '../errors';

/** One match: UTF-16 offsets into the source, and its groups' texts (null when a group is unset). */
export interface RegexMatch {
  start: number;
  end: number;
  group(index: number): string | null;
}

const PREFIX = 'error parsing regexp: ';

/** A compiled RE2 pattern. */
export class Regex {
  private constructor(
    private readonly re: RE2JS,
    /** Number of capturing groups. */
    readonly groupCount: number,
  ) {}

  /**
   * Compiles `pattern`; invalid syntax raises a ValueError naming `fn`. With `longest`, among the
   * matches starting at the leftmost position the longest wins (RE2's `longest_match`); otherwise
   * the first by pattern priority (RE2's default).
   */
  static compile(pattern: string, fn: string, options: { longest?: boolean } = {}): Regex {
    let re: RE2JS;
    try {
      re = RE2JS.compile(pattern, options.longest ? RE2JS.LONGEST_MATCH : 0);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const reason = message.startsWith(PREFIX) ? message.slice(PREFIX.length) : message;
      throw workflowError('ValueError', `${fn}: invalid regular expression ${JSON.stringify(pattern)}: ${reason}`);
    }
    return new Regex(re, re.groupCount());
  }

  /** Whether the pattern matches anywhere in `source`. */
  test(source: string): boolean {
    return this.re.matcher(source).find();
  }

  /** Every successive match in `source` (see the module comment). */
  *matches(source: string): Generator<RegexMatch> {
    const m = this.re.matcher(source);
    let pos = 0;
    let lastEnd = -1;
    while (pos <= source.length && m.find(pos)) {
      const start = m.start();
      const end = m.end();
      if (start === end && start === lastEnd) {
        if (start >= source.length) return;
        pos = start + codeUnits(source, start);
        continue;
      }
      yield { start, end, group: (index) => m.group(index) };
      lastEnd = end;
      pos = end > start ? end : end + codeUnits(source, end);
    }
  }
}

/** UTF-16 units of the code point at `at` (2 for a surrogate pair, else 1). */
function codeUnits(s: string, at: number): number {
  const c = s.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && at + 1 < s.length && (s.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

