import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Regex } from '../../../src/engine/stdlib/regex';

/** The first match of `re` in `s` as `[start, end]`, or null. */
function first(re: Regex, s: string): number[] | null {
  for (const m of re.matches(s)) return [m.start, m.end];
  return null;
}

/**
 * Random patterns over a small alphabet, in the syntax RE2 and JavaScript share and where both
 * are leftmost-first, so JavaScript's RegExp is a reference for where a match starts and ends.
 * Repeated bodies always consume a character: JavaScript refuses empty iterations, which RE2
 * does not, so `(?:a??)?` legitimately differs.
 */
const atom = fc.constantFrom('a', 'b', '.', '[ab]', '[^a]', '\\w', 'x');
const pattern: fc.Arbitrary<string> = fc.letrec<{ re: string }>((tie) => ({
  re: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('re'), tie('re')).map(([x, y]) => `${x}${y}`),
    fc.tuple(tie('re'), tie('re')).map(([x, y]) => `(?:${x}|${y})`),
    fc.tuple(atom, tie('re'), fc.constantFrom('*', '+', '?', '{1,2}', '{2}', '*?', '+?', '??')).map(([a, x, q]) => `(?:${a}${x})${q}`),
    tie('re').map((x) => `(${x})`),
  ),
})).re;

describe('RE2 (re2js behind regex.ts) against JavaScript on shared syntax', () => {
  it('finds the same leftmost-first match', () => {
    fc.assert(
      fc.property(pattern, fc.stringMatching(/^[abx]{0,12}$/), (p, s) => {
        const js = new RegExp(p, 'u').exec(s);
        assert.deepEqual(first(Regex.compile(p, 'test'), s), js && [js.index, js.index + js[0].length], `${p} on ${JSON.stringify(s)}`);
      }),
      { numRuns: 500, seed: 20261127 },
    );
  });

  it('finds the longest match at the leftmost index in longest mode', () => {
    fc.assert(
      fc.property(pattern, fc.stringMatching(/^[abx]{0,10}$/), (p, s) => {
        const ours = first(Regex.compile(p, 'test', { longest: true }), s);
        const whole = new RegExp(`^(?:${p})$`, 'u');
        let expected: number[] | null = null;
        for (let start = 0; start <= s.length && !expected; start++) {
          for (let end = s.length; end >= start && !expected; end--) if (whole.test(s.slice(start, end))) expected = [start, end];
        }
        assert.deepEqual(ours, expected, `${p} on ${JSON.stringify(s)}`);
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});
