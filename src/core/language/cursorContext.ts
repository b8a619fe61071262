/**
 * What the user is typing at an offset, read from the text itself: half-typed YAML rarely parses
 * into the place the user means, while its indentation still says where the cursor is.
 * Pure (no `vscode` import).
 */
import type { Span } from '../location';

export type CursorContext =
  /**
   * A key of a map; `path` is the chain of enclosing keys, outermost first, `-` for list items.
   * `indent` is how many spaces a completed key needs in front of it to land where `path` says
   * (the cursor sits at the column of a step name whose body is still empty); `colon` is true when
   * a `:` already follows the word at the cursor.
   */
  | { kind: 'key'; path: string[]; siblings: string[]; span: Span; indent: number; colon: boolean }
  /** The value of `call:`. */
  | { kind: 'call'; prefix: string; span: Span }
  /** The value of `next:`. */
  | { kind: 'next'; prefix: string; span: Span }
  /** Inside `${...}`: `prefix` is the dotted name being typed (`text.sp`), `span` covers it. */
  | { kind: 'expression'; prefix: string; span: Span };

interface LineShape {
  /** Column of the first `-` of a list item line. */
  dashCol?: number;
  /** Column where the line's key (or content) starts. */
  keyCol: number;
  key?: string;
  /** True when nothing follows `key:` on the line. */
  opensBlock: boolean;
}

/** The dotted name being typed at the end of the text: `text.sp`, `text.`, `len`. */
const DOTTED_TAIL = /[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.?$/;

/** The context at `offset` of a YAML (or, for values, JSON) document. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const expression = expressionContext(before, offset);
  if (expression) return expression;
  const value = /^\s*(?:-\s+)*(?:"(call|next)"|(call|next))\s*:\s*["']?([\w.\-]*)$/.exec(before);
  if (value) {
    const kind = (value[1] ?? value[2]) as 'call' | 'next';
    return { kind, prefix: value[3], span: { start: offset - value[3].length, end: offset + wordLength(text, offset) } };
  }
  const key = /^(\s*)((?:-\s+)*)(\w*)$/.exec(before);
  if (!key) return undefined;
  const col = key[1].length + key[2].length;
  const lines = text.slice(0, lineStart).split(/\r?\n/);
  lines.pop();
  const path = key[2] ? [...ancestors(lines, key[1].length, 'list'), '-'] : ancestors(lines, col, 'map');
  const after = text.slice(offset).split(/\r?\n/);
  const siblings = key[2] ? siblingsBelow(after.slice(1), col) : [...siblingsAbove(lines, col), ...siblingsBelow(after.slice(1), col)];
  const span = { start: offset - key[3].length, end: offset + wordLength(text, offset) };
  const colon = /^\s*:/.test(text.slice(span.end));
  const owner = key[2] ? undefined : emptyStepAbove(lines, col, path);
  if (owner !== undefined) {
    // Enter after `- first:` leaves the cursor at the column of `first`: a key there would be a
    // second key of the list item, so the user means the step's body, two columns deeper.
    return { kind: 'key', path: [...path, owner], siblings: siblingsBelow(after.slice(1), col, true), span, indent: 2, colon };
  }
  return { kind: 'key', path, siblings, span, indent: 0, colon };
}

/**
 * The expression context at `offset` when it is inside an unclosed `${` of its line (YAML, or a
 * JSON string), else undefined. Reads only the cursor's line.
 */
export function expressionAt(text: string, offset: number): Extract<CursorContext, { kind: 'expression' }> | undefined {
  return expressionContext(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset), offset);
}

function expressionContext(before: string, offset: number): Extract<CursorContext, { kind: 'expression' }> | undefined {
  const expression = expressionPrefix(before);
  if (expression === undefined) return undefined;
  const prefix = expression.match(DOTTED_TAIL)?.[0] ?? '';
  return { kind: 'expression', prefix, span: { start: offset - prefix.length, end: offset } };
}

/**
 * The name of the step (or parallel branch) on the line just above, when that line is a list item
 * `- name:` with nothing after it and `name` sits at `col`: the cursor is in its empty body.
 */
function emptyStepAbove(lines: string[], col: number, path: string[]): string | undefined {
  const inStepList = path[path.length - 1] === '-' && (path.length === 1 || ['steps', 'branches'].includes(path[path.length - 2]));
  if (!inStepList) return undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const s = shape(lines[i]);
    if (!s) continue;
    return s.keyCol === col && s.dashCol !== undefined && s.opensBlock ? s.key : undefined;
  }
  return undefined;
}

/** The text after an unclosed `${` on the line, or undefined when the cursor is not in one. */
function expressionPrefix(before: string): string | undefined {
  const open = before.lastIndexOf('${');
  if (open < 0) return undefined;
  let depth = 0;
  let quote: string | undefined;
  for (let i = open + 2; i < before.length; i++) {
    const c = before[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && depth-- === 0) return undefined;
  }
  return quote ? undefined : before.slice(open + 2);
}

function wordLength(text: string, offset: number): number {
  return /^[\w.\-]*/.exec(text.slice(offset))?.[0].length ?? 0;
}

function shape(line: string): LineShape | undefined {
  const m = /^(\s*)((?:-\s+)*)(.*)$/.exec(line);
  if (!m || m[3].startsWith('#') || (m[3].trim() === '' && !m[2])) return undefined;
  const keyCol = m[1].length + m[2].length;
  const key = /^("?)([^"#:\s][^"#:]*?)\1\s*:(?:\s+(.*))?$/.exec(m[3]);
  const rest = key?.[3]?.trim() ?? '';
  return {
    dashCol: m[2] ? m[1].length : undefined,
    keyCol,
    key: key?.[2],
    opensBlock: key !== null && (rest === '' || rest.startsWith('#')),
  };
}

/**
 * The keys enclosing a position, innermost last. `mode` says what the position is inside: a map
 * whose keys sit at column `col`, or a list whose dashes sit at column `col`.
 */
function ancestors(lines: string[], col: number, mode: 'map' | 'list'): string[] {
  const path: string[] = [];
  let cur = col;
  for (let i = lines.length - 1; i >= 0 && cur > 0; i--) {
    // A line indented deeper than `cur` can neither own the block nor end it: skip it unparsed,
    // so walking up from the last step of a 5,000-step routine stays cheap.
    if (leadingSpaces(lines[i]) > cur) continue;
    const s = shape(lines[i]);
    if (!s) continue;
    const ownsBlock = s.key !== undefined && (s.keyCol < cur || (mode === 'list' && s.keyCol === cur && s.dashCol === undefined && s.opensBlock));
    if (ownsBlock) {
      path.unshift(s.key as string);
      if (s.dashCol !== undefined) {
        path.unshift('-');
        cur = s.dashCol;
        mode = 'list';
      } else {
        cur = s.keyCol;
        mode = 'map';
      }
    } else if (mode === 'map' && s.keyCol === cur && s.dashCol !== undefined) {
      path.unshift('-');
      cur = s.dashCol;
      mode = 'list';
    } else if (s.keyCol < cur && s.dashCol === undefined) {
      break;
    }
  }
  return path;
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

function siblingsAbove(lines: string[], col: number): string[] {
  const keys: string[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const s = shape(lines[i]);
    if (!s) continue;
    if (s.keyCol < col) break;
    if (s.keyCol === col && s.key) keys.push(s.key);
    if (s.keyCol === col && s.dashCol !== undefined) break;
  }
  return keys;
}

/**
 * The keys at `col` below, up to the end of their block; with `deeper`, at the column of the first
 * key below when that is deeper than `col` (an existing body under the cursor's line).
 */
function siblingsBelow(lines: string[], col: number, deeper = false): string[] {
  const keys: string[] = [];
  for (const line of lines) {
    const s = shape(line);
    if (!s) continue;
    if (deeper) {
      if (s.keyCol <= col) break;
      col = s.keyCol;
      deeper = false;
    }
    if (s.keyCol < col || (s.keyCol === col && s.dashCol !== undefined)) break;
    if (s.keyCol === col && s.key) keys.push(s.key);
  }
  return keys;
}
