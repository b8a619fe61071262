/** Character classes of RE2 syntax: Perl, POSIX and Unicode classes, and simple case folding. */

/** Tests one code point. */
export type CharTest = (cp: number) => boolean;

/** RE2's word characters: ASCII letters, digits and underscore. */
export function isWordCp(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
}

/** Perl classes d, s and w, ASCII-only as in RE2. */
export const PERL: Record<string, CharTest> = {
  d: (cp) => cp >= 0x30 && cp <= 0x39,
  s: (cp) => cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0c || cp === 0x0d,
  w: isWordCp,
};

/** POSIX bracket classes such as [:alpha:], ASCII-only as in RE2. */
export const POSIX: Record<string, CharTest> = {
  alnum: (cp) => PERL.d(cp) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a),
  alpha: (cp) => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a),
  ascii: (cp) => cp <= 0x7f,
  blank: (cp) => cp === 0x20 || cp === 0x09,
  cntrl: (cp) => cp <= 0x1f || cp === 0x7f,
  digit: PERL.d,
  graph: (cp) => cp >= 0x21 && cp <= 0x7e,
  lower: (cp) => cp >= 0x61 && cp <= 0x7a,
  print: (cp) => cp >= 0x20 && cp <= 0x7e,
  punct: (cp) => cp >= 0x21 && cp <= 0x7e && !POSIX.alnum(cp),
  space: (cp) => PERL.s(cp) || cp === 0x0b,
  upper: (cp) => cp >= 0x41 && cp <= 0x5a,
  word: isWordCp,
  xdigit: (cp) => PERL.d(cp) || (cp >= 0x41 && cp <= 0x46) || (cp >= 0x61 && cp <= 0x66),
};

const unicodeTests = new Map<string, CharTest>();

/** A Unicode class by name: a general category, a script or Any; undefined for unknown names. */
export function unicodeClass(name: string): CharTest | undefined {
  if (name === 'Any') return () => true;
  const cached = unicodeTests.get(name);
  if (cached) return cached;
  if (!/^[A-Za-z_]+$/.test(name)) return undefined;
  for (const source of name.length <= 2 ? [`\\p{${name}}`] : [`\\p{Script=${name}}`, `\\p{${name}}`]) {
    let re: RegExp;
    try {
      re = new RegExp(`^${source}$`, 'u');
    } catch {
      continue;
    }
    const test: CharTest = (cp) => re.test(String.fromCodePoint(cp));
    unicodeTests.set(name, test);
    return test;
  }
  return undefined;
}

/** The code point with its simple lower- and upper-case forms, for case-insensitive matching. */
export function simpleFolds(cp: number): number[] {
  const ch = String.fromCodePoint(cp);
  const out = new Set([cp]);
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) {
    const c = v.codePointAt(0) as number;
    if (v.length === String.fromCodePoint(c).length) out.add(c);
  }
  return [...out];
}

/** Makes a class test case-insensitive when fold is set. */
export function foldTest(test: CharTest, fold: boolean): CharTest {
  return fold ? (cp) => simpleFolds(cp).some(test) : test;
}

export function negate(test: CharTest): CharTest {
  return (cp) => !test(cp);
}
