/**
 * Turns `yaml` nodes into model values, names and expressions, keeping document offsets.
 */
import { isAlias, isMap, isScalar, isSeq } from './yamlGuards';
import type { Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../location';
import { isInt64 } from '../numbers';
import type { ParseResult } from '../expr/ast';
import type { ExprValue, MapEntry, ModelProblem, Name, ScalarValue, Value } from './types';
import { modelProblem } from './problems';
import { decodeScalar, type DecodedScalar, type ScalarStyle } from './scalarSource';

/** Everything the builder functions share while building one workflow. */
export interface BuildContext {
  /** The original source text (spans index into it). */
  text: string;
  doc: Document.Parsed;
  problems: ModelProblem[];
  parseExpression: (text: string) => ParseResult;
  /** Start offsets of quoted scalars whose value must be decoded from `text` (see loadYaml). */
  repaired: ReadonlySet<number>;
  /** How many more aliases may be expanded: nested aliases could otherwise grow exponentially. */
  aliasBudget: number;
}

/** The number of alias expansions allowed in one document. */
export const ALIAS_BUDGET = 10000;

/** A node as the builder sees it: aliases resolved, `null` for a missing value. */
export type Node = YamlNode | null | undefined;

/**
 * The document span of a node. A block collection's range runs on over the trailing comments and
 * line breaks of its last item; its span stops where that item's content ends.
 */
export function spanOf(node: YamlNode): Span {
  const range = node.range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: isBlockCollection(node) ? contentEnd(node) : range[1] };
}

function isBlockCollection(node: YamlNode): node is YAMLMap | YAMLSeq {
  return (isMap(node) || isSeq(node)) && !node.flow;
}

/** Where a node's content ends; read without copying ranges, as it runs for nearly every node. */
function contentEnd(node: YamlNode): number {
  const range = node.range;
  if (isBlockCollection(node)) {
    const start = range ? range[0] : 0;
    const last = node.items[node.items.length - 1] as unknown;
    if (last === undefined || last === null) return start;
    if (isMap(node)) {
      const pair = last as Pair;
      const key = pair.key as Node;
      const value = pair.value as Node;
      return Math.max(key ? contentEnd(key) : start, value ? contentEnd(value) : start);
    }
    return contentEnd(last as YamlNode);
  }
  return range ? range[1] : 0;
}

/** The span of a pair's value, or an empty span just after the key when the value is missing. */
export function valueSpan(pair: Pair, fallback: number): Span {
  const value = pair.value as Node;
  if (value) return spanOf(value);
  const key = pair.key as Node;
  const at = key ? spanOf(key).end : fallback;
  return { start: at, end: at };
}

/** Follows aliases to the anchored node; reports and stops at a cycle or past the alias budget. */
export function resolve(ctx: BuildContext, node: Node): Node {
  let current = node;
  for (let hops = 0; current && isAlias(current); hops++) {
    if (--ctx.aliasBudget < 0) {
      if (ctx.aliasBudget === -1) ctx.problems.push(modelProblem('alias-limit', spanOf(current)));
      return null;
    }
    const target = hops < 32 ? (current.resolve(ctx.doc) as Node) : undefined;
    if (!target) return null;
    if (target.range && current.range && target.range[0] <= current.range[0] && current.range[1] <= target.range[1]) {
      ctx.problems.push(modelProblem('alias-cycle', spanOf(current)));
      return null;
    }
    current = target;
  }
  return current;
}

/** The string value of a scalar, decoded from the original text if its source was repaired. */
function scalarString(ctx: BuildContext, node: Scalar): string {
  const range = node.range;
  if (range && ctx.repaired.has(range[0])) {
    return decodeScalar(ctx.text, range[0], range[1], node.type as ScalarStyle).value;
  }
  return node.value as string;
}

function isExpressionString(s: string): boolean {
  return s.length >= 3 && s.startsWith('${') && s.endsWith('}');
}

/** Builds a value of any shape. A missing node is `null` at `at`. */
export function buildValue(ctx: BuildContext, raw: Node, at: Span): Value {
  const node = resolve(ctx, raw);
  if (!node) return { kind: 'scalar', value: null, isInt: false, span: { start: at.start, end: at.end } };
  const span = raw ? spanOf(raw) : at;
  if (isScalar(node)) return buildScalar(ctx, node, span);
  if (isSeq(node)) {
    return { kind: 'list', items: node.items.map((item) => buildValue(ctx, item as Node, span)), span };
  }
  if (isMap(node)) {
    const entries: MapEntry[] = [];
    for (const pair of node.items) {
      const key = resolve(ctx, pair.key as Node);
      if (!key || !isScalar(key)) {
        ctx.problems.push(modelProblem('unsupported-key', key ? spanOf(key) : span));
        continue;
      }
      const keySpan = spanOf(key);
      entries.push({
        key: buildKey(ctx, key, keySpan),
        value: buildValue(ctx, pair.value as Node, valueSpan(pair, keySpan.end)),
      });
    }
    return { kind: 'map', entries, span };
  }
  return { kind: 'scalar', value: null, isInt: false, span };
}

/**
 * A map key. Workflow maps have string keys, so a key written as a number or boolean (`1: 10`)
 * is the string of its source text, as its JSON twin (`"1": 10`) would be [R].
 */
function buildKey(ctx: BuildContext, node: Scalar, span: Span): ScalarValue | ExprValue {
  if (typeof node.value === 'string') return buildScalar(ctx, node, span);
  const source = typeof node.source === 'string' && node.source !== '' ? node.source : String(node.value);
  return { kind: 'scalar', value: source, isInt: false, span };
}

/** A scalar: an expression when it is a string of the form `${...}`, else plain data. */
function buildScalar(ctx: BuildContext, node: Scalar, span: Span): ScalarValue | ExprValue {
  const value = node.value;
  if (typeof value === 'string') {
    const s = scalarString(ctx, node);
    if (isExpressionString(s)) return expressionValue(ctx, node, s, span);
    return { kind: 'scalar', value: s, isInt: false, span };
  }
  if (typeof value === 'number') return { kind: 'scalar', value, isInt: false, span };
  if (typeof value === 'bigint') {
    if (!isInt64(value)) ctx.problems.push(modelProblem('integer-out-of-range', span, value.toString()));
    return { kind: 'scalar', value, isInt: true, span };
  }
  if (typeof value === 'boolean' || value === null || value === undefined) {
    return { kind: 'scalar', value: value ?? null, isInt: false, span };
  }
  return { kind: 'scalar', value: String(value), isInt: false, span };
}

/**
 * Maps offsets of a scalar's decoded value to document offsets, decoding the source lazily (only
 * editor features and diagnostics ask for it). If the replayed decoding ever disagrees with the
 * `yaml` package, offsets fall back to "start of the content + offset", clamped to the scalar.
 */
function offsetMapper(ctx: BuildContext, node: Scalar, value: string): (valueOffset: number) => number {
  let decoded: DecodedScalar | undefined;
  // Only plain data is captured: the model outlives the build, and keeping `ctx` or `node` would
  // keep the whole parsed document alive with it.
  const range = node.range ?? [0, 0, 0];
  const text = ctx.text;
  const style = (node.type ?? 'PLAIN') as ScalarStyle;
  const indent = (node.srcToken as { indent?: number } | undefined)?.indent ?? 0;
  // A one-line scalar without escapes is its own source: its value offsets map straight through.
  let direct: number | undefined;
  return (valueOffset: number) => {
    direct ??= directStart(text, range, style, value);
    if (direct >= 0) return direct + Math.max(0, Math.min(valueOffset, value.length));
    if (!decoded) {
      const attempt = decodeScalar(text, range[0], range[1], style, indent);
      if (attempt.value === value) decoded = attempt;
      else {
        const first = style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE' ? range[0] + 1 : range[0];
        const offsets: number[] = [];
        for (let i = 0; i <= value.length; i++) offsets.push(Math.min(first + i, range[1]));
        decoded = { value, offsets };
      }
    }
    const clamped = Math.max(0, Math.min(valueOffset, decoded.value.length));
    return decoded.offsets[clamped];
  };
}

/**
 * Where the value of a plain or quoted scalar starts when its source between the quotes is exactly
 * its value (no escapes, doubled quotes or line folding), so that `decodeScalar` would map each
 * character to its own offset; -1 otherwise.
 */
function directStart(text: string, range: readonly number[], style: ScalarStyle, value: string): number {
  if (style === 'PLAIN') return text.slice(range[0], range[1]) === value ? range[0] : -1;
  if (style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE') {
    return range[1] - range[0] >= 2 && text.slice(range[0] + 1, range[1] - 1) === value ? range[0] + 1 : -1;
  }
  return -1;
}

function expressionValue(ctx: BuildContext, node: Scalar, source: string, span: Span): ExprValue {
  const text = source.slice(2, -1);
  const toValueOffset = offsetMapper(ctx, node, source);
  return {
    kind: 'expr',
    source,
    text,
    parsed: ctx.parseExpression(text),
    span,
    toDocumentOffset: (offset: number) => toValueOffset(Math.max(0, Math.min(offset, text.length)) + 2),
  };
}

/**
 * An assignment target: the key text itself, parsed as an expression without `${}`
 * (`my.map["k"][i]`). Returns undefined when the key is not a scalar.
 */
export function buildTarget(ctx: BuildContext, raw: Node): ExprValue | undefined {
  const node = resolve(ctx, raw);
  if (!node || !isScalar(node) || !raw) return undefined;
  const span = spanOf(raw);
  const text = typeof node.value === 'string' ? scalarString(ctx, node) : String(node.source ?? node.value);
  const toValueOffset = offsetMapper(ctx, node, text);
  return {
    kind: 'expr',
    source: text,
    text,
    parsed: ctx.parseExpression(text),
    span,
    toDocumentOffset: (offset: number) => toValueOffset(offset),
  };
}

/**
 * A name (step, routine, `next` target, variable): a non-empty scalar. Numbers and booleans keep
 * their source text. Anything else is reported as `expected-string` for `what`.
 */
export function buildName(ctx: BuildContext, raw: Node, at: Span, what: string): Name | undefined {
  const node = resolve(ctx, raw);
  const span = raw ? spanOf(raw) : at;
  if (node && isScalar(node) && node.value !== null && node.value !== undefined) {
    const value = typeof node.value === 'string' ? scalarString(ctx, node) : String(node.source ?? node.value);
    return { value, span };
  }
  ctx.problems.push(modelProblem('expected-string', span, what));
  return undefined;
}
