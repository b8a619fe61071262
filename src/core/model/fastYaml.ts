/**
 * A fast reader for the common subset of YAML that workflow sources use, producing the very nodes
 * the `yaml` package composes (`YAMLMap`, `YAMLSeq`, `Pair`, `Scalar` with the same `range`,
 * `source` and `type`), so that one builder serves both readers.
 *
 * It reads block maps and sequences (compact `- key: value` maps included), flow collections on one
 * or several lines, plain scalars typed by the YAML 1.2 core schema, quoted scalars, block scalars
 * with chomping indicators, comments, a leading `---` and CRLF line breaks. Anything else, and
 * anything that could be an error or a warning (tabs, anchors, aliases, tags, `?` keys, directives,
 * several documents, duplicate or null keys, explicit block indentation, odd indentation, the
 * lenient constructs repaired in compatRepairs.ts), makes it give up: `readFastYaml` then returns
 * undefined and the `yaml` package reads the whole text, so every message stays as it is.
 */
import { Document, YAMLMap, YAMLSeq } from 'yaml';
import type { Node as YamlNode, Pair, Scalar } from 'yaml';
import { decodeScalar } from './scalarSource';
import { readBlockScalar } from './fastYamlBlockScalar';
import { KeyNames, mapNode, pairNode, scalarNode, seqNode } from './fastYamlNodes';
import { GIVE_UP, checkEscapes, plainValue } from './fastYamlScalars';

// Character codes and classes live here, not in a module of their own: transpiled to CommonJS,
// an imported constant is a property read on every character.
const NL = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;

/** Whether `c` ends a token: a space, a line break or the end of the text (NaN). */
function isBreakOrEnd(c: number): boolean {
  return c === SPACE || c === NL || c === CR || c !== c;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === 91 || c === 93 || c === 123 || c === 125;
}

/** Characters that cannot start a plain scalar here (or that the fast path leaves to `yaml`). */
function isIndicator(c: number): boolean {
  // , [ ] { } # & * ! | > ' " % @ ` ? :
  return (
    isFlowIndicator(c) || c === HASH || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === SQUOTE ||
    c === DQUOTE || c === 37 || c === 64 || c === 96 || c === 63 || c === COLON
  );
}

/** Whether every character is one the fast path handles: no tabs, lone CRs, controls or BOMs. */
function plausible(text: string): boolean {
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

/** How a plain scalar's line scan stopped. */
const enum Stop {
  Eol,
  Colon,
  Comment,
  Flow,
}

/**
 * Reads `text` as one YAML document of the supported subset. Returns undefined whenever the text
 * is outside it, is empty, or might make the `yaml` package report anything.
 */
export function readFastYaml(text: string): Document.Parsed | undefined {
  if (!plausible(text)) return undefined;
  try {
    return new FastReader(text).document();
  } catch {
    // GIVE_UP, or an unexpected failure: either way the `yaml` package reads the text.
    return undefined;
  }
}

class FastReader {
  private pos = 0;
  private lineStart = 0;
  private stop = Stop.Eol;
  /** Where the last `scanPlain` stopped. */
  private stopAt = 0;
  private readonly n: number;
  /**
   * Items of the collections being read; each collection takes its own off the top when it ends,
   * so its `items` array has exactly its length (grown arrays would double the reader's memory).
   */
  private readonly stack: unknown[] = [];

  constructor(private readonly t: string) {
    this.n = t.length;
  }

  document(): Document.Parsed {
    this.skipBlank(false);
    if (this.col() === 0 && this.isMarker(this.pos)) {
      if (!this.t.startsWith('---', this.pos)) throw GIVE_UP;
      this.pos += 3;
      this.endLine();
    }
    if (this.pos >= this.n) throw GIVE_UP;
    const contents = this.lineNode(-1);
    if (this.pos < this.n) throw GIVE_UP;
    const doc = new Document();
    doc.contents = contents;
    return doc as unknown as Document.Parsed;
  }

  private col(): number {
    return this.pos - this.lineStart;
  }

  private code(at: number): number {
    return this.t.charCodeAt(at);
  }

  /** `---` or `...` followed by a space, a line break or the end. */
  private isMarker(at: number): boolean {
    const c = this.code(at);
    return (c === DASH || c === 46) && this.code(at + 1) === c && this.code(at + 2) === c && isBreakOrEnd(this.code(at + 3));
  }

  private dashSpace(): boolean {
    return this.code(this.pos) === DASH && isBreakOrEnd(this.code(this.pos + 1));
  }

  /** Skips spaces, comments and line breaks; gives up on a document marker at a line start. */
  private skipBlank(markers = true): void {
    const t = this.t;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === SPACE || c === CR) this.pos++;
      else if (c === NL) this.lineStart = ++this.pos;
      else if (c === HASH && (this.pos === this.lineStart || t.charCodeAt(this.pos - 1) === SPACE)) {
        while (this.pos < this.n && t.charCodeAt(this.pos) !== NL) this.pos++;
      } else break;
    }
    if (markers && this.pos === this.lineStart && this.pos < this.n && this.isMarker(this.pos)) throw GIVE_UP;
  }

  /** After a node: nothing but spaces and a comment may follow on its line. */
  private endLine(): void {
    const before = this.pos;
    this.skipBlank();
    if (this.pos < this.n && this.lineStart < before) throw GIVE_UP;
  }

  /** A node whose first character starts a line (column > parent); leaves `pos` at the next content. */
  private lineNode(parent: number): YamlNode {
    if (this.dashSpace()) return this.blockSeq(this.col());
    if (this.keyColon(this.pos) >= 0) return this.blockMap(this.col());
    const node = this.inlineValue(parent);
    this.endLine();
    return node;
  }

  /** A scalar or flow collection starting on the current line, inside a block collection at `parent`. */
  private inlineValue(parent: number): YamlNode {
    const c = this.code(this.pos);
    if (c === 124 || c === 62) {
      const node = readBlockScalar(this.t, this.pos, parent);
      this.pos = (node.range as [number, number, number])[1];
      this.lineStart = this.pos === this.n ? this.t.lastIndexOf('\n', this.pos - 1) + 1 : this.pos;
      return node;
    }
    if (c === 91 || c === 123) return this.flow(parent);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(parent, true);
    if (isIndicator(c) || this.dashSpace()) throw GIVE_UP;
    return this.plainBlock(parent);
  }

  private blockSeq(column: number): YAMLSeq {
    const seq = seqNode(false);
    const start = this.pos;
    const base = this.stack.length;
    for (;;) {
      this.pos++;
      while (this.code(this.pos) === SPACE) this.pos++;
      const c = this.code(this.pos);
      let item: YamlNode;
      if (c === NL || c === CR || c !== c || c === HASH) {
        this.skipBlank();
        if (this.pos >= this.n || this.col() <= column) throw GIVE_UP;
        item = this.lineNode(column);
      } else if (this.dashSpace()) throw GIVE_UP;
      else if (this.keyColon(this.pos) >= 0) item = this.blockMap(this.col());
      else {
        item = this.inlineValue(column);
        this.endLine();
      }
      this.stack.push(item);
      if (this.pos >= this.n || this.col() < column) break;
      if (this.col() > column) throw GIVE_UP;
      if (!this.dashSpace()) break;
    }
    seq.items = this.stack.splice(base);
    seq.range = [start, this.pos, this.pos];
    return seq;
  }

  private blockMap(column: number): YAMLMap {
    const map = mapNode(false);
    const start = this.pos;
    const base = this.stack.length;
    const names = new KeyNames();
    for (;;) {
      const key = this.blockKey(names);
      while (this.code(this.pos) === SPACE) this.pos++;
      const c = this.code(this.pos);
      let value: YamlNode;
      if (c === NL || c === CR || c !== c || c === HASH) {
        const emptyAt = this.pos;
        this.skipBlank();
        const next = this.col();
        if (this.pos < this.n && next === column && this.dashSpace()) value = this.blockSeq(column);
        else if (this.pos < this.n && next > column) value = this.lineNode(column);
        else value = scalarNode(null, '', 'PLAIN', emptyAt, emptyAt);
      } else {
        value = this.inlineValue(column);
        this.endLine();
      }
      this.stack.push(pairNode(key, value));
      if (this.pos >= this.n || this.col() < column) break;
      if (this.col() > column || this.keyColon(this.pos) < 0) throw GIVE_UP;
    }
    map.items = this.stack.splice(base) as Pair[];
    map.range = [start, this.pos, this.pos];
    return map;
  }

  /** A block map key and its `:`; gives up on a null, over-long or duplicate key. */
  private blockKey(names: KeyNames): Scalar {
    const colon = this.keyColon(this.pos);
    const start = this.pos;
    let key: Scalar;
    if (this.code(start) === DQUOTE || this.code(start) === SQUOTE) key = this.quoted(0, false);
    else {
      let end = colon;
      while (this.code(end - 1) === SPACE) end--;
      const source = this.t.slice(start, end);
      key = scalarNode(plainValue(source), source, 'PLAIN', start, end);
    }
    if (colon - start > 1000) throw GIVE_UP;
    this.pos = colon + 1;
    this.addName(names, key);
    return key;
  }

  /** Records a key's name for the duplicate check (the name `loadYaml` would compare). */
  private addName(names: KeyNames, key: Scalar): void {
    if (key.value === null) throw GIVE_UP;
    const name = key.type === 'PLAIN' ? (key.source as string) : (key.value as string);
    if (!names.add(name)) throw GIVE_UP;
  }

  /** The offset of the `:` ending an implicit key that starts at `p` on its line, or -1. */
  private keyColon(p: number): number {
    const c = this.code(p);
    if (c === DQUOTE || c === SQUOTE) {
      let q = this.quoteEnd(p);
      if (q < 0) return -1;
      while (this.code(q) === SPACE) q++;
      return this.code(q) === COLON && isBreakOrEnd(this.code(q + 1)) ? q : -1;
    }
    if (isIndicator(c) || (c === DASH && isBreakOrEnd(this.code(p + 1)))) return -1;
    this.scanPlain(p, false);
    return this.stop === Stop.Colon ? this.stopAt : -1;
  }

  /** After the closing quote of a one-line quoted scalar opened at `p`, or -1. */
  private quoteEnd(p: number): number {
    const quote = this.code(p);
    for (let q = p + 1; q < this.n; q++) {
      const c = this.code(q);
      if (c === NL || c === CR) return -1;
      if (quote === DQUOTE && c === BACKSLASH) q++;
      else if (c === quote) {
        if (quote === SQUOTE && this.code(q + 1) === SQUOTE) q++;
        else return q + 1;
      }
    }
    return -1;
  }

  /**
   * Scans a plain scalar from `p` to the end of its line (or a `: `, a comment, or in flow context
   * a flow indicator); sets `stop` and returns the end of its content, trailing spaces excluded.
   */
  private scanPlain(p: number, inFlow: boolean): number {
    const t = this.t;
    let end = p;
    for (let q = p; ; q++) {
      const c = t.charCodeAt(q);
      if (c === NL || c === CR || c !== c) {
        this.stop = Stop.Eol;
        this.stopAt = q;
        return end;
      }
      if (c === SPACE) continue;
      if (c === COLON) {
        const next = t.charCodeAt(q + 1);
        if (isBreakOrEnd(next) || (inFlow && isFlowIndicator(next))) {
          this.stop = Stop.Colon;
          this.stopAt = q;
          return end;
        }
      } else if (c === HASH && t.charCodeAt(q - 1) === SPACE) {
        this.stop = Stop.Comment;
        this.stopAt = q;
        return end;
      } else if (inFlow && isFlowIndicator(c)) {
        this.stop = Stop.Flow;
        this.stopAt = q;
        return end;
      }
      end = q + 1;
    }
  }

  /** A plain scalar in block context, continued on more-indented lines. */
  private plainBlock(parent: number): Scalar {
    const start = this.pos;
    let end = this.scanPlain(start, false);
    if (this.stop === Stop.Colon) throw GIVE_UP;
    let multiline = false;
    while (this.stop === Stop.Eol) {
      // Find the next non-empty line; it continues the scalar if it is indented past the parent.
      let q = end;
      let lineStart = -1;
      let k = 0;
      for (;;) {
        while (this.code(q) === SPACE) q++;
        const c = this.code(q);
        if (c === CR) q++;
        if (this.code(q) !== NL) break;
        lineStart = ++q;
      }
      if (lineStart < 0 || q >= this.n) break;
      k = q - lineStart;
      if (k <= parent || this.code(q) === HASH) break;
      // Only an indicator followed by a space could start something else; column 0 is left to `yaml`.
      const first = this.code(q);
      if (k === 0 || ((first === DASH || first === 63 || first === COLON) && isBreakOrEnd(this.code(q + 1)))) throw GIVE_UP;
      end = this.scanPlain(q, false);
      if (this.stop !== Stop.Eol) throw GIVE_UP;
      multiline = true;
    }
    this.pos = end;
    const source = multiline ? decodeScalar(this.t, start, end, 'PLAIN').value : this.t.slice(start, end);
    if (multiline) this.lineStart = this.t.lastIndexOf('\n', end - 1) + 1;
    return scalarNode(plainValue(source), source, 'PLAIN', start, end);
  }

  /**
   * A quoted scalar; its continuation lines must be indented past `parent` (else it is the lenient
   * construct that loadYaml repairs).
   */
  private quoted(parent: number, multiline: boolean): Scalar {
    const start = this.pos;
    const quote = this.code(start);
    let lines = false;
    let doubled = false;
    let q = start + 1;
    for (;;) {
      const c = this.code(q);
      if (c !== c) throw GIVE_UP;
      if (quote === DQUOTE && c === BACKSLASH) {
        const next = this.code(q + 1);
        q += next === NL || next === CR ? 1 : 2;
        continue;
      }
      if (c === quote) {
        if (quote === SQUOTE && this.code(q + 1) === SQUOTE) {
          doubled = true;
          q += 2;
          continue;
        }
        break;
      }
      if (c === NL) {
        if (!multiline) throw GIVE_UP;
        lines = true;
        this.lineStart = q + 1;
        let k = q + 1;
        while (this.code(k) === SPACE) k++;
        const next = this.code(k);
        if (next !== NL && next !== CR && (k - q - 1 <= parent || (k === q + 1 && this.isMarker(k)))) throw GIVE_UP;
      }
      q++;
    }
    const end = q + 1;
    this.pos = end;
    const type = quote === DQUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    const escaped = quote === DQUOTE ? checkEscapes(this.t, start + 1, q) : doubled;
    const value = lines || escaped ? decodeScalar(this.t, start, end, type).value : this.t.slice(start + 1, q);
    return scalarNode(value, value, type, start, end);
  }

  /** `[...]` or `{...}`, possibly over several lines, each indented past `parent`. */
  private flow(parent: number): YAMLSeq | YAMLMap {
    const start = this.pos;
    const isSeq = this.code(start) === 91;
    const close = isSeq ? 93 : 125;
    const node = isSeq ? seqNode(true) : mapNode(true);
    const base = this.stack.length;
    const names = new KeyNames();
    this.pos++;
    this.flowSkip(parent);
    if (this.code(this.pos) !== close) {
      for (;;) {
        if (isSeq) this.stack.push(this.flowSeqItem(parent));
        else {
          const key = this.flowKey(parent, names);
          this.stack.push(this.flowPair(parent, key, close));
        }
        this.flowSkip(parent);
        const c = this.code(this.pos);
        if (c === close) break;
        if (c !== COMMA) throw GIVE_UP;
        this.pos++;
        this.flowSkip(parent);
        if (this.code(this.pos) === close) throw GIVE_UP;
      }
    }
    this.pos++;
    node.items = this.stack.splice(base) as Pair[];
    node.range = [start, this.pos, this.pos];
    return node;
  }

  /** Skips spaces, comments and line breaks inside a flow collection; lines must be indented past `parent`. */
  private flowSkip(parent: number): void {
    const before = this.pos;
    const t = this.t;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === SPACE || c === CR) this.pos++;
      else if (c === NL) this.lineStart = ++this.pos;
      else if (c === HASH && (this.pos === this.lineStart || t.charCodeAt(this.pos - 1) === SPACE)) {
        if (this.lineStart > before && this.col() <= parent) throw GIVE_UP;
        while (this.pos < this.n && t.charCodeAt(this.pos) !== NL) this.pos++;
      } else break;
    }
    if (this.pos >= this.n) throw GIVE_UP;
    if (this.lineStart > before && (this.col() <= parent || (this.col() === 0 && this.isMarker(this.pos)))) throw GIVE_UP;
  }

  /** The `: value` after a flow map key. */
  private flowPair(parent: number, key: Scalar, close: number): Pair {
    while (this.code(this.pos) === SPACE) this.pos++;
    // After a plain key the `:` must be followed by a space, as in block context.
    if (this.code(this.pos) !== COLON || (key.type === 'PLAIN' && !isBreakOrEnd(this.code(this.pos + 1)))) throw GIVE_UP;
    this.pos++;
    this.flowSkip(parent);
    const c = this.code(this.pos);
    if (c === COMMA || c === close) throw GIVE_UP;
    return pairNode(key, this.flowItem(parent));
  }

  /**
   * An item of a flow sequence; `key: value` there is a one-pair flow map (`params: [a, b: 1]`),
   * ranging from the key to the value as the `yaml` package composes it.
   */
  private flowSeqItem(parent: number): YamlNode {
    const item = this.flowItem(parent);
    let q = this.pos;
    while (this.code(q) === SPACE) q++;
    if (this.code(q) !== COLON) return item;
    if (item instanceof YAMLMap || item instanceof YAMLSeq) throw GIVE_UP;
    const key = item as Scalar;
    // YAML allows an implicit key in a flow sequence at most 1,024 characters before its `:`.
    if (q - (key.range as [number, number, number])[0] > 1000) throw GIVE_UP;
    this.addName(new KeyNames(), key);
    const pair = this.flowPair(parent, key, 93);
    const value = pair.value as YamlNode;
    const map = mapNode(true);
    map.items = [pair];
    const range = value.range ?? [0, 0, 0];
    map.range = [(key.range ?? [0, 0, 0])[0], range[1], range[2]];
    return map;
  }

  private flowItem(parent: number): YamlNode {
    const c = this.code(this.pos);
    if (c === 91 || c === 123) return this.flow(parent);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(parent, true);
    return this.flowPlain();
  }

  private flowKey(parent: number, names: KeyNames): Scalar {
    const c = this.code(this.pos);
    const key = c === DQUOTE || c === SQUOTE ? this.quoted(parent, false) : this.flowPlain();
    this.addName(names, key);
    return key;
  }

  private flowPlain(): Scalar {
    const start = this.pos;
    const c = this.code(start);
    if (isIndicator(c) || (c === DASH && (isBreakOrEnd(this.code(start + 1)) || isFlowIndicator(this.code(start + 1))))) {
      throw GIVE_UP;
    }
    const end = this.scanPlain(start, true);
    if (end === start) throw GIVE_UP;
    this.pos = end;
    const source = this.t.slice(start, end);
    return scalarNode(plainValue(source), source, 'PLAIN', start, end);
  }
}
