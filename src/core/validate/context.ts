/**
 * The validation context: built once from the structural semantics' walk of the model
 * (`core/semantics`), so no rule re-walks the tree. It records every step with where it sits
 * (routine, parent, scope, parallel nesting), every expression with the scope it is evaluated in,
 * every variable write, and every jump.
 */
import type { ExprSyntaxError } from '../expr/ast';
import type { Span } from '../location';
import type { ExprValue, ForLoop, Name, Routine, Step, StepKind, Value, Workflow } from '../model/types';
import { assignmentTarget } from '../expr/walk';
import { semanticsOf, type Place, type RoutineSemantics, type StaticScope } from '../semantics';
import { documentSpan } from './exprNodes';


/** A variable scope, as the structural semantics builds it (`core/semantics`). */
export type Scope = StaticScope;

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
  /** How many parallel steps enclose this step. */
  parallelDepth: number;
  /** Where the structural semantics places the step (for jump and branch rules). */
  place: Place;
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
  semantics: RoutineSemantics;
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

const CONTEXTS = new WeakMap<Workflow, ValidationContext>();

/**
 * The shared context of `workflow` (every expression with its scope, every jump, steps by kind),
 * built once per model object: validation, the child-call summary the language server takes after
 * each check, and the editor features all read the same one (nothing writes to it once built).
 */
export function contextOf(workflow: Workflow): ValidationContext {
  let context = CONTEXTS.get(workflow);
  if (!context) {
    context = buildContext(workflow);
    CONTEXTS.set(workflow, context);
  }
  return context;
}

/** Builds the shared context over the structural semantics' single walk of the workflow. */
function buildContext(workflow: Workflow): ValidationContext {
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
  const semantics = semanticsOf(workflow);
  for (const routineSemantics of semantics.routines) {
    const routine = routineSemantics.routine;
    const info: RoutineInfo = { routine, semantics: routineSemantics, steps: [], lists: [routine.steps], byName: new Map(), scope: routineSemantics.scope, jumpTargets: new Set() };
    context.routines.push(info);
    const infos = new Map<Step, StepInfo>();
    const lists = new Set<readonly Step[]>([routine.steps]);
    for (const place of routineSemantics.places) {
      const owner = place.ancestry[place.ancestry.length - 1];
      const stepInfo: StepInfo = {
        step: place.step,
        routine: info,
        parent: owner ? infos.get(owner.step) : undefined,
        scope: place.scope,
        list: place.inline ? undefined : place.list,
        index: place.index,
        synthetic: place.inline,
        parallelDepth: owner ? (infos.get(owner.step) as StepInfo).parallelDepth + (owner.kind === 'branch' || owner.kind === 'parallel-for' ? 1 : 0) : 0,
        place,
      };
      infos.set(place.step, stepInfo);
      if (!place.inline && !lists.has(place.list)) {
        lists.add(place.list);
        info.lists.push(place.list);
      }
      record(context, stepInfo);
    }
  }
  return context;
}

/** Every step of `kind`, in source order. */
export function stepsOfKind<K extends StepKind>(context: ValidationContext, kind: K): StepInfoOf<K>[] {
  return (context.byKind.get(kind) ?? []) as StepInfoOf<K>[];
}

/** Files a step under its routine and kind, and records its jumps, expressions and writes. */
function record(context: ValidationContext, info: StepInfo): void {
  const { step, routine } = info;
  routine.steps.push(info);
  if (!info.synthetic) {
    const same = routine.byName.get(step.name.value);
    if (same) same.push(info);
    else routine.byName.set(step.name.value, [info]);
  }
  const sameKind = context.byKind.get(step.kind);
  if (sameKind) sameKind.push(info);
  else context.byKind.set(step.kind, [info]);
  if (step.next) jump(context, info, step.next);
  new BodyReader(context, info).read();
}

function jump(context: ValidationContext, from: StepInfo, target: Name): void {
  from.routine.jumpTargets.add(target.value);
  context.jumps.push({ from, target });
}

/** Reads what a step's own body holds (not its nested steps, which are steps of their own). */
class BodyReader {
  constructor(
    private readonly context: ValidationContext,
    private readonly info: StepInfo,
  ) {}

  read(): void {
    const step = this.info.step;
    switch (step.kind) {
      case 'assign':
        for (const assignment of step.assign) this.assignment(assignment.target, assignment.value);
        break;
      case 'call':
        if (step.args) this.value(step.args);
        if (step.result) this.context.writes.push({ name: step.result.value, span: step.result.span, step: this.info, scope: this.info.scope });
        break;
      case 'switch':
        for (const c of step.cases) {
          if (c.condition) this.value(c.condition);
          if (c.next) jump(this.context, this.info, c.next);
        }
        break;
      case 'for':
        this.loop(step.for);
        break;
      case 'parallel': {
        const block = step.parallel;
        if (block.concurrencyLimit) this.value(block.concurrencyLimit);
        if (block.exceptionPolicy) this.value(block.exceptionPolicy);
        if (block.for) this.loop(block.for);
        break;
      }
      case 'try':
        if (step.retry?.kind === 'policy') this.value(step.retry.policy);
        if (step.retry?.kind === 'custom') {
          const r = step.retry;
          for (const v of [r.predicate, r.maxRetries, r.backoff?.initialDelay, r.backoff?.maxDelay, r.backoff?.multiplier]) {
            if (v) this.value(v);
          }
        }
        break;
      case 'raise':
        this.value(step.raise);
        break;
      case 'return':
        this.value(step.return);
        break;
      default:
        break;
    }
  }

  private assignment(target: ExprValue, value: Value): void {
    this.value(value);
    const parsed = target.parsed;
    const shape = parsed.ok ? assignmentTarget(parsed.expr) : undefined;
    if (shape && !shape.ok) {
      // Reported once as a bad target; its parts are not also checked as reads and calls.
      this.context.invalidTargets.push({ target, error: shape.error });
      return;
    }
    this.expr(target, true);
    if (!shape) return;
    const { root, rootSpan } = shape.target;
    this.context.writes.push({ name: root, span: documentSpan(target, rootSpan), step: this.info, scope: this.info.scope });
  }

  private loop(loop: ForLoop): void {
    if (loop.in) this.value(loop.in);
    if (loop.range) this.value(loop.range);
  }

  private value(value: Value): void {
    switch (value.kind) {
      case 'expr':
        this.expr(value, false);
        break;
      case 'list':
        for (const item of value.items) this.value(item);
        break;
      case 'map':
        for (const entry of value.entries) {
          if (entry.key.kind === 'expr') this.expr(entry.key, false);
          this.value(entry.value);
        }
        break;
      default:
        break;
    }
  }

  private expr(expr: ExprValue, target: boolean): void {
    this.context.exprs.push({ expr, step: this.info, scope: this.info.scope, target });
  }
}
