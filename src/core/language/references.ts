/**
 * Every place a step, a subworkflow or a variable is named, resolved by the structural semantics
 * (`core/semantics`) the validator and the engine read: a variable is the definition its scope
 * chain picks (`definitionOf`), so the same name in two routines, or in two sibling `for` loops,
 * is two variables. References and rename both start here. Pure (no editor API): spans are
 * document offsets.
 */
import type { Expr } from '../expr/ast';
import { freeVariables, visitExpr } from '../expr/walk';
import type { Span } from '../location';
import { nodeAt, spanContains } from '../model/query';
import type { ExprValue, Name, Routine, Workflow } from '../model/types';
import { semanticsOf, SPECIAL_TARGETS, type StaticScope } from '../semantics';
import { contextOf } from '../validate/context';
import { exprNodeAt } from './workflowQuery';

export type SymbolKind = 'step' | 'subworkflow' | 'variable';

/** One place a symbol is named. */
export interface Occurrence {
  /** The name itself (inside quotes, if the source quotes it). */
  span: Span;
  /**
   * For a name written as a YAML/JSON scalar (a step name, `next:`, `call:`, `result:`, a loop
   * variable, `as:`, a `shared` entry, a parameter, a routine name): the whole scalar, quotes
   * included, which a rename rewrites as a whole. Undefined for a name inside an expression or an
   * assignment target, where only the name's characters change.
   */
  scalar?: Span;
  /** The definition: a step's or routine's name, a variable's first creation. */
  declaration: boolean;
}

export interface SymbolOccurrences {
  kind: SymbolKind;
  name: string;
  /** The routine of a step or a variable. */
  routine?: Routine;
  /** For a variable: the scope that owns it (undefined for a name nothing defines). */
  scope?: StaticScope;
  /** In source order. */
  occurrences: Occurrence[];
}

/** The span of a name without the quotes around it, when the source quotes it (and has no escape in it). */
export function nameSpan(text: string, name: Name): Span {
  const written = text.slice(name.span.start, name.span.end);
  if (written.length >= 2 && (written[0] === '"' || written[0] === "'") && written[written.length - 1] === written[0] && written.slice(1, -1) === name.value) {
    return { start: name.span.start + 1, end: name.span.end - 1 };
  }
  return name.span;
}

/** The symbol at `offset` and every place it is named, or undefined off a step, subworkflow or variable. */
export function occurrencesAt(workflow: Workflow, offset: number): SymbolOccurrences | undefined {
  const found = symbolOccurrences(workflow, offset);
  return found && occurrenceAt(found, offset) ? found : undefined;
}

function symbolOccurrences(workflow: Workflow, offset: number): SymbolOccurrences | undefined {
  const { routine, target } = nodeAt(workflow, offset);
  if (!routine || !target) return undefined;
  switch (target.kind) {
    case 'routine-name':
      return subworkflowOccurrences(workflow, target.name.value);
    case 'step-name':
      return stepOccurrences(workflow, routine, target.name.value);
    case 'next':
      return (SPECIAL_TARGETS as readonly string[]).includes(target.name.value) ? undefined : stepOccurrences(workflow, routine, target.name.value);
    case 'call':
      return workflow.routines.some((r) => r.name.value === target.name.value) ? subworkflowOccurrences(workflow, target.name.value) : undefined;
    case 'name': {
      if (target.role === 'branch') return undefined;
      const scope = nameScopes(workflow, routine).get(target.name);
      return scope && variableOccurrences(workflow, routine, target.name.value, scope);
    }
    case 'value':
      return argumentKeyOccurrences(workflow, offset);
    case 'expression': {
      const { expr, offset: relative } = target;
      if (!expr.parsed.ok) return undefined;
      const node = exprNodeAt(expr.parsed.expr, relative);
      if (node?.kind === 'call' && node.calleeSpan.start <= relative && relative <= node.calleeSpan.end) {
        return workflow.routines.some((r) => r.name.value === node.callee) ? subworkflowOccurrences(workflow, node.callee) : undefined;
      }
      if (node?.kind !== 'identifier') return undefined;
      const use = contextOf(workflow).exprs.find((u) => u.expr === expr);
      return use && variableOccurrences(workflow, use.step.routine.routine, node.name, use.scope);
    }
    default:
      return undefined;
  }
}

/** Every step named `name` in `routine` and every `next:` of the routine that names it. */
export function stepOccurrences(workflow: Workflow, routine: Routine, name: string): SymbolOccurrences | undefined {
  const info = contextOf(workflow).routines.find((r) => r.routine === routine);
  const steps = info?.byName.get(name);
  if (!info || !steps) return undefined;
  const occurrences: Occurrence[] = steps.map((s) => scalarOccurrence(workflow, s.step.name, true));
  for (const jump of contextOf(workflow).jumps) {
    if (jump.from.routine === info && jump.target.value === name) occurrences.push(scalarOccurrence(workflow, jump.target, false));
  }
  return { kind: 'step', name, routine, occurrences: sorted(occurrences) };
}

/** The routine named `name` and every call of it: `call:` steps and calls inside expressions. */
export function subworkflowOccurrences(workflow: Workflow, name: string): SymbolOccurrences | undefined {
  const definitions = workflow.form === 'routines' ? workflow.routines.filter((r) => r.name.value === name) : [];
  if (definitions.length === 0) return undefined;
  const context = contextOf(workflow);
  const occurrences: Occurrence[] = definitions.map((r) => scalarOccurrence(workflow, r.name, true));
  for (const { step } of context.byKind.get('call') ?? []) {
    if (step.kind === 'call' && step.call.value === name) occurrences.push(scalarOccurrence(workflow, step.call, false));
  }
  for (const use of context.exprs) {
    if (!use.expr.parsed.ok) continue;
    visitExpr(use.expr.parsed.expr, (node) => {
      if (node.kind === 'call' && node.callee === name) occurrences.push({ span: documentSpan(use.expr, node.calleeSpan), declaration: false });
    });
  }
  return { kind: 'subworkflow', name, occurrences: sorted(occurrences) };
}

/**
 * Every place the variable `name`, as seen from `scope` in `routine`, is named: parameters (and
 * the `args:` keys that pass them in the routine's `call:` steps), assignment targets, call results, loop variables, `except` `as`, parallel `shared` entries and
 * every read in an expression that resolves to the same definition.
 */
export function variableOccurrences(workflow: Workflow, routine: Routine, name: string, scope: StaticScope): SymbolOccurrences {
  const owner = ownerOf(scope, name);
  const definition = owner?.defs.get(name);
  const same = (at: StaticScope): boolean => ownerOf(at, name) === owner && (owner !== undefined || rootOf(at) === rootOf(scope));
  const occurrences: Occurrence[] = [];
  for (const [n, at] of nameScopes(workflow, routine)) {
    if (n.value === name && same(at)) occurrences.push(scalarOccurrence(workflow, n, definition !== undefined && n.span.start === definition.span.start));
  }
  if (definition?.kind === 'param' && workflow.form === 'routines') occurrences.push(...argumentKeys(workflow, routine, name));
  for (const use of contextOf(workflow).exprs) {
    if (use.step.routine.routine !== routine || !use.expr.parsed.ok || !same(use.scope)) continue;
    for (const id of identifiersOf(use.expr.parsed.expr)) {
      if (id.name !== name) continue;
      const span = documentSpan(use.expr, id.span);
      occurrences.push({ span, declaration: definition !== undefined && span.start === definition.span.start });
    }
  }
  return { kind: 'variable', name, routine, scope: owner, occurrences: sorted(occurrences) };
}

/** On an `args:` key of a `call:` of a subworkflow: the parameter that key passes. */
function argumentKeyOccurrences(workflow: Workflow, offset: number): SymbolOccurrences | undefined {
  const step = nodeAt(workflow, offset).step?.step;
  if (step?.kind !== 'call' || step.args?.kind !== 'map') return undefined;
  const key = step.args.entries.find((e) => spanContains(e.key.span, offset))?.key;
  const callee = workflow.form === 'routines' ? workflow.routines.find((r) => r.name.value === step.call.value) : undefined;
  if (key?.kind !== 'scalar' || !callee || !callee.params.some((p) => p.name.value === key.value)) return undefined;
  const scope = semanticsOf(workflow).routineOf(callee)?.scope;
  return scope && variableOccurrences(workflow, callee, String(key.value), scope);
}

/** The `args:` keys of every `call:` of `routine` that name its parameter `name`. */
function argumentKeys(workflow: Workflow, routine: Routine, name: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const { step } of contextOf(workflow).byKind.get('call') ?? []) {
    if (step.kind !== 'call' || step.call.value !== routine.name.value || step.args?.kind !== 'map') continue;
    for (const { key } of step.args.entries) {
      if (key.kind === 'scalar' && key.value === name) out.push(scalarOccurrence(workflow, { value: name, span: key.span }, false));
    }
  }
  return out;
}

/** The names written as scalars that create or list a variable, each with the scope it belongs to. */
function nameScopes(workflow: Workflow, routine: Routine): Map<Name, StaticScope> {
  const semantics = semanticsOf(workflow);
  const info = semantics.routineOf(routine);
  const out = new Map<Name, StaticScope>();
  if (!info) return out;
  for (const p of routine.params) out.set(p.name, info.scope);
  for (const place of info.places) {
    const step = place.step;
    if (step.kind === 'call' && step.result) out.set(step.result, place.scope);
    const loop = step.kind === 'for' ? step.for : step.kind === 'parallel' ? step.parallel.for : undefined;
    const loopScope = loop && info.scopeByOwner.get(loop);
    if (loop && loopScope) {
      if (loop.value) out.set(loop.value, loopScope);
      if (loop.index) out.set(loop.index, loopScope);
    }
    if (step.kind === 'parallel') for (const n of step.parallel.shared) out.set(n, place.scope);
    const except = step.kind === 'try' ? step.except : undefined;
    const exceptScope = except && info.scopeByOwner.get(except);
    if (except?.as && exceptScope) out.set(except.as, exceptScope);
  }
  return out;
}

/** The outermost scope around `scope` (itself included) that creates `name`: the one `definitionOf` reads. */
function ownerOf(scope: StaticScope, name: string): StaticScope | undefined {
  let found: StaticScope | undefined;
  for (let s: StaticScope | undefined = scope; s; s = s.parent) if (s.defs.has(name)) found = s;
  return found;
}

function rootOf(scope: StaticScope): StaticScope {
  let s = scope;
  while (s.parent) s = s.parent;
  return s;
}

/** The identifiers of an expression that name variables (call names and properties are not). */
function identifiersOf(expr: Expr): { name: string; span: Span }[] {
  return freeVariables(expr);
}

function scalarOccurrence(workflow: Workflow, name: Name, declaration: boolean): Occurrence {
  return { span: nameSpan(workflow.text, name), scalar: name.span, declaration };
}

function documentSpan(expr: ExprValue, span: Span): Span {
  return { start: expr.toDocumentOffset(span.start), end: expr.toDocumentOffset(span.end) };
}

function sorted(occurrences: Occurrence[]): Occurrence[] {
  const seen = new Set<number>();
  return occurrences
    .sort((a, b) => a.span.start - b.span.start)
    .filter((o) => {
      if (seen.has(o.span.start)) return false;
      seen.add(o.span.start);
      return true;
    });
}

/** Whether `offset` is on one of the occurrences (the cursor may sit just after the name). */
export function occurrenceAt(found: SymbolOccurrences, offset: number): Occurrence | undefined {
  return found.occurrences.find((o) => spanContains(o.span, offset));
}
