/**
 * Character classes of the fast YAML reader (fastYaml.ts), on character codes: the reader never
 * runs a regular expression per character.
 */

export const NL = 10;
export const CR = 13;
export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;
export const COMMA = 44;
export const DQUOTE = 34;
export const SQUOTE = 39;
export const BACKSLASH = 92;

/** Whether `c` ends a token: a space, a line break or the end of the text (NaN). */
export function isBreakOrEnd(c: number): boolean {
  return c === SPACE || c === NL || c === CR || c !== c;
}

export function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === 91 || c === 93 || c === 123 || c === 125;
}

/** Characters that cannot start a plain scalar here (or that the fast path leaves to `yaml`). */
export function isIndicator(c: number): boolean {
  // , [ ] { } # & * ! | > ' " % @ ` ? :
  return (
    isFlowIndicator(c) || c === HASH || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === SQUOTE ||
    c === DQUOTE || c === 37 || c === 64 || c === 96 || c === 63 || c === COLON
  );
}

/** Whether every character is one the fast path handles: no tabs, lone CRs, controls or BOMs. */
export function plausible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < SPACE) {
      if (c === NL) continue;
      if (c === CR && text.charCodeAt(i + 1) === NL) continue;
      return false;
    }
    if (c === 0xfeff || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0x7f) return false;
  }
  return true;
}
