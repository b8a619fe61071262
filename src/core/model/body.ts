/**
 * Reading the keyed maps of the workflow structure (routine, step, loop, branch bodies): every key
 * kept in source order for the validator, values looked up by key.
 */
import { isMap, isScalar, isSeq } from './yamlGuards';
import type { Pair } from 'yaml';
import type { Span } from '../location';
import type { Name } from './types';
import { modelProblem } from './problems';
import { buildName, resolve, spanOf, valueSpan, type BuildContext, type Node } from './values';

/** A structural map: its keys in source order and the first pair of each key. */
export interface Body {
  keys: Name[];
  pairs: Map<string, Pair>;
  span: Span;
}

/** A key's value node and the span it covers (an empty span after the key for a missing value). */
export interface Field {
  node: Node;
  span: Span;
}

/**
 * Reads `raw` as a structural map. A missing or non-map node is reported as `expected-map` for
 * `what` and yields undefined.
 */
export function readBody(ctx: BuildContext, raw: Node, at: Span, what: string): Body | undefined {
  const node = resolve(ctx, raw);
  const span = raw ? spanOf(raw) : at;
  if (!node || !isMap(node)) {
    ctx.problems.push(modelProblem('expected-map', span, what));
    return undefined;
  }
  return bodyOf(ctx, node.items, span);
}

/** A structural map made of some pairs of a YAML map (see `buildStep` for the one use). */
export function bodyOf(ctx: BuildContext, items: Pair[], span: Span): Body {
  const keys: Name[] = [];
  const pairs = new Map<string, Pair>();
  for (const pair of items) {
    const key = resolve(ctx, pair.key as Node);
    if (!key || !isScalar(key) || key.value === null) {
      ctx.problems.push(modelProblem('unsupported-key', key ? spanOf(key) : span));
      continue;
    }
    const name = buildName(ctx, key, span, 'a key');
    if (!name) continue;
    keys.push(name);
    if (!pairs.has(name.value)) pairs.set(name.value, pair);
  }
  return { keys, pairs, span };
}

/** The value of `key` in `body`, or undefined when the key is absent. */
export function field(body: Body, key: string): Field | undefined {
  const pair = body.pairs.get(key);
  if (!pair) return undefined;
  return { node: pair.value as Node, span: valueSpan(pair, body.span.end) };
}

/** The single key and value of a one-entry map (a list item such as a step or a branch). */
export interface SingleEntry {
  key: Name;
  value: Field;
  /** The whole map. */
  span: Span;
}

/**
 * Reads a list item that must be a single-key map. Reports `problem` and returns undefined when it
 * is not; for a map with several keys the first entry is kept, so half-typed input still shows.
 */
export function singleEntry(
  ctx: BuildContext,
  raw: Node,
  at: Span,
  problem: 'expected-step' | 'expected-assignment' | 'expected-branch' | 'expected-param',
): SingleEntry | undefined {
  const node = resolve(ctx, raw);
  const span = raw ? spanOf(raw) : at;
  if (!node || !isMap(node) || node.items.length === 0) {
    ctx.problems.push(modelProblem(problem, span));
    return undefined;
  }
  if (node.items.length > 1) ctx.problems.push(modelProblem(problem, span));
  const pair = node.items[0];
  const keyNode = resolve(ctx, pair.key as Node);
  if (!keyNode || !isScalar(keyNode) || keyNode.value === null) {
    if (node.items.length === 1) ctx.problems.push(modelProblem(problem, span));
    return undefined;
  }
  const key = buildName(ctx, pair.key as Node, span, 'a name');
  if (!key) return undefined;
  return { key, value: { node: pair.value as Node, span: valueSpan(pair, key.span.end) }, span };
}

/**
 * Reads a list node; reports `expected-list` for `what` when it is something else. An explicit
 * `null` (`steps: null` in JSON, or `~`) reads as an empty list without a problem [R]: the
 * validator still reports lists that must not be empty.
 */
export function listItems(ctx: BuildContext, raw: Node, at: Span, what: string): Node[] {
  const node = resolve(ctx, raw);
  if (node && isSeq(node)) return node.items as Node[];
  if (node && isScalar(node) && node.value === null && node.source !== '') return [];
  ctx.problems.push(modelProblem('expected-list', raw ? spanOf(raw) : at, what));
  return [];
}
