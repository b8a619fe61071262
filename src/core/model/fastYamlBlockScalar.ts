/**
 * Block scalars (`|` and `>`) for the fast YAML reader (fastYaml.ts): finds where the scalar ends
 * exactly as the `yaml` lexer does and decodes it with `decodeScalar`. The chomping indicators are
 * read; an explicit indentation indicator, a more-indented empty line (leading or trailing), a
 * scalar without content or a kept scalar at the end of a text without a final line break makes
 * the reader give up.
 */
import type { Scalar } from 'yaml';
import { decodeScalar } from './scalarSource';
import { scalarNode } from './fastYamlNodes';
import { GIVE_UP } from './fastYamlScalars';

const NL = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const DASH = 45;

/**
 * The block scalar whose header starts at `start`, in a block collection at column `parent`. Its
 * range ends after its last content line (`|-`, `|`) or at the next less-indented line (`|+`).
 */
export function readBlockScalar(text: string, start: number, parent: number): Scalar {
  const n = text.length;
  const folded = text.charCodeAt(start) === 62;
  let keep = false;
  let pos = start + 1;
  const chomp = text.charCodeAt(pos);
  if (chomp === DASH) pos++;
  else if (chomp === 43) {
    keep = true;
    pos++;
  }
  const after = text.charCodeAt(pos);
  if (after !== SPACE && after !== NL && after !== CR) throw GIVE_UP;
  while (text.charCodeAt(pos) === SPACE) pos++;
  if (text.charCodeAt(pos) === HASH && text.charCodeAt(pos - 1) === SPACE) {
    while (pos < n && text.charCodeAt(pos) !== NL) pos++;
  }
  if (text.charCodeAt(pos) === CR) pos++;
  if (text.charCodeAt(pos) !== NL) throw GIVE_UP;
  const bodyStart = pos + 1;
  const indent = contentIndent(text, bodyStart);
  if (indent <= parent || indent === 0) throw GIVE_UP;
  let q = bodyStart;
  let contentEnd = bodyStart;
  let terminator = n;
  for (;;) {
    const lineBegin = q;
    while (text.charCodeAt(q) === SPACE) q++;
    const c = text.charCodeAt(q);
    const spaces = q - lineBegin;
    if (c !== c || c === NL || c === CR) {
      if (spaces > indent) throw GIVE_UP;
      if (c !== c) break;
      q += c === CR ? 2 : 1;
      continue;
    }
    if (spaces < indent) {
      terminator = lineBegin;
      break;
    }
    while (q < n && text.charCodeAt(q) !== NL) q++;
    if (q < n) q++;
    contentEnd = q;
  }
  // A kept (`|+`) scalar running to the end of a text without a final line break: its last line
  // holds only spaces and adds no line break, a corner `decodeScalar` does not replay; left to `yaml`.
  if (keep && terminator === n && text.charCodeAt(n - 1) !== NL) throw GIVE_UP;
  const end = keep ? terminator : contentEnd;
  const style = folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
  const value = decodeScalar(text, start, end, style).value;
  return scalarNode(value, value, style, start, end);
}

/** The indentation of a block scalar's first content line; gives up on more-indented leading empty lines. */
function contentIndent(text: string, from: number): number {
  let widestEmpty = 0;
  for (let q = from; ; ) {
    const lineBegin = q;
    while (text.charCodeAt(q) === SPACE) q++;
    const c = text.charCodeAt(q);
    if (c !== c) throw GIVE_UP;
    if (c !== NL && c !== CR) {
      if (widestEmpty > q - lineBegin) throw GIVE_UP;
      return q - lineBegin;
    }
    widestEmpty = Math.max(widestEmpty, q - lineBegin);
    q += c === CR ? 2 : 1;
  }
}
