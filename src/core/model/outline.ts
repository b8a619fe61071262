/**
 * A shallow outline of a YAML or JSON text, for workflow detection: the top-level collection, its
 * children and their children's keys, nothing deeper (values below that are only told apart as map,
 * list or scalar). Linear in the text, no recursion on nesting depth beyond three levels, never
 * throws: broken or half-typed input gives whatever outline its first lines show. This is not a
 * YAML parser (anchors, tags, complex keys and multi-line flow values inside block YAML are not
 * read); it only has to see the shapes `detect.ts` asks about.
 */

/** A map with its keys in order, a list, or anything else. `complete` is false when the text ended inside it. */
export type Outline =
  | { kind: 'map'; entries: [string, Outline][]; complete: boolean }
  | { kind: 'seq'; items: Outline[]; complete: boolean }
  | { kind: 'scalar' };

/** Levels whose contents are recorded; below them only the kind of a value is kept. */
const DEPTH = 3;

const SCALAR: Outline = { kind: 'scalar' };

/** The outline of `text`: block YAML, or a flow collection (JSON) when `format` is json or the text starts with `{`/`[`. */
export function outlineOf(text: string, format?: 'yaml' | 'json'): Outline {
  const start = /^\uFEFF?\s*/.exec(text)?.[0].length ?? 0;
  if (format === 'json' || text[start] === '{' || text[start] === '[') return new FlowReader(text, start).value(0);
  return blockOutline(text);
}

// ---------------------------------------------------------------------------------------------
// Block YAML, read line by line.

interface Line {
  indent: number;
  text: string;
}

/**
 * A map key line: a double- or single-quoted key, or a plain one (not starting with an indicator),
 * then `:` followed by a space or the end of the line; group 4 is what follows.
 */
const KEY_LINE = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}[\],&*!|>%@`?:-][^#]*?|[?:-][^\s#][^#]*?))\s*:(?:[ \t]+(.*))?$/;

function isDash(text: string): boolean {
  return text[0] === '-' && (text.length === 1 || text[1] === ' ' || text[1] === '\t');
}

/** The significant lines of the first document: no blanks, comments, directives or document markers. */
function significantLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text.split(/\r?\n/);
  for (const line of raw) {
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const indent = line.length - content.length;
    if (indent === 0 && (content.startsWith('%') || /^(---|\.\.\.)(\s|$)/.test(content))) {
      if (out.length > 0 && !content.startsWith('%')) break;
      continue;
    }
    out.push({ indent, text: content.trimEnd() });
  }
  return out;
}

function blockOutline(text: string): Outline {
  const lines = significantLines(text);
  if (lines.length === 0) return SCALAR;
  const reader = new BlockReader(lines);
  return reader.node(0, 0).node;
}

class BlockReader {
  constructor(private readonly lines: Line[]) {}

  /** The node whose first line is `i`; returns it and the index of the first line after it. */
  node(i: number, depth: number): { node: Outline; next: number } {
    const { indent: col, text } = this.lines[i];
    if (depth >= DEPTH) return { node: isDash(text) ? { kind: 'seq', items: [], complete: true } : KEY_LINE.test(text) ? { kind: 'map', entries: [], complete: true } : SCALAR, next: this.skip(i + 1, col, true) };
    if (isDash(text)) return this.seq(i, col, depth);
    if (KEY_LINE.test(text)) return this.map(i, col, depth);
    return { node: SCALAR, next: this.skip(i + 1, col, false) };
  }

  private seq(i: number, col: number, depth: number): { node: Outline; next: number } {
    const items: Outline[] = [];
    while (i < this.lines.length && this.lines[i].indent === col && isDash(this.lines[i].text)) {
      const text = this.lines[i].text;
      const rest = text.slice(1).trimStart();
      if (rest === '' || rest.startsWith('#')) {
        i++;
        if (i < this.lines.length && this.lines[i].indent > col) {
          const child = this.node(i, depth + 1);
          items.push(child.node);
          i = child.next;
        } else items.push(SCALAR);
      } else {
        // `- key: value` starts a map (or a nested list) at the column of its content.
        this.lines[i] = { indent: col + text.length - rest.length, text: rest };
        const child = this.node(i, depth + 1);
        items.push(child.node);
        i = child.next;
      }
    }
    return { node: { kind: 'seq', items, complete: true }, next: i };
  }

  private map(i: number, col: number, depth: number): { node: Outline; next: number } {
    const entries: [string, Outline][] = [];
    let match: RegExpExecArray | null;
    while (i < this.lines.length && this.lines[i].indent === col && (match = KEY_LINE.exec(this.lines[i].text))) {
      const key = match[1] ?? match[2]?.replace(/''/g, "'") ?? match[3];
      const rest = (match[4] ?? '').trim();
      i++;
      let value: Outline = SCALAR;
      if (rest === '' || rest.startsWith('#')) {
        const below = this.lines[i];
        // A block value is indented deeper, except a list, which may sit at the key's own column.
        if (below && (below.indent > col || (below.indent === col && isDash(below.text)))) {
          const child = this.node(i, depth + 1);
          value = child.node;
          i = child.next;
        }
      } else {
        if (rest[0] === '{' || rest[0] === '[') value = new FlowReader(rest, 0).value(depth + 1);
        i = this.skip(i, col, false);
      }
      entries.push([key, value]);
    }
    return { node: { kind: 'map', entries, complete: true }, next: i };
  }

  /** The first line from `i` that is not deeper than `col` (nor, with `dashes`, a list item at `col`). */
  private skip(i: number, col: number, dashes: boolean): number {
    while (i < this.lines.length && (this.lines[i].indent > col || (dashes && this.lines[i].indent === col && isDash(this.lines[i].text)))) i++;
    return i;
  }
}

// ---------------------------------------------------------------------------------------------
// Flow collections and JSON, read token by token.

class FlowReader {
  constructor(
    private readonly text: string,
    private i: number,
  ) {}

  /** The value at the cursor; collections below `DEPTH` are skipped by bracket counting. */
  value(depth: number): Outline {
    this.space();
    const c = this.text[this.i];
    if (c !== '{' && c !== '[') {
      this.scalar();
      return SCALAR;
    }
    if (depth >= DEPTH) {
      const complete = this.skipCollection();
      return c === '{' ? { kind: 'map', entries: [], complete } : { kind: 'seq', items: [], complete };
    }
    this.i++;
    return c === '{' ? this.map(depth) : this.seq(depth);
  }

  private map(depth: number): Outline {
    const entries: [string, Outline][] = [];
    for (;;) {
      this.space();
      const c = this.text[this.i];
      if (c === undefined) return { kind: 'map', entries, complete: false };
      if (c === '}') {
        this.i++;
        return { kind: 'map', entries, complete: true };
      }
      // A separator, or a stray bracket or colon, is stepped over so the reader always advances.
      if (c === ',' || c === ']' || c === ':') {
        this.i++;
        continue;
      }
      const key = this.scalar();
      this.space();
      let value: Outline = SCALAR;
      if (this.text[this.i] === ':') {
        this.i++;
        value = this.value(depth + 1);
      }
      if (this.i >= this.text.length) return { kind: 'map', entries: [...entries, [key, value]], complete: false };
      entries.push([key, value]);
    }
  }

  private seq(depth: number): Outline {
    const items: Outline[] = [];
    for (;;) {
      this.space();
      const c = this.text[this.i];
      if (c === undefined) return { kind: 'seq', items, complete: false };
      if (c === ']') {
        this.i++;
        return { kind: 'seq', items, complete: true };
      }
      if (c === ',' || c === '}' || c === ':') {
        this.i++;
        continue;
      }
      items.push(this.value(depth + 1));
    }
  }

  /** Skips a collection whose opening bracket is at the cursor; false when the text ends first. */
  private skipCollection(): boolean {
    let depth = 0;
    while (this.i < this.text.length) {
      const c = this.text[this.i];
      if (c === '"' || c === "'") this.quoted();
      else {
        if (c === '{' || c === '[') depth++;
        else if ((c === '}' || c === ']') && --depth === 0) {
          this.i++;
          return true;
        }
        this.i++;
      }
    }
    return false;
  }

  /** A quoted or plain scalar at the cursor; returns its text (unescaped only as far as keys need). */
  private scalar(): string {
    const c = this.text[this.i];
    if (c === '"' || c === "'") return this.quoted();
    const start = this.i;
    let braces = 0;
    while (this.i < this.text.length) {
      const d = this.text[this.i];
      // `${...}` inside a plain scalar: its braces are the expression's, not the collection's.
      if (d === '$' && this.text[this.i + 1] === '{') {
        braces++;
        this.i += 2;
        continue;
      }
      if (braces > 0) {
        if (d === '}') braces--;
        this.i++;
        continue;
      }
      if (d === ',' || d === ']' || d === '}' || d === '\n' || (d === ':' && /[\s,[\]{}]|^$/.test(this.text[this.i + 1] ?? ''))) break;
      this.i++;
    }
    return this.text.slice(start, this.i).trim();
  }

  private quoted(): string {
    const quote = this.text[this.i++];
    let out = '';
    while (this.i < this.text.length) {
      const c = this.text[this.i++];
      if (quote === '"' && c === '\\') out += this.text[this.i++] ?? '';
      else if (c === quote) {
        if (quote === "'" && this.text[this.i] === "'") {
          out += "'";
          this.i++;
        } else return out;
      } else out += c;
    }
    return out;
  }

  /** Whitespace and comments (`#` for YAML, `//` and block comments for JSONC). */
  private space(): void {
    for (;;) {
      const ws = /^\s+/.exec(this.text.slice(this.i, this.i + 256));
      if (ws) this.i += ws[0].length;
      const rest = this.text.slice(this.i, this.i + 2);
      if (rest[0] === '#' || rest === '//') {
        const end = this.text.indexOf('\n', this.i);
        this.i = end < 0 ? this.text.length : end;
      } else if (rest === '/*') {
        const end = this.text.indexOf('*/', this.i + 2);
        this.i = end < 0 ? this.text.length : end + 2;
      } else if (!ws || ws[0].length < 256) return;
    }
  }
}
