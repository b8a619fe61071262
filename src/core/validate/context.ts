/**
 * The validation context: one walk over the model that every rule shares, so no rule re-walks the
 * tree. It records every step with where it sits (routine, parent, scope, loop and parallel
 * nesting), every expression with the scope it is evaluated in, every variable write, and the
 * variable scopes of WORKFLOWS-LANGUAGE.md §2.9.
 */
import type { ExprSyntaxError } from '../expr/ast';
import type { Span } from '../location';
import type { ExprValue, ForLoop, Name, Routine, Step, StepKind, Value, Workflow } from '../model/types';
import { assignmentTarget } from '../expr/walk';
import { documentSpan } from './exprNodes';

/**
 * A variable scope. The routine has one; `for` bodies, `except` blocks, parallel branches and
 * parallel `for` iterations open child scopes. Nested `steps`, switch cases and `try` bodies share
 * the enclosing one.
 */
export interface Scope {
  kind: 'routine' | 'for' | 'except' | 'branch' | 'parallelFor';
  parent?: Scope;
  /** Names created by this scope's own steps (not its child scopes), with their first offset. */
  defs: Map<string, number>;
  /** For `branch` and `parallelFor` scopes: the parallel step that owns them. */
  parallel?: StepInfo;
}

export interface StepInfo {
  step: Step;
  routine: RoutineInfo;
  /** The step whose body contains this one. */
  parent?: StepInfo;
  scope: Scope;
  /** The list the step sits in and its index there (synthetic inline bodies have none). */
  list?: readonly Step[];
  index: number;
  /** The model's stand-in for an inline switch-case or `try` body, named after its owner. */
  synthetic: boolean;
  /** True inside the steps of a `for` loop, not counting loops outside an enclosing branch. */
  inLoop: boolean;
  /** How many parallel steps enclose this step. */
  parallelDepth: number;
}

/** An expression together with the scope it is evaluated in. */
export interface ExprUse {
  expr: ExprValue;
  step: StepInfo;
  scope: Scope;
  /** True for an assignment target (`x`, `m.k[i]`), which is parsed without `${}`. */
  target: boolean;
}

/** A write to a variable: an assignment target's root or a call step's `result`. */
export interface Write {
  name: string;
  span: Span;
  step: StepInfo;
  scope: Scope;
}

/** A step of one kind, with its step narrowed to that kind. */
export type StepInfoOf<K extends StepKind> = StepInfo & { step: Extract<Step, { kind: K }> };

/** A `next` target as written, in a step or in a switch case. */
export interface Jump {
  from: StepInfo;
  target: Name;
}

export interface RoutineInfo {
  routine: Routine;
  /** Every step of the routine at any depth, in source order. */
  steps: StepInfo[];
  /** Every step list of the routine (top level, nested, bodies), each once. */
  lists: (readonly Step[])[];
  byName: Map<string, StepInfo[]>;
  scope: Scope;
  /** Every `next` target used anywhere in the routine (steps and switch cases). */
  jumpTargets: Set<string>;
}

export interface ValidationContext {
  workflow: Workflow;
  routines: RoutineInfo[];
  /** Routines by name (the first one, if a name repeats). */
  routineByName: Map<string, Routine>;
  exprs: ExprUse[];
  writes: Write[];
  jumps: Jump[];
  /** Steps by kind, so a rule about one kind doesn't scan every step. */
  byKind: Map<StepKind, StepInfo[]>;
  /** Assignment targets that parse but cannot be assigned to (`f(x): 1`). */
  invalidTargets: { target: ExprValue; error: ExprSyntaxError }[];
}

interface Place {
  routine: RoutineInfo;
  parent?: StepInfo;
  scope: Scope;
  inLoop: boolean;
  parallelDepth: number;
}

/** Walks the workflow once and builds the shared context. */
export function buildContext(workflow: Workflow): ValidationContext {
  const context: ValidationContext = {
    workflow,
    routines: [],
    routineByName: new Map(),
    exprs: [],
    writes: [],
    jumps: [],
    byKind: new Map(),
    invalidTargets: [],
  };
  for (const routine of workflow.routines) {
    if (!context.routineByName.has(routine.name.value)) context.routineByName.set(routine.name.value, routine);
  }
  for (const routine of workflow.routines) {
    const scope: Scope = { kind: 'routine', defs: new Map() };
    for (const param of routine.params) define(scope, param.name.value, param.name.span.start);
    const info: RoutineInfo = { routine, steps: [], lists: [], byName: new Map(), scope, jumpTargets: new Set() };
    context.routines.push(info);
    new Walker(context).steps(routine.steps, place(info, undefined, scope, false, 0));
  }
  return context;
}

/** Every step of `kind`, in source order. */
export function stepsOfKind<K extends StepKind>(context: ValidationContext, kind: K): StepInfoOf<K>[] {
  return (context.byKind.get(kind) ?? []) as StepInfoOf<K>[];
}

/** True when `name` is created in `scope` or one of its ancestors. */
export function isVisible(scope: Scope, name: string): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.defs.has(name)) return true;
  return false;
}

/** Places are built in one spot so they all share one object shape. */
function place(routine: RoutineInfo, parent: StepInfo | undefined, scope: Scope, inLoop: boolean, parallelDepth: number): Place {
  return { routine, parent, scope, inLoop, parallelDepth };
}

/** The place of the steps nested in `info` that share its scope (switch cases, try, nested steps). */
function within(info: StepInfo): Place {
  return place(info.routine, info, info.scope, info.inLoop, info.parallelDepth);
}

function define(scope: Scope, name: string, offset: number): void {
  const known = scope.defs.get(name);
  if (known === undefined || offset < known) scope.defs.set(name, offset);
}

class Walker {
  constructor(private readonly context: ValidationContext) {}

  steps(list: readonly Step[], at: Place): void {
    at.routine.lists.push(list);
    for (let index = 0; index < list.length; index++) this.step(list[index], at, list, index, false);
  }

  private step(step: Step, p: Place, list: readonly Step[] | undefined, index: number, synthetic: boolean): void {
    const info: StepInfo = {
      step,
      routine: p.routine,
      parent: p.parent,
      scope: p.scope,
      list,
      index,
      synthetic,
      inLoop: p.inLoop,
      parallelDepth: p.parallelDepth,
    };
    const routine = p.routine;
    routine.steps.push(info);
    if (!synthetic) {
      const same = routine.byName.get(step.name.value);
      if (same) same.push(info);
      else routine.byName.set(step.name.value, [info]);
    }
    const sameKind = this.context.byKind.get(step.kind);
    if (sameKind) sameKind.push(info);
    else this.context.byKind.set(step.kind, [info]);
    if (step.next) this.jump(info, step.next);
    this.body(info);
  }

  private body(info: StepInfo): void {
    const step = info.step;
    switch (step.kind) {
      case 'assign':
        for (const assignment of step.assign) {
          this.value(assignment.value, info);
          const parsed = assignment.target.parsed;
          const shape = parsed.ok ? assignmentTarget(parsed.expr) : undefined;
          if (shape && !shape.ok) {
            // Reported once as a bad target; its parts are not also checked as reads and calls.
            this.context.invalidTargets.push({ target: assignment.target, error: shape.error });
            continue;
          }
          this.expr(assignment.target, info, true);
          if (!shape) continue;
          const { root, rootSpan, path } = shape.target;
          const span = documentSpan(assignment.target, rootSpan);
          if (path.length === 0) define(info.scope, root, span.start);
          this.context.writes.push({ name: root, span, step: info, scope: info.scope });
        }
        break;
      case 'call':
        if (step.args) this.value(step.args, info);
        if (step.result) this.result(step.result, info);
        break;
      case 'switch': {
        const inner = within(info);
        for (const c of step.cases) {
          if (c.condition) this.value(c.condition, info);
          if (c.next) this.jump(info, c.next);
          if (c.steps) this.steps(c.steps, inner);
          if (c.inline) this.step(c.inline, inner, undefined, 0, true);
        }
        break;
      }
      case 'for':
        this.loop(step.for, info, info.parallelDepth, 'for');
        break;
      case 'parallel': {
        const block = step.parallel;
        if (block.concurrencyLimit) this.value(block.concurrencyLimit, info);
        if (block.exceptionPolicy) this.value(block.exceptionPolicy, info);
        const depth = info.parallelDepth + 1;
        for (const branch of block.branches ?? []) {
          const scope: Scope = { kind: 'branch', parent: info.scope, defs: new Map(), parallel: info };
          this.steps(branch.steps, place(info.routine, info, scope, false, depth));
        }
        if (block.for) this.loop(block.for, info, depth, 'parallelFor');
        break;
      }
      case 'try':
        if (step.inline && step.try.length === 1) this.step(step.try[0], within(info), undefined, 0, true);
        else this.steps(step.try, within(info));
        if (step.retry?.kind === 'policy') this.value(step.retry.policy, info);
        if (step.retry?.kind === 'custom') {
          const r = step.retry;
          for (const v of [r.predicate, r.maxRetries, r.backoff?.initialDelay, r.backoff?.maxDelay, r.backoff?.multiplier]) {
            if (v) this.value(v, info);
          }
        }
        if (step.except) {
          const scope: Scope = { kind: 'except', parent: info.scope, defs: new Map() };
          if (step.except.as) define(scope, step.except.as.value, step.except.as.span.start);
          this.steps(step.except.steps, place(info.routine, info, scope, info.inLoop, info.parallelDepth));
        }
        break;
      case 'raise':
        this.value(step.raise, info);
        break;
      case 'return':
        this.value(step.return, info);
        break;
      case 'steps':
        this.steps(step.steps, within(info));
        break;
      default:
        break;
    }
  }

  private loop(loop: ForLoop, info: StepInfo, parallelDepth: number, kind: 'for' | 'parallelFor'): void {
    if (loop.in) this.value(loop.in, info);
    if (loop.range) this.value(loop.range, info);
    const scope: Scope = { kind, parent: info.scope, defs: new Map() };
    if (kind === 'parallelFor') scope.parallel = info;
    if (loop.value) define(scope, loop.value.value, loop.value.span.start);
    if (loop.index) define(scope, loop.index.value, loop.index.span.start);
    this.steps(loop.steps, place(info.routine, info, scope, true, parallelDepth));
  }

  private jump(from: StepInfo, target: Name): void {
    from.routine.jumpTargets.add(target.value);
    this.context.jumps.push({ from, target });
  }

  private result(name: Name, info: StepInfo): void {
    define(info.scope, name.value, name.span.start);
    this.context.writes.push({ name: name.value, span: name.span, step: info, scope: info.scope });
  }

  private value(value: Value, info: StepInfo): void {
    switch (value.kind) {
      case 'expr':
        this.expr(value, info, false);
        break;
      case 'list':
        for (const item of value.items) this.value(item, info);
        break;
      case 'map':
        for (const entry of value.entries) {
          if (entry.key.kind === 'expr') this.expr(entry.key, info, false);
          this.value(entry.value, info);
        }
        break;
      default:
        break;
    }
  }

  private expr(expr: ExprValue, info: StepInfo, target: boolean): void {
    this.context.exprs.push({ expr, step: info, scope: info.scope, target });
  }
}
