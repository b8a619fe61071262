/**
 * Read-only questions the editor features ask of a workflow model: which routine or step holds an
 * offset, which expression is there, which variables are visible. Pure (no `vscode` import).
 */
import type { Span } from '../../core/location';
import type { Expr } from '../../core/expr/ast';
import type { ExprValue, ForLoop, Routine, Step, Value, Workflow } from '../../core/model/types';

/** A step with the loops that enclose it inside its routine. */
export interface StepVisit {
  step: Step;
  /** The `for` loops around the step, outermost first; `parallel` marks a parallel `for`. */
  loops: { loop: ForLoop; parallel: boolean }[];
}

/** A variable definition: a param, an assignment target, a call result, a loop variable or `except.as`. */
export interface VariableDefinition {
  name: string;
  span: Span;
  kind: 'param' | 'assign' | 'result' | 'loop' | 'error';
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The routine whose source holds `offset`. */
export function routineAt(workflow: Workflow, offset: number): Routine | undefined {
  return workflow.routines.find((r) => contains(r.span, offset));
}

/** The direct child step lists of a step, in source order. */
export function childSteps(step: Step): Step[][] {
  switch (step.kind) {
    case 'switch':
      return step.cases.flatMap((c) => [c.steps ?? [], c.inline ? [c.inline] : []]);
    case 'for':
      return [step.for.steps];
    case 'parallel':
      return [...(step.parallel.branches ?? []).map((b) => b.steps), step.parallel.for?.steps ?? []];
    case 'try':
      return [step.try, step.except?.steps ?? []];
    case 'steps':
      return [step.steps];
    default:
      return [];
  }
}

/** Every step of a routine, nested ones included, in source order. */
export function walkRoutine(routine: Routine): StepVisit[] {
  const out: StepVisit[] = [];
  const visit = (steps: Step[], loops: StepVisit['loops']): void => {
    for (const step of steps) {
      out.push({ step, loops });
      const loop = step.kind === 'for' ? step.for : step.kind === 'parallel' ? step.parallel.for : undefined;
      const inner = loop ? [...loops, { loop, parallel: step.kind === 'parallel' }] : loops;
      for (const list of childSteps(step)) visit(list, inner);
    }
  };
  visit(routine.steps, []);
  return out;
}

/** The innermost step whose source holds `offset`. */
export function stepAt(routine: Routine, offset: number): StepVisit | undefined {
  let found: StepVisit | undefined;
  for (const visit of walkRoutine(routine)) {
    if (contains(visit.step.span, offset) && (!found || visit.step.span.start >= found.step.span.start)) found = visit;
  }
  return found;
}

/** The values a step holds itself (not those of nested steps). */
export function ownValues(step: Step): Value[] {
  switch (step.kind) {
    case 'assign':
      return step.assign.flatMap((a) => [a.target, a.value]);
    case 'call':
      return step.args ? [step.args] : [];
    case 'switch':
      return step.cases.flatMap((c) => (c.condition ? [c.condition] : []));
    case 'for':
      return loopValues(step.for);
    case 'parallel': {
      const p = step.parallel;
      return [p.concurrencyLimit, p.exceptionPolicy, ...(p.for ? loopValues(p.for) : [])].filter(isValue);
    }
    case 'try': {
      const r = step.retry;
      if (!r) return [];
      if (r.kind === 'policy') return [r.policy];
      return [r.predicate, r.maxRetries, r.backoff?.initialDelay, r.backoff?.maxDelay, r.backoff?.multiplier].filter(isValue);
    }
    case 'raise':
      return [step.raise];
    case 'return':
      return [step.return];
    default:
      return [];
  }
}

function loopValues(loop: ForLoop): Value[] {
  return [loop.in, loop.range].filter(isValue);
}

function isValue(v: Value | undefined): v is Value {
  return v !== undefined;
}

/** Every expression inside a value, map keys included. */
export function expressionsIn(value: Value): ExprValue[] {
  switch (value.kind) {
    case 'expr':
      return [value];
    case 'list':
      return value.items.flatMap(expressionsIn);
    case 'map':
      return value.entries.flatMap((e) => [...expressionsIn(e.key), ...expressionsIn(e.value)]);
    default:
      return [];
  }
}

/** Every expression of a routine with the step that holds it. */
export function routineExpressions(routine: Routine): { expr: ExprValue; visit: StepVisit }[] {
  return walkRoutine(routine).flatMap((visit) => ownValues(visit.step).flatMap(expressionsIn).map((expr) => ({ expr, visit })));
}

/** The expression whose source holds `offset`, if any. */
export function expressionAt(routine: Routine, offset: number): { expr: ExprValue; visit: StepVisit } | undefined {
  return routineExpressions(routine).find((e) => contains(e.expr.span, offset));
}

/** The deepest node of a parsed expression containing `relative` (an offset within the expression text). */
export function nodeAt(expr: Expr, relative: number): Expr | undefined {
  if (!contains(expr.span, relative)) return undefined;
  for (const child of children(expr)) {
    const inner = nodeAt(child, relative);
    if (inner) return inner;
  }
  return expr;
}

function children(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'list':
      return expr.items;
    case 'map':
      return expr.entries.flatMap((e) => [e.key, e.value]);
    case 'member':
      return [expr.object];
    case 'index':
      return [expr.object, expr.index];
    case 'call':
      return expr.args;
    case 'unary':
      return [expr.operand];
    case 'binary':
      return [expr.left, expr.right];
    default:
      return [];
  }
}

/** The variable an assignment target writes: `m` for `m.k[i]`. */
export function rootName(expr: Expr): { name: string; span: Span } | undefined {
  if (expr.kind === 'identifier') return { name: expr.name, span: expr.span };
  if (expr.kind === 'member' || expr.kind === 'index') return rootName(expr.object);
  return undefined;
}

/**
 * The variables visible at `offset` in a routine with their first definition: params, and every
 * name assigned or received as a result anywhere in the routine, except names first defined inside a
 * loop or except block that does not hold `offset` (those are local to it, as the language says).
 */
export function variablesAt(routine: Routine, offset: number): Map<string, VariableDefinition> {
  const found = new Map<string, VariableDefinition>();
  const add = (name: string, span: Span, kind: VariableDefinition['kind']): void => {
    if (!found.has(name)) found.set(name, { name, span, kind });
  };
  for (const p of routine.params) add(p.name.value, p.name.span, 'param');
  const visit = (steps: Step[], visible: boolean): void => {
    for (const step of steps) {
      if (step.kind === 'assign' && visible) {
        for (const a of step.assign) {
          const root = a.target.parsed.ok ? rootName(a.target.parsed.expr) : undefined;
          if (root) add(root.name, { start: a.target.toDocumentOffset(root.span.start), end: a.target.toDocumentOffset(root.span.end) }, 'assign');
        }
      }
      if (step.kind === 'call' && step.result && visible) add(step.result.value, step.result.span, 'result');
      const loop = step.kind === 'for' ? step.for : step.kind === 'parallel' ? step.parallel.for : undefined;
      if (loop) {
        const inside = visible && contains(loop.span, offset);
        if (inside && loop.value) add(loop.value.value, loop.value.span, 'loop');
        if (inside && loop.index) add(loop.index.value, loop.index.span, 'loop');
        visit(loop.steps, inside);
        if (step.kind === 'parallel') for (const b of step.parallel.branches ?? []) visit(b.steps, visible && contains(b.span, offset));
        continue;
      }
      if (step.kind === 'parallel') {
        for (const b of step.parallel.branches ?? []) visit(b.steps, visible && contains(b.span, offset));
        continue;
      }
      if (step.kind === 'try') {
        visit(step.try, visible);
        const except = step.except;
        if (except) {
          const inside = visible && contains(except.span, offset);
          if (inside && except.as) add(except.as.value, except.as.span, 'error');
          visit(except.steps, inside);
        }
        continue;
      }
      for (const list of childSteps(step)) visit(list, visible);
    }
  };
  visit(routine.steps, true);
  return found;
}

/** The step named `name` in the routine, searching nested steps too. */
export function findStep(routine: Routine, name: string): Step | undefined {
  return walkRoutine(routine).find((v) => v.step.name.value === name)?.step;
}
