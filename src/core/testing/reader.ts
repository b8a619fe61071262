/**
 * A small typed reader over a parsed YAML document: it hands out maps, lists, strings and plain
 * data while recording a diagnostic (with its exact span) for everything of the wrong shape, so
 * the test-file parser reads like the format it reads.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Diagnostic } from '../diagnostic';
import type { Span } from '../location';
import { testDiagnostic, type TestMessageCode } from './messages';
import type { TestData } from './types';

/** Nesting deeper than this is refused rather than risking the stack on a hostile file. */
const MAX_DEPTH = 256;
/** Values read in one file, aliases expanded: a few aliases must not expand into billions. */
const MAX_NODES = 200_000;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export type AnyNode = Node | Pair | null | undefined;

/** One key of a map, with its value node. */
export interface Entry {
  key: string;
  keySpan: Span;
  value: Node | null;
}

export class Reader {
  readonly diagnostics: Diagnostic[] = [];
  private nodes = 0;
  private overflowReported = false;

  constructor(private readonly doc: Document.Parsed) {}

  report(code: TestMessageCode, span: Span, ...args: string[]): void {
    this.diagnostics.push(testDiagnostic(code, span, ...args));
  }

  /** The node an alias stands for (aliases are allowed anywhere data is). */
  resolve(node: Node | null | undefined): Node | null {
    if (!node) return null;
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? null;
    return node;
  }

  spanOf(node: Node | null | undefined, fallback: Span): Span {
    const range = node?.range;
    return range ? { start: range[0], end: range[1] } : fallback;
  }

  /**
   * The entries of a map, checking keys against `allowed` (a did-you-mean list in the message);
   * undefined, with a diagnostic, when `node` is not a map.
   */
  map(node: Node | null, at: Span, what: string, allowed?: readonly string[]): Entry[] | undefined {
    const resolved = this.resolve(node);
    if (!isMap(resolved)) {
      this.report('test-expected-map', this.spanOf(resolved, at), what);
      return undefined;
    }
    const entries: Entry[] = [];
    const seen = new Set<string>();
    for (const pair of resolved.items) {
      const keyNode = pair.key as Node | null;
      const keySpan = this.spanOf(keyNode, at);
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      if (seen.has(key)) {
        this.report('test-duplicate-key', keySpan, key);
        continue;
      }
      seen.add(key);
      if (allowed && !allowed.includes(key)) {
        this.report('test-unknown-key', keySpan, key, what, allowed.join(', '));
        continue;
      }
      entries.push({ key, keySpan, value: (pair.value as Node | null) ?? null });
    }
    return entries;
  }

  list(node: Node | null, at: Span, what: string): (Node | null)[] | undefined {
    const resolved = this.resolve(node);
    if (!isSeq(resolved)) {
      this.report('test-expected-list', this.spanOf(resolved, at), what);
      return undefined;
    }
    return resolved.items as (Node | null)[];
  }

  string(node: Node | null, at: Span, what: string): string | undefined {
    const resolved = this.resolve(node);
    if (isScalar(resolved) && typeof resolved.value === 'string') return resolved.value;
    this.report('test-expected-string', this.spanOf(resolved, at), what);
    return undefined;
  }

  /** A list of strings; wrong items are reported and skipped. */
  strings(node: Node | null, at: Span, what: string): string[] | undefined {
    const items = this.list(node, at, what);
    if (!items) return undefined;
    const out: string[] = [];
    for (const item of items) {
      const s = this.string(item, this.spanOf(node, at), `an item of ${what}`);
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  integer(node: Node | null, at: Span, what: string, min: number, max: number): number | undefined {
    const resolved = this.resolve(node);
    const value = isScalar(resolved) ? resolved.value : undefined;
    const n = typeof value === 'bigint' ? Number(value) : typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    if (n !== undefined && n >= min && n <= max) return n;
    this.report('test-expected-integer', this.spanOf(resolved, at), what, `from ${min} to ${max}`);
    return undefined;
  }

  /** Any value as test data: maps keep key order, integers stay exact. */
  data(node: Node | null, at: Span, depth = 0): TestData {
    const resolved = this.resolve(node);
    if (!resolved) return null;
    if (depth > MAX_DEPTH || ++this.nodes > MAX_NODES) {
      if (!this.overflowReported) this.report('test-yaml-syntax', this.spanOf(resolved, at), `nesting deeper than ${MAX_DEPTH} levels or more than ${MAX_NODES} values`);
      this.overflowReported = true;
      return null;
    }
    if (isMap(resolved)) {
      const out = new Map<string, TestData>();
      for (const pair of resolved.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        out.set(key, this.data((pair.value as Node | null) ?? null, at, depth + 1));
      }
      return out;
    }
    if (isSeq(resolved)) return resolved.items.map((item) => this.data(item as Node | null, at, depth + 1));
    if (isScalar(resolved)) return scalarData(resolved.value);
    return null;
  }
}

function scalarData(value: unknown): TestData {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value >= INT64_MIN && value <= INT64_MAX ? value : Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
