/**
 * Builds steps from their YAML nodes.
 *
 * A step's kind is the first key present in the body, in this order: `assign`, `call`, `switch`,
 * `for`, `parallel`, `try`, `raise`, `return`, `steps`. A body with none of them but a `next` is a
 * `jump` (whatever unknown keys sit beside it); anything else is `invalid`. Every key of the body
 * is kept in `keys`, so the validator can flag unknown keys and illegal combinations (a body with
 * both `assign` and `call` is an assign step whose keys include `call`).
 */
import type { Span } from '../location';
import type {
  Assignment,
  Backoff,
  Branch,
  CallStep,
  ExceptSpec,
  ForLoop,
  Name,
  ParallelBlock,
  RetrySpec,
  Step,
  SwitchCase,
  TryStep,
} from './types';
import { bodyOf, field, listItems, readBody, singleEntry, type Body, type Field } from './body';
import { isMap, isScalar } from './yamlGuards';
import type { Node as YamlNode } from 'yaml';
import { buildName, buildTarget, buildValue, resolve, spanOf, type BuildContext, type Node } from './values';

/** The step kinds that come from a key of the body, in precedence order. */
export const STEP_KIND_KEYS = ['assign', 'call', 'switch', 'for', 'parallel', 'try', 'raise', 'return', 'steps'] as const;

/** The keys that make a switch case carry an inline step. */
const INLINE_CASE_KEYS = ['assign', 'call', 'return', 'raise'];

type Common = Pick<TryStep, 'name' | 'span' | 'bodySpan' | 'keys' | 'next'>;

/** Builds a list of steps; `what` names the list in an `expected-list` problem. */
export function buildSteps(ctx: BuildContext, raw: Node, at: Span, what = '`steps`'): Step[] {
  const steps: Step[] = [];
  for (const item of listItems(ctx, raw, at, what)) {
    const step = buildStep(ctx, item, at);
    if (step) steps.push(step);
  }
  return steps;
}

/** Builds one list item `- name: body`; undefined (with a problem) when it is not a single-key map. */
export function buildStep(ctx: BuildContext, raw: Node, at: Span): Step | undefined {
  const unindented = unindentedStep(ctx, raw);
  if (unindented) return unindented;
  const entry = singleEntry(ctx, raw, at, 'expected-step');
  if (!entry) return undefined;
  const body = readBody(ctx, entry.value.node, entry.value.span, 'the body of step `' + entry.key.value + '`');
  const common: Common = { name: entry.key, span: entry.span, bodySpan: entry.value.span, keys: body?.keys ?? [] };
  return body ? stepFromBody(ctx, common, body) : { ...common, kind: 'invalid' };
}

/**
 * A step whose body keys sit at the indentation of its name (`- last: \n  return: 1`, which YAML
 * reads as the map `{last: null, return: 1}`). Older Google samples are written this way and were
 * deployed [S]: the first key, with an empty value, is the step name and the other keys its body.
 */
function unindentedStep(ctx: BuildContext, raw: Node): Step | undefined {
  const node = resolve(ctx, raw);
  if (!raw || !node || !isMap(node) || node.items.length < 2) return undefined;
  const [first, ...rest] = node.items;
  const value = first.value as Node;
  if (!(isScalar(value) && value.value === null && value.source === '')) return undefined;
  const name = buildName(ctx, first.key as Node, spanOf(raw), 'a name');
  if (!name) return undefined;
  const bodySpan = { start: spanOf(rest[0].key as YamlNode).start, end: spanOf(raw).end };
  const body = bodyOf(ctx, rest, bodySpan);
  return stepFromBody(ctx, { name, span: spanOf(raw), bodySpan, keys: body.keys }, body);
}

/** The kind key of a body by precedence, if any. */
function kindOf(body: Body): (typeof STEP_KIND_KEYS)[number] | undefined {
  for (const key of STEP_KIND_KEYS) if (body.pairs.has(key)) return key;
  return undefined;
}

function stepFromBody(ctx: BuildContext, base: Common, body: Body): Step {
  const next = field(body, 'next');
  const common: Common = next ? { ...base, next: buildName(ctx, next.node, next.span, '`next`') } : base;
  if (common.next === undefined) delete common.next;
  const kind = kindOf(body);
  if (kind === undefined) return { ...common, kind: next ? 'jump' : 'invalid' };
  // The kind key is in the body, so its field is there.
  const value = field(body, kind) as Field;
  switch (kind) {
    case 'assign':
      return { ...common, kind, assign: buildAssignments(ctx, value) };
    case 'call': {
      const step: CallStep = { ...common, kind, call: buildName(ctx, value.node, value.span, '`call`') ?? { value: '', span: value.span } };
      const args = field(body, 'args');
      if (args) step.args = buildValue(ctx, args.node, args.span);
      const result = field(body, 'result');
      const resultName = result && buildName(ctx, result.node, result.span, '`result`');
      if (resultName) step.result = resultName;
      return step;
    }
    case 'switch':
      return { ...common, kind, cases: buildCases(ctx, common.name, value), casesSpan: value.span };
    case 'for':
      return { ...common, kind, for: buildFor(ctx, value, '`for`') };
    case 'parallel':
      return { ...common, kind, parallel: buildParallel(ctx, value) };
    case 'try':
      return buildTry(ctx, common, body);
    case 'raise':
      return { ...common, kind, raise: buildValue(ctx, value.node, value.span) };
    case 'return':
      return { ...common, kind, return: buildValue(ctx, value.node, value.span) };
    case 'steps':
      return { ...common, kind, steps: buildSteps(ctx, value.node, value.span) };
  }
}

function buildAssignments(ctx: BuildContext, assign: Field): Assignment[] {
  const out: Assignment[] = [];
  for (const item of listItems(ctx, assign.node, assign.span, '`assign`')) {
    const entry = singleEntry(ctx, item, assign.span, 'expected-assignment');
    const pair = entry && resolve(ctx, item);
    if (!entry || !pair || !isMap(pair)) continue;
    const target = buildTarget(ctx, pair.items[0].key as Node);
    if (!target) continue;
    out.push({ target, value: buildValue(ctx, entry.value.node, entry.value.span), span: entry.span });
  }
  return out;
}

function buildCases(ctx: BuildContext, stepName: Name, cases: Field): SwitchCase[] {
  const out: SwitchCase[] = [];
  for (const item of listItems(ctx, cases.node, cases.span, '`switch`')) {
    const body = readBody(ctx, item, cases.span, 'a switch case');
    if (!body) continue;
    const c: SwitchCase = { keys: body.keys, span: body.span };
    const condition = field(body, 'condition');
    if (condition) c.condition = buildValue(ctx, condition.node, condition.span);
    const next = field(body, 'next');
    const nextName = next && buildName(ctx, next.node, next.span, '`next`');
    if (nextName) c.next = nextName;
    const steps = field(body, 'steps');
    if (steps) c.steps = buildSteps(ctx, steps.node, steps.span);
    if (INLINE_CASE_KEYS.some((key) => body.pairs.has(key))) {
      // The inline step holds only its own keys; condition, next and steps belong to the case.
      const own = ['condition', 'next', 'steps'];
      const inlineBody: Body = {
        keys: body.keys.filter((k) => !own.includes(k.value)),
        pairs: new Map([...body.pairs].filter(([k]) => !own.includes(k))),
        span: body.span,
      };
      c.inline = stepFromBody(ctx, { name: stepName, span: body.span, bodySpan: body.span, keys: inlineBody.keys }, inlineBody);
    }
    out.push(c);
  }
  return out;
}

/** A `for` body, also used by parallel `for`. A non-map value yields an empty loop (and a problem). */
export function buildFor(ctx: BuildContext, value: Field, what: string): ForLoop {
  const body = readBody(ctx, value.node, value.span, what);
  const loop: ForLoop = { steps: [], keys: body?.keys ?? [], span: value.span };
  if (!body) return loop;
  const name = (key: 'value' | 'index') => {
    const f = field(body, key);
    const n = f && buildName(ctx, f.node, f.span, '`' + key + '`');
    if (n) loop[key] = n;
  };
  name('value');
  name('index');
  const inField = field(body, 'in');
  if (inField) loop.in = buildValue(ctx, inField.node, inField.span);
  const range = field(body, 'range');
  if (range) loop.range = buildValue(ctx, range.node, range.span);
  const steps = field(body, 'steps');
  if (steps) loop.steps = buildSteps(ctx, steps.node, steps.span);
  return loop;
}

function buildParallel(ctx: BuildContext, value: Field): ParallelBlock {
  const body = readBody(ctx, value.node, value.span, '`parallel`');
  const block: ParallelBlock = { shared: [], keys: body?.keys ?? [], span: value.span };
  if (!body) return block;
  const shared = field(body, 'shared');
  if (shared) {
    for (const item of listItems(ctx, shared.node, shared.span, '`shared`')) {
      const n = buildName(ctx, item, shared.span, 'a shared variable');
      if (n) block.shared.push(n);
    }
  }
  const limit = field(body, 'concurrency_limit');
  if (limit) block.concurrencyLimit = buildValue(ctx, limit.node, limit.span);
  const policy = field(body, 'exception_policy');
  if (policy) block.exceptionPolicy = buildValue(ctx, policy.node, policy.span);
  const branches = field(body, 'branches');
  if (branches) {
    block.branches = [];
    for (const item of listItems(ctx, branches.node, branches.span, '`branches`')) {
      const branch = buildBranch(ctx, item, branches.span);
      if (branch) block.branches.push(branch);
    }
  }
  const loop = field(body, 'for');
  if (loop) block.for = buildFor(ctx, loop, 'a parallel `for`');
  return block;
}

function buildBranch(ctx: BuildContext, item: Node, at: Span): Branch | undefined {
  const entry = singleEntry(ctx, item, at, 'expected-branch');
  if (!entry) return undefined;
  const body = readBody(ctx, entry.value.node, entry.value.span, 'the body of branch `' + entry.key.value + '`');
  const steps = body && field(body, 'steps');
  return {
    name: entry.key,
    steps: steps ? buildSteps(ctx, steps.node, steps.span) : [],
    keys: body?.keys ?? [],
    span: entry.span,
  };
}

/**
 * A `try` step. A try body with only `steps` is the protected list; any other body (`call`,
 * `assign`, or `steps` beside other keys) is an inline step named after the try step, whose own
 * `keys` let the validator check it like any step.
 */
function buildTry(ctx: BuildContext, common: Common, body: Body): TryStep {
  const tryField = field(body, 'try') as Field;
  const tryBody = readBody(ctx, tryField.node, tryField.span, '`try`');
  const step: TryStep = { ...common, kind: 'try', try: [], inline: false, trySpan: tryField.span };
  if (tryBody) {
    const onlySteps = tryBody.keys.length === 1 && tryBody.pairs.has('steps');
    if (onlySteps) {
      const steps = field(tryBody, 'steps') as Field;
      step.try = buildSteps(ctx, steps.node, steps.span);
    } else {
      const base: Common = { name: common.name, span: tryField.span, bodySpan: tryField.span, keys: tryBody.keys };
      step.try = [stepFromBody(ctx, base, tryBody)];
      step.inline = true;
    }
  }
  const retry = field(body, 'retry');
  if (retry) step.retry = buildRetry(ctx, retry);
  const except = field(body, 'except');
  if (except) step.except = buildExcept(ctx, except);
  return step;
}

function buildRetry(ctx: BuildContext, retry: Field): RetrySpec {
  const body = isMap(resolve(ctx, retry.node)) ? readBody(ctx, retry.node, retry.span, '`retry`') : undefined;
  if (!body) return { kind: 'policy', policy: buildValue(ctx, retry.node, retry.span), span: retry.span };
  const spec: RetrySpec = { kind: 'custom', keys: body.keys, span: retry.span };
  const predicate = field(body, 'predicate');
  if (predicate) spec.predicate = buildValue(ctx, predicate.node, predicate.span);
  const maxRetries = field(body, 'max_retries');
  if (maxRetries) spec.maxRetries = buildValue(ctx, maxRetries.node, maxRetries.span);
  const backoffField = field(body, 'backoff');
  const backoffBody = backoffField && readBody(ctx, backoffField.node, backoffField.span, '`backoff`');
  if (backoffField && backoffBody) {
    const backoff: Backoff = { keys: backoffBody.keys, span: backoffField.span };
    const keys = [['initial_delay', 'initialDelay'], ['max_delay', 'maxDelay'], ['multiplier', 'multiplier']] as const;
    for (const [key, prop] of keys) {
      const f = field(backoffBody, key);
      if (f) backoff[prop] = buildValue(ctx, f.node, f.span);
    }
    spec.backoff = backoff;
  }
  return spec;
}

function buildExcept(ctx: BuildContext, except: Field): ExceptSpec {
  const body = readBody(ctx, except.node, except.span, '`except`');
  const spec: ExceptSpec = { steps: [], keys: body?.keys ?? [], span: except.span };
  if (!body) return spec;
  const as = field(body, 'as');
  const asName = as && buildName(ctx, as.node, as.span, '`as`');
  if (asName) spec.as = asName;
  const steps = field(body, 'steps');
  if (steps) spec.steps = buildSteps(ctx, steps.node, steps.span);
  return spec;
}
