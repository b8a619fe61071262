/**
 * Editor questions over the core's model queries (`core/model/query.ts`) and structural semantics
 * (`core/semantics`): every step of a routine, the expression node under the cursor, the variables
 * visible at an offset with their definition, and the `next:` targets legal at an offset. Pure (no
 * `vscode` import).
 */
import type { Expr } from '../expr/ast';
import { visitExpr } from '../expr/walk';
import { routineAt, spanContains, stepAt, walkSteps } from '../model/query';
import type { StepVisit } from '../model/query';
import type { Routine, Step, Workflow } from '../model/types';
import { jumpTargets, routineSemantics, scopeAt, visibleVariables, type Definition } from '../semantics';

/** A variable definition: a param, an assignment target, a call result, a loop variable or `except.as`. */
export type VariableDefinition = Definition;

/** Every step of a routine at any depth, in source order. */
export function stepsOf(routine: Routine): StepVisit[] {
  const out: StepVisit[] = [];
  walkSteps(routine, (visit) => {
    out.push(visit);
  });
  return out;
}

/** The step named `name` in the routine, nested ones included. */
export function findStep(routine: Routine, name: string): Step | undefined {
  return stepsOf(routine).find((v) => v.step.name.value === name)?.step;
}

/** The deepest node of a parsed expression whose span holds `relative` (an offset in the expression text). */
export function exprNodeAt(expr: Expr, relative: number): Expr | undefined {
  let found: Expr | undefined;
  visitExpr(expr, (node) => {
    if (!spanContains(node.span, relative)) return false;
    found = node;
    return true;
  });
  return found;
}

/**
 * The variables visible at `offset` in a routine, each with its definition, as the structural
 * semantics scopes them (`core/semantics`): params, and every name created anywhere in the routine
 * except names local to a for loop, parallel branch or except block that does not hold `offset`.
 * Flow-insensitive, like the service's deploy-time check.
 */
export function variablesAt(routine: Routine, offset: number): Map<string, VariableDefinition> {
  return visibleVariables(scopeAt(routineSemantics(routine), offset));
}

/**
 * The `next:` values legal for the step under `offset`, in source order, then `end`, `break` and
 * `continue` where they apply: exactly the jumps the validator and the engine accept
 * (`jumpTargets` in `core/semantics`).
 */
export function nextTargetsAt(workflow: Workflow, offset: number): string[] {
  const here = stepAt(workflow, offset);
  if (!here) return routineAt(workflow, offset) ? ['end'] : [];
  const routine = routineSemantics(here.routine);
  const place = routine.placeByStep.get(here.step);
  return place ? jumpTargets(routine, place) : ['end'];
}
