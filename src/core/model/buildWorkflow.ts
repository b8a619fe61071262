/**
 * Builds the workflow model from source text, with the expression parser passed in (`parse.ts`
 * wires the real one; tests of the structure may pass a stand-in).
 */
import { isMap, isScalar, isSeq } from './yamlGuards';
import type { Pair } from 'yaml';
import type { ParseResult } from '../expr/ast';
import type { Span } from '../location';
import type { ModelProblem, Param, Routine, Workflow } from './types';
import { field, listItems, readBody, singleEntry } from './body';
import { loadYaml, type YamlReader } from './loadYaml';
import { modelProblem } from './problems';
import { buildSteps } from './steps';
import { ALIAS_BUDGET, buildName, buildValue, resolve, spanOf, valueSpan, type BuildContext, type Node } from './values';

/** Options of `parseWorkflow`. Without `format`, text whose first non-blank character is `{` or `[` is JSON. */
export interface ParseOptions {
  format?: 'yaml' | 'json';
}

/** The models whose whole text the fast reader read (see `wasReadFast`). */
const READ_FAST = new WeakSet<Workflow>();

/**
 * Whether the fast reader read the whole text of `workflow` (so the source has no anchors, aliases,
 * tags, several documents or anything `yaml` would warn about): what the incremental re-parse needs.
 */
export function wasReadFast(workflow: Workflow): boolean {
  return READ_FAST.has(workflow);
}

/** Records that `workflow` equals a model the fast reader built (incremental.ts's spliced models). */
export function markReadFast(workflow: Workflow): void {
  READ_FAST.add(workflow);
}

/** Whether `text` is taken as JSON when no format is given. */
export function detectFormat(text: string): 'yaml' | 'json' {
  const match = /^[\s\uFEFF]*([^\s\uFEFF])/.exec(text);
  return match && (match[1] === '{' || match[1] === '[') ? 'json' : 'yaml';
}

/**
 * `parseWorkflow` with the expression parser passed in; call `parseWorkflow` instead. `reader`
 * forces the `yaml` package path (tests compare it with the fast reader's).
 */
export function buildWorkflow(
  text: string,
  options: ParseOptions | undefined,
  parseExpression: (text: string) => ParseResult,
  reader: YamlReader = 'auto',
): Workflow {
  const format = options?.format ?? detectFormat(text);
  const loaded = loadYaml(text, reader);
  const workflow: Workflow = { text, format, form: 'invalid', routines: [], problems: loaded.problems };
  if (loaded.fast) READ_FAST.add(workflow);
  const doc = loaded.doc;
  if (!doc || doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.source)) {
    workflow.problems.unshift(modelProblem('empty-document', { start: 0, end: 0 }));
    return workflow;
  }
  const ctx: BuildContext = { text, doc, problems: workflow.problems, parseExpression, repaired: loaded.repaired, aliasBudget: ALIAS_BUDGET };
  const top = resolve(ctx, doc.contents as Node);
  const topSpan = spanOf(doc.contents);
  if (top && isMap(top)) {
    workflow.form = 'routines';
    for (const pair of top.items) {
      const routine = buildRoutine(ctx, pair);
      if (routine) workflow.routines.push(routine);
    }
  } else if (top && isSeq(top)) {
    workflow.form = 'steps';
    workflow.routines.push({
      name: { value: 'main', span: topSpan },
      params: [],
      steps: buildSteps(ctx, top, topSpan),
      stepsSpan: topSpan,
      keys: [],
      span: topSpan,
    });
  } else {
    workflow.problems.push(modelProblem('expected-workflow', topSpan));
  }
  workflow.problems = dedupe(workflow.problems);
  return workflow;
}

/** Drops repeated problems (an aliased node is read once per alias, a shared node once per reader). */
function dedupe(problems: ModelProblem[]): ModelProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}:${p.span.start}:${p.span.end}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function buildRoutine(ctx: BuildContext, pair: Pair): Routine | undefined {
  const keyNode = pair.key as Node;
  const at = keyNode ? spanOf(keyNode) : { start: 0, end: 0 };
  const name = buildName(ctx, keyNode, at, 'a routine name');
  if (!name) return undefined;
  const value = { node: pair.value as Node, span: valueSpan(pair, name.span.end) };
  const routine: Routine = { name, params: [], steps: [], keys: [], span: { start: name.span.start, end: value.span.end } };
  const body = readBody(ctx, value.node, value.span, 'routine `' + name.value + '`');
  if (!body) return routine;
  routine.keys = body.keys;
  const params = field(body, 'params');
  if (params) {
    routine.paramsSpan = params.span;
    for (const item of listItems(ctx, params.node, params.span, '`params`')) {
      const param = buildParam(ctx, item, params.span);
      if (param) routine.params.push(param);
    }
  }
  const steps = field(body, 'steps');
  if (steps) {
    routine.stepsSpan = steps.span;
    routine.steps = buildSteps(ctx, steps.node, steps.span);
  }
  return routine;
}

/** A parameter: a bare name (required) or a single-key map `name: default` (optional). */
function buildParam(ctx: BuildContext, item: Node, at: Span): Param | undefined {
  const node = resolve(ctx, item);
  if (node && isScalar(node) && node.value !== null) {
    const name = buildName(ctx, item, at, 'a parameter');
    return name && { name, span: name.span };
  }
  if (node && isMap(node)) {
    const entry = singleEntry(ctx, item, at, 'expected-param');
    if (entry && node.items.length === 1) {
      return { name: entry.key, default: buildValue(ctx, entry.value.node, entry.value.span), span: entry.span };
    }
    return undefined;
  }
  ctx.problems.push(modelProblem('expected-param', item ? spanOf(item) : at));
  return undefined;
}
