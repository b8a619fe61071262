/**
 * What the user is typing at an offset of a JSON workflow, read by a tolerant scan of the text up
 * to the cursor (half-typed JSON rarely parses). Gives the same `path` as the YAML reader (enclosing
 * keys outermost first, `-` for array items), so key completion works the same in both formats.
 * Pure (no `vscode` import).
 */
import type { Span } from '../location';

export type JsonCursorContext =
  /**
   * A key position of an object. `span` covers the key being typed with its quotes (empty between
   * keys); `colon` is true when a `:` already follows it.
   */
  | { kind: 'key'; path: string[]; siblings: string[]; span: Span; colon: boolean }
  /** A value position directly in an array (`path` ends with the array's key, as in YAML). */
  | { kind: 'item'; path: string[]; span: Span }
  /** Inside the string value of `call` or `next`; `prefix` is what is typed before the cursor. */
  | { kind: 'call' | 'next'; prefix: string; span: Span };

interface Frame {
  type: 'object' | 'array';
  /** For objects: the key whose value is being read, once its `:` is seen. */
  key?: string;
  /** For objects: true between `{`/`,` and the next key. */
  expectKey: boolean;
  /** For objects: true after a key's `:` until its value starts. */
  expectValue: boolean;
  keys: string[];
}

/** The context at `offset` of a JSON document, or undefined inside a value the editor doesn't complete. */
export function jsonCursorContext(text: string, offset: number): JsonCursorContext | undefined {
  const stack: Frame[] = [];
  let i = 0;
  while (i < offset) {
    const c = text[i];
    if (c === '"') {
      let end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      const lineEnd = text.indexOf('\n', i);
      // A string left open on an earlier line ends there: the cursor is not in it.
      if (end === text.length && lineEnd >= 0 && lineEnd < offset) end = lineEnd;
      else if (end >= offset) return inString(text, stack, i, offset);
      const value = end === lineEnd ? text.slice(i + 1, end) : unquote(text.slice(i, end + 1));
      if (top?.type === 'object' && top.expectKey) {
        top.key = value;
        top.keys.push(value);
        top.expectKey = false;
      } else if (top) top.expectValue = false;
      i = end + 1;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2) + 1;
      if (end <= 0 || end >= offset) return undefined;
      i = end + 1;
    } else {
      const top = stack[stack.length - 1];
      if (c === '{' || c === '[') {
        if (top) top.expectValue = false;
        stack.push({ type: c === '{' ? 'object' : 'array', expectKey: c === '{', expectValue: c === '[', keys: [] });
      } else if (c === '}' || c === ']') stack.pop();
      else if (c === ':' && top?.type === 'object') top.expectValue = true;
      else if (c === ',' && top) {
        top.expectKey = top.type === 'object';
        top.expectValue = top.type === 'array';
      } else if (!/\s/.test(c) && top) top.expectValue = false;
      i++;
    }
  }
  const top = stack[stack.length - 1];
  if (top?.type === 'object' && top.expectKey) {
    return { kind: 'key', path: pathOf(stack.slice(0, -1)), siblings: siblingsOf(text, offset, top, true), span: { start: offset, end: offset }, colon: false };
  }
  if (top?.type === 'array' && top.expectValue) return { kind: 'item', path: pathOf(stack, true), span: { start: offset, end: offset } };
  return undefined;
}

function inString(text: string, stack: Frame[], start: number, offset: number): JsonCursorContext | undefined {
  const top = stack[stack.length - 1];
  const closed = stringEnd(text, start);
  // An unclosed key ends at the cursor: the range must stay on the cursor's line.
  const end = closed < text.length ? closed + 1 : offset;
  if (top?.type === 'object' && top.expectKey) {
    const colon = /^\s*:/.test(text.slice(end));
    return { kind: 'key', path: pathOf(stack.slice(0, -1)), siblings: siblingsOf(text, end, top, false), span: { start, end }, colon };
  }
  if (top?.type === 'object' && (top.key === 'call' || top.key === 'next')) {
    const contentEnd = closed < text.length ? closed : offset;
    return { kind: top.key, prefix: text.slice(start + 1, offset), span: { start: start + 1, end: Math.max(offset, contentEnd) } };
  }
  return undefined;
}

/** The offset of the quote closing the string that opens at `start`, or `text.length` when it is not closed on its line. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
    else if (text[i] === '\n') return text.length;
  }
  return text.length;
}

/** The enclosing keys; `inArray`: the innermost frame is the array the cursor is directly in, which adds no `-`. */
function pathOf(frames: Frame[], inArray = false): string[] {
  const path: string[] = [];
  for (const [n, frame] of frames.entries()) {
    if (frame.type === 'object') path.push(frame.key ?? '');
    else if (!inArray || n < frames.length - 1) path.push('-');
  }
  return path;
}

/** A JSON string literal's value; a malformed escape keeps the raw text. */
function unquote(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

/** The keys of the object `top` before the cursor, and those after it up to the object's end. */
function siblingsOf(text: string, from: number, top: Frame, atKey: boolean): string[] {
  const keys = [...top.keys];
  let depth = 0;
  let expectKey = atKey;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (depth === 0 && expectKey && end < text.length) keys.push(unquote(text.slice(i, end + 1)));
      expectKey = false;
      i = end;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth-- === 0) break;
    } else if (c === ',' && depth === 0) expectKey = true;
  }
  return keys;
}
