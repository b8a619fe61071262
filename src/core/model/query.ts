/**
 * Queries over the model for the validator and the editor features: visiting every step with the
 * blocks that contain it, and finding what lies under an offset (hover, completion, definition).
 */
import type { Span } from '../location';
import type {
  Branch,
  ExceptSpec,
  ExprValue,
  ForLoop,
  ForStep,
  Name,
  ParallelStep,
  Routine,
  Step,
  StepsStep,
  SwitchCase,
  SwitchStep,
  TryStep,
  Value,
  Workflow,
} from './types';

/** A block that contains steps. The ancestry of a step lists them from the outermost. */
export type StepContainer =
  | { kind: 'steps'; step: StepsStep }
  | { kind: 'for'; step: ForStep; loop: ForLoop }
  | { kind: 'parallel-for'; step: ParallelStep; loop: ForLoop }
  | { kind: 'branch'; step: ParallelStep; branch: Branch }
  /** The protected steps of a try (for an inline try body, the one inline step). */
  | { kind: 'try'; step: TryStep }
  | { kind: 'except'; step: TryStep; except: ExceptSpec }
  /** The `steps` of a case, or its inline step (`inline: true`). */
  | { kind: 'switch-case'; step: SwitchStep; case: SwitchCase; caseIndex: number; inline: boolean };

/** A step with where it sits: its routine, the blocks around it, and the list it belongs to. */
export interface StepVisit {
  step: Step;
  routine: Routine;
  ancestry: StepContainer[];
  /** The list that holds the step (for inline steps, a list of that one step). */
  list: Step[];
  index: number;
}

/** Return `'skip'` to leave the visited step's nested steps out. */
export type StepVisitor = (visit: StepVisit) => void | 'skip';

/** Visits every step of `routine` at any depth, parents before their nested steps, in source order. */
export function walkSteps(routine: Routine, visitor: StepVisitor): void {
  walkList(routine, routine.steps, [], visitor);
}

function walkList(routine: Routine, list: Step[], ancestry: StepContainer[], visitor: StepVisitor): void {
  list.forEach((step, index) => {
    if (visitor({ step, routine, ancestry, list, index }) === 'skip') return;
    for (const [container, children] of childBlocks(step)) {
      walkList(routine, children, [...ancestry, container], visitor);
    }
  });
}

/** The step lists directly nested in `step`, each with its container. */
export function childBlocks(step: Step): [StepContainer, Step[]][] {
  switch (step.kind) {
    case 'steps':
      return [[{ kind: 'steps', step }, step.steps]];
    case 'for':
      return [[{ kind: 'for', step, loop: step.for }, step.for.steps]];
    case 'parallel': {
      const out: [StepContainer, Step[]][] = [];
      for (const branch of step.parallel.branches ?? []) out.push([{ kind: 'branch', step, branch }, branch.steps]);
      if (step.parallel.for) out.push([{ kind: 'parallel-for', step, loop: step.parallel.for }, step.parallel.for.steps]);
      return out;
    }
    case 'try': {
      const out: [StepContainer, Step[]][] = [[{ kind: 'try', step }, step.try]];
      if (step.except) out.push([{ kind: 'except', step, except: step.except }, step.except.steps]);
      return out;
    }
    case 'switch': {
      const out: [StepContainer, Step[]][] = [];
      step.cases.forEach((c, caseIndex) => {
        if (c.inline) out.push([{ kind: 'switch-case', step, case: c, caseIndex, inline: true }, [c.inline]]);
        if (c.steps) out.push([{ kind: 'switch-case', step, case: c, caseIndex, inline: false }, c.steps]);
      });
      return out;
    }
    default:
      return [];
  }
}

/** Whether `offset` is within `span`, its end included (a cursor just after a word is on it). */
export function spanContains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The routine whose span contains `offset`. */
export function routineAt(workflow: Workflow, offset: number): Routine | undefined {
  return workflow.routines.find((r) => spanContains(r.span, offset));
}

/**
 * The innermost step whose span contains `offset`, with its ancestry. Inline bodies of switch cases
 * and try steps are not steps of their own here: the switch or try step is returned, and
 * `nodeAt` looks into the inline body.
 */
export function stepAt(workflow: Workflow, offset: number): StepVisit | undefined {
  const routine = routineAt(workflow, offset);
  if (!routine) return undefined;
  let found: StepVisit | undefined;
  walkSteps(routine, (visit) => {
    if (!spanContains(visit.step.span, offset)) return 'skip';
    if (!isInline(visit)) found = visit;
  });
  return found;
}

/** Whether a visited step is the inline body of a switch case or a try step. */
export function isInline(visit: StepVisit): boolean {
  const container = visit.ancestry[visit.ancestry.length - 1];
  if (!container) return false;
  return (container.kind === 'switch-case' && container.inline) || (container.kind === 'try' && container.step.inline);
}

/** What an offset is on. Names carry their role; expressions carry the offset inside their text. */
export type NodeTarget =
  | { kind: 'routine-name'; name: Name }
  | { kind: 'step-name'; name: Name }
  /** A key of a routine, step, case, loop, parallel, branch, retry, backoff or except body. */
  | { kind: 'key'; name: Name }
  | { kind: 'next'; name: Name }
  | { kind: 'call'; name: Name }
  | { kind: 'name'; role: 'result' | 'as' | 'value' | 'index' | 'shared' | 'param' | 'branch'; name: Name }
  /** `offset` is relative to `expr.text`, clamped to it when on the `${`, `}` or quotes. */
  | { kind: 'expression'; expr: ExprValue; offset: number }
  | { kind: 'value'; value: Value };

export interface NodeAt {
  routine?: Routine;
  step?: StepVisit;
  /** Undefined when the offset is on nothing more specific than the routine or step. */
  target?: NodeTarget;
}

/** The innermost routine, step and name/key/value under `offset`. */
export function nodeAt(workflow: Workflow, offset: number): NodeAt {
  const routine = routineAt(workflow, offset);
  if (!routine) return {};
  const step = stepAt(workflow, offset);
  const target = step ? stepTarget(step.step, offset) : routineTarget(routine, workflow.form === 'routines', offset);
  return { routine, ...(step ? { step } : {}), ...(target ? { target } : {}) };
}

function routineTarget(routine: Routine, named: boolean, offset: number): NodeTarget | undefined {
  // The implicit main of a bare list has the whole list as its name span: it has no name to point at.
  if (named && spanContains(routine.name.span, offset)) return { kind: 'routine-name', name: routine.name };
  for (const param of routine.params) {
    if (spanContains(param.name.span, offset)) return { kind: 'name', role: 'param', name: param.name };
    if (param.default && spanContains(param.default.span, offset)) return valueTarget(param.default, offset);
  }
  return keyTarget(routine.keys, offset);
}

function keyTarget(keys: Name[], offset: number): NodeTarget | undefined {
  const key = keys.find((k) => spanContains(k.span, offset));
  return key && { kind: 'key', name: key };
}

function nameTarget(name: Name | undefined, offset: number, make: (name: Name) => NodeTarget): NodeTarget | undefined {
  return name && spanContains(name.span, offset) ? make(name) : undefined;
}

/** The first target found among candidates, evaluated lazily in order. */
function first(...candidates: (() => NodeTarget | undefined)[]): NodeTarget | undefined {
  for (const candidate of candidates) {
    const target = candidate();
    if (target) return target;
  }
  return undefined;
}

function values(offset: number, ...vs: (Value | undefined)[]): NodeTarget | undefined {
  for (const v of vs) if (v && spanContains(v.span, offset)) return valueTarget(v, offset);
  return undefined;
}

function stepTarget(step: Step, offset: number): NodeTarget | undefined {
  return first(
    () => nameTarget(step.name, offset, (name) => ({ kind: 'step-name', name })),
    () => keyTarget(step.keys, offset),
    () => nameTarget(step.next, offset, (name) => ({ kind: 'next', name })),
    () => kindTarget(step, offset),
  );
}

function kindTarget(step: Step, offset: number): NodeTarget | undefined {
  switch (step.kind) {
    case 'assign':
      for (const a of step.assign) {
        if (spanContains(a.target.span, offset)) return valueTarget(a.target, offset);
        if (spanContains(a.value.span, offset)) return valueTarget(a.value, offset);
      }
      return undefined;
    case 'call':
      return first(
        () => nameTarget(step.call, offset, (name) => ({ kind: 'call', name })),
        () => nameTarget(step.result, offset, (name) => ({ kind: 'name', role: 'result', name })),
        () => values(offset, step.args),
      );
    case 'switch':
      for (const c of step.cases) {
        const target = first(
          () => keyTarget(c.keys, offset),
          () => nameTarget(c.next, offset, (name) => ({ kind: 'next', name })),
          () => values(offset, c.condition),
          () => (c.inline ? kindTarget(c.inline, offset) : undefined),
        );
        if (target) return target;
      }
      return undefined;
    case 'for':
      return loopTarget(step.for, offset);
    case 'parallel': {
      const p = step.parallel;
      return first(
        () => keyTarget(p.keys, offset),
        () => p.shared.map((n) => nameTarget(n, offset, (name) => ({ kind: 'name', role: 'shared', name }))).find(Boolean),
        () => values(offset, p.concurrencyLimit, p.exceptionPolicy),
        () => (p.branches ?? []).map((b) => branchTarget(b, offset)).find(Boolean),
        () => (p.for ? loopTarget(p.for, offset) : undefined),
      );
    }
    case 'try':
      return first(
        () => (step.inline && step.try[0] ? stepTargetInline(step.try[0], offset) : undefined),
        () => retryTarget(step, offset),
        () => (step.except ? keyTarget(step.except.keys, offset) : undefined),
        () => nameTarget(step.except?.as, offset, (name) => ({ kind: 'name', role: 'as', name })),
      );
    case 'raise':
      return values(offset, step.raise);
    case 'return':
      return values(offset, step.return);
    default:
      return undefined;
  }
}

/** An inline try body: its keys and values, without its name (which is the try step's). */
function stepTargetInline(step: Step, offset: number): NodeTarget | undefined {
  return first(
    () => keyTarget(step.keys, offset),
    () => nameTarget(step.next, offset, (name) => ({ kind: 'next', name })),
    () => kindTarget(step, offset),
  );
}

function loopTarget(loop: ForLoop, offset: number): NodeTarget | undefined {
  return first(
    () => keyTarget(loop.keys, offset),
    () => nameTarget(loop.value, offset, (name) => ({ kind: 'name', role: 'value', name })),
    () => nameTarget(loop.index, offset, (name) => ({ kind: 'name', role: 'index', name })),
    () => values(offset, loop.in, loop.range),
  );
}

function branchTarget(branch: Branch, offset: number): NodeTarget | undefined {
  return first(
    () => nameTarget(branch.name, offset, (name) => ({ kind: 'name', role: 'branch', name })),
    () => keyTarget(branch.keys, offset),
  );
}

function retryTarget(step: TryStep, offset: number): NodeTarget | undefined {
  const retry = step.retry;
  if (!retry) return undefined;
  if (retry.kind === 'policy') return values(offset, retry.policy);
  return first(
    () => keyTarget(retry.keys, offset),
    () => values(offset, retry.predicate, retry.maxRetries),
    () => (retry.backoff ? keyTarget(retry.backoff.keys, offset) : undefined),
    () => (retry.backoff ? values(offset, retry.backoff.initialDelay, retry.backoff.maxDelay, retry.backoff.multiplier) : undefined),
  );
}

/** The innermost value under `offset` within `value` (which contains it). */
function valueTarget(value: Value, offset: number): NodeTarget {
  if (value.kind === 'expr') return { kind: 'expression', expr: value, offset: expressionOffset(value, offset) };
  if (value.kind === 'list') {
    const item = value.items.find((v) => spanContains(v.span, offset));
    return item ? valueTarget(item, offset) : { kind: 'value', value };
  }
  if (value.kind === 'map') {
    for (const entry of value.entries) {
      if (spanContains(entry.key.span, offset)) return valueTarget(entry.key, offset);
      if (spanContains(entry.value.span, offset)) return valueTarget(entry.value, offset);
    }
  }
  return { kind: 'value', value };
}

/** The offset within `expr.text` that maps to the document offset `offset` (the inverse of `toDocumentOffset`). */
export function expressionOffset(expr: ExprValue, offset: number): number {
  let lo = 0;
  let hi = expr.text.length;
  if (offset <= expr.toDocumentOffset(0)) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (expr.toDocumentOffset(mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
