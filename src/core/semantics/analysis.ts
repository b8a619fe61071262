/**
 * The structural analysis of a workflow: one walk over every routine (the model's `walkSteps`)
 * that places each step in its blocks and builds the variable scopes of WORKFLOWS-LANGUAGE.md §2.9
 * by the rules of `rules.ts`. The validator, the engine and the editor read the same analysis, so
 * they agree on where a name is visible and where a step sits.
 *
 * Name resolution is flow-insensitive, as Google's deploy-time check appears to be [R]: a name is
 * defined in a scope when any step of that scope creates it (assignment target, call `result`,
 * `for` value/index, `except` as, routine params), wherever the step sits.
 */
import type { Span } from '../location';
import { assignmentTarget } from '../expr/walk';
import { isInline, spanContains, walkSteps, type StepContainer } from '../model/query';
import type { Branch, ExceptSpec, ForLoop, Name, ParallelStep, Routine, Step, Workflow } from '../model/types';
import { isStdlibModule } from '../stdlib/catalogue';
import { BLOCK_RULES, type ScopeKind } from './rules';

/** Where a variable is first created. */
export interface Definition {
  name: string;
  span: Span;
  kind: 'param' | 'assign' | 'result' | 'loop' | 'error';
}

/** A variable scope: a routine's, or a child scope opened by a block (see `BLOCK_RULES`). */
export interface StaticScope {
  kind: ScopeKind;
  parent?: StaticScope;
  /** Names created by this scope's own steps (not its child scopes), each with its first definition. */
  defs: Map<string, Definition>;
  /** For `branch` and `parallelFor` scopes: the parallel step that owns them. */
  parallel?: ParallelStep;
  /** The routine, or the block (loop, except block, branch) whose steps use the scope. */
  span: Span;
}

/** A step with where it sits. */
export interface Place {
  step: Step;
  routine: Routine;
  /** The blocks around the step, outermost first. */
  ancestry: StepContainer[];
  /** The list holding the step (an inline body's list is that one step). */
  list: Step[];
  index: number;
  /** The inline body of a switch case or a `try`, named after its owner: not a jump target. */
  inline: boolean;
  scope: StaticScope;
}

/** The analysis of one routine. */
export interface RoutineSemantics {
  routine: Routine;
  scope: StaticScope;
  /** Every step at any depth, parents before their nested steps, in source order. */
  places: Place[];
  /** Named steps (not inline bodies) by name. */
  byName: Map<string, Place[]>;
  /** The routine's scope and every child scope in it. */
  scopes: StaticScope[];
  placeByStep: Map<Step, Place>;
  /** The scope a routine, a `for` loop (plain or parallel), an `except` block or a branch opens. */
  scopeByOwner: Map<ScopeOwner, StaticScope>;
}

/** What opens a scope: a routine, a `for` loop (plain or parallel), an `except` block, a branch. */
export type ScopeOwner = Routine | ForLoop | ExceptSpec | Branch;

/** The structural analysis of a workflow. Build with `semanticsOf`. */
export class Semantics {
  readonly routines: RoutineSemantics[];
  private readonly places = new Map<Step, Place>();
  private readonly scopes = new Map<ScopeOwner, StaticScope>();
  private readonly byRoutine = new Map<Routine, RoutineSemantics>();
  /** Routine names, for names that resolve to a subworkflow rather than a variable. */
  readonly routineNames: ReadonlySet<string>;

  constructor(readonly workflow: Workflow) {
    this.routineNames = new Set(workflow.routines.map((r) => r.name.value));
    this.routines = workflow.routines.map(routineSemantics);
    for (const r of this.routines) {
      this.byRoutine.set(r.routine, r);
      for (const [step, place] of r.placeByStep) this.places.set(step, place);
      for (const [owner, scope] of r.scopeByOwner) this.scopes.set(owner, scope);
    }
  }

  /** Where `step` sits; undefined for a step of another workflow. */
  placeOf(step: Step): Place | undefined {
    return this.places.get(step);
  }

  routineOf(routine: Routine): RoutineSemantics | undefined {
    return this.byRoutine.get(routine);
  }

  /** The scope a routine, a `for` loop (plain or parallel), an `except` block or a branch opens. */
  scopeOf(owner: ScopeOwner): StaticScope | undefined {
    return this.scopes.get(owner);
  }
}

const ROUTINES = new WeakMap<Routine, RoutineSemantics>();

/** The analysis of one routine, built once per model object. */
export function routineSemantics(routine: Routine): RoutineSemantics {
  let info = ROUTINES.get(routine);
  if (!info) {
    info = analyzeRoutine(routine);
    ROUTINES.set(routine, info);
  }
  return info;
}

/** The innermost scope whose routine or block holds `offset` (for the editor). */
export function scopeAt(routine: RoutineSemantics, offset: number): StaticScope {
  let best = routine.scope;
  for (const scope of routine.scopes) {
    if (spanContains(scope.span, offset) && scope.span.end - scope.span.start <= best.span.end - best.span.start) best = scope;
  }
  return best;
}

function analyzeRoutine(routine: Routine): RoutineSemantics {
  const scope = newScope('routine', routine.span);
  for (const p of routine.params) define(scope, p.name, 'param');
  const info: RoutineSemantics = { routine, scope, places: [], byName: new Map(), scopes: [scope], placeByStep: new Map(), scopeByOwner: new Map([[routine, scope]]) };
  walkSteps(routine, (visit) => {
    const container = visit.ancestry[visit.ancestry.length - 1];
    // Parents are visited first, so the block's owner step already has its place.
    const here = container ? blockScope(info, container, (info.placeByStep.get(container.step) as Place).scope) : scope;
    const place: Place = { step: visit.step, routine, ancestry: visit.ancestry, list: visit.list, index: visit.index, inline: isInline(visit), scope: here };
    info.places.push(place);
    info.placeByStep.set(visit.step, place);
    if (!place.inline) {
      const same = info.byName.get(visit.step.name.value);
      if (same) same.push(place);
      else info.byName.set(visit.step.name.value, [place]);
    }
    defineWrites(visit.step, here);
  });
  return info;
}

/** The scope of a block's steps: the enclosing one, or a new child scope with its own names. */
function blockScope(routine: RoutineSemantics, container: StepContainer, enclosing: StaticScope): StaticScope {
  const rule = BLOCK_RULES[container.kind];
  if (rule.scope === 'shared') return enclosing;
  const owner = container.kind === 'branch' ? container.branch : container.kind === 'except' ? container.except : (container as { loop: ForLoop }).loop;
  const known = routine.scopeByOwner.get(owner);
  if (known) return known;
  const scope = newScope(rule.scope, owner.span, enclosing);
  if (container.kind === 'branch' || container.kind === 'parallel-for') scope.parallel = container.step;
  if (container.kind === 'except' && container.except.as) define(scope, container.except.as, 'error');
  if (container.kind === 'for' || container.kind === 'parallel-for') {
    if (container.loop.value) define(scope, container.loop.value, 'loop');
    if (container.loop.index) define(scope, container.loop.index, 'loop');
  }
  routine.scopeByOwner.set(owner, scope);
  routine.scopes.push(scope);
  return scope;
}

const CACHE = new WeakMap<Workflow, Semantics>();

/** The analysis of `workflow`, built once per model object. */
export function semanticsOf(workflow: Workflow): Semantics {
  let semantics = CACHE.get(workflow);
  if (!semantics) {
    semantics = new Semantics(workflow);
    CACHE.set(workflow, semantics);
  }
  return semantics;
}

/** True when `name` is created in `scope` or one of the scopes around it. */
export function isVisible(scope: StaticScope, name: string): boolean {
  return definitionOf(scope, name) !== undefined;
}

/**
 * The definition of `name` visible from `scope`. The outermost scope that creates the name wins: a
 * block's write to a name its enclosing scope holds updates that variable.
 */
export function definitionOf(scope: StaticScope, name: string): Definition | undefined {
  let found: Definition | undefined;
  for (let s: StaticScope | undefined = scope; s; s = s.parent) found = s.defs.get(name) ?? found;
  return found;
}

/** Every variable visible from `scope` with its definition (as `definitionOf` picks it). */
export function visibleVariables(scope: StaticScope): Map<string, Definition> {
  const chain: StaticScope[] = [];
  for (let s: StaticScope | undefined = scope; s; s = s.parent) chain.unshift(s);
  const out = new Map<string, Definition>();
  for (const s of chain) for (const [name, d] of s.defs) if (!out.has(name)) out.set(name, d);
  return out;
}

/**
 * Whether `name` is created before `offset` in `scope` or a scope around it: a variable a step
 * starting at `offset` finds in place [R: "exists before the parallel step" read by source order].
 */
export function definedBefore(scope: StaticScope, name: string, offset: number): boolean {
  for (let s: StaticScope | undefined = scope; s; s = s.parent) {
    const d = s.defs.get(name);
    if (d !== undefined && d.span.start < offset) return true;
  }
  return false;
}

/**
 * The branch or parallel-iteration scope that refuses a write to `name` from `scope`: the name is
 * a variable of the scope around its parallel step (created before the step) and the step does not
 * list it in `shared` [S parallel_shared_variables]. Undefined when the write is allowed; a name
 * first created after the parallel step is a new branch-local variable.
 */
export function unsharedWriteBoundary(scope: StaticScope, name: string): StaticScope | undefined {
  for (let s: StaticScope | undefined = scope; s; s = s.parent) {
    if (!s.parallel || !s.parent) continue;
    if (!definedBefore(s.parent, name, s.parallel.span.start)) continue;
    if (s.parallel.parallel.shared.some((n) => n.value === name)) continue;
    return s;
  }
  return undefined;
}

/**
 * Capitalised literals: Google documents `True`/`TRUE` [D datatypes] and its own demos compare with
 * `Null` [S workflows-bigquery-load], so these are never undefined names.
 */
const LITERAL_SPELLINGS = new Set(['Null', 'NULL', 'True', 'TRUE', 'False', 'FALSE']);

/**
 * Whether a bare name read in `scope` means something known from the source alone: a visible
 * variable, a subworkflow, a standard-library module root, or a capitalised literal. A name that
 * does not is an undefined variable: the validator reports it, and the engine's KeyError for it is
 * a structural refusal rather than a run-time accident.
 */
export function resolvesStatically(semantics: Semantics, scope: StaticScope, name: string): boolean {
  return isVisible(scope, name) || semantics.routineNames.has(name) || isStdlibModule(name) || LITERAL_SPELLINGS.has(name);
}

function newScope(kind: ScopeKind, span: Span, parent?: StaticScope): StaticScope {
  return { kind, parent, defs: new Map(), span };
}

function define(scope: StaticScope, name: Name, kind: Definition['kind'], span: Span = name.span): void {
  const known = scope.defs.get(name.value);
  if (!known || span.start < known.span.start) scope.defs.set(name.value, { name: name.value, span, kind });
}

/** Names a step itself creates in its scope: plain assignment targets and a call's `result`. */
function defineWrites(step: Step, scope: StaticScope): void {
  if (step.kind === 'call' && step.result) define(scope, step.result, 'result');
  if (step.kind !== 'assign') return;
  for (const a of step.assign) {
    const shape = a.target.parsed.ok ? assignmentTarget(a.target.parsed.expr) : undefined;
    if (!shape?.ok || shape.target.path.length > 0) continue;
    const root = shape.target.rootSpan;
    const span = { start: a.target.toDocumentOffset(root.start), end: a.target.toDocumentOffset(root.end) };
    define(scope, { value: shape.target.root, span }, 'assign', span);
  }
}

