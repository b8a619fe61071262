/**
 * Editor questions over the core's model queries (`core/model/query.ts`): every step of a routine,
 * the loop around a step, the expression node under the cursor, and the variables visible at an
 * offset with their first definition. Pure (no `vscode` import).
 */
import type { Span } from '../../core/location';
import type { Expr } from '../../core/expr/ast';
import { assignmentTarget, visitExpr } from '../../core/expr/walk';
import { childBlocks, spanContains, walkSteps } from '../../core/model/query';
import type { StepContainer, StepVisit } from '../../core/model/query';
import type { Routine, Step } from '../../core/model/types';

/** A variable definition: a param, an assignment target, a call result, a loop variable or `except.as`. */
export interface VariableDefinition {
  name: string;
  span: Span;
  kind: 'param' | 'assign' | 'result' | 'loop' | 'error';
}

/** Every step of a routine at any depth, in source order. */
export function stepsOf(routine: Routine): StepVisit[] {
  const out: StepVisit[] = [];
  walkSteps(routine, (visit) => {
    out.push(visit);
  });
  return out;
}

/** The innermost `for` loop (plain or parallel) around a step. */
export function innermostLoop(visit: StepVisit | undefined): Extract<StepContainer, { kind: 'for' | 'parallel-for' }> | undefined {
  const loops = (visit?.ancestry ?? []).filter((c): c is Extract<StepContainer, { kind: 'for' | 'parallel-for' }> => c.kind === 'for' || c.kind === 'parallel-for');
  return loops[loops.length - 1];
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
 * The variables visible at `offset` in a routine, each with its first definition: params, and
 * every name assigned or received as a call result anywhere in the routine, except names first
 * defined inside a for loop, parallel branch or except block that does not hold `offset` (those are
 * local to it, as the language says). Flow-insensitive, like the service's deploy-time check.
 */
export function variablesAt(routine: Routine, offset: number): Map<string, VariableDefinition> {
  const found = new Map<string, VariableDefinition>();
  const add = (name: string, span: Span, kind: VariableDefinition['kind']): void => {
    if (!found.has(name)) found.set(name, { name, span, kind });
  };
  for (const p of routine.params) add(p.name.value, p.name.span, 'param');
  const visit = (steps: Step[], visible: boolean): void => {
    for (const step of steps) {
      if (visible && step.kind === 'assign') {
        for (const a of step.assign) {
          const target = a.target.parsed.ok ? assignmentTarget(a.target.parsed.expr) : undefined;
          if (target?.ok) {
            const span = target.target.rootSpan;
            add(target.target.root, { start: a.target.toDocumentOffset(span.start), end: a.target.toDocumentOffset(span.end) }, 'assign');
          }
        }
      }
      if (visible && step.kind === 'call' && step.result) add(step.result.value, step.result.span, 'result');
      for (const [container, children] of childBlocks(step)) {
        const scope = scopeOf(container);
        const inside = visible && (!scope || spanContains(scope.span, offset));
        if (inside) for (const [name, kind] of scope?.names ?? []) if (name) add(name.value, name.span, kind);
        visit(children, inside);
      }
    }
  };
  visit(routine.steps, true);
  return found;
}

type ScopeName = [{ value: string; span: Span } | undefined, VariableDefinition['kind']];

/** The span and own names of a block that opens a child scope; undefined for blocks that share the routine scope. */
function scopeOf(container: StepContainer): { span: Span; names: ScopeName[] } | undefined {
  switch (container.kind) {
    case 'for':
    case 'parallel-for':
      return { span: container.loop.span, names: [[container.loop.value, 'loop'], [container.loop.index, 'loop']] };
    case 'branch':
      return { span: container.branch.span, names: [] };
    case 'except':
      return { span: container.except.span, names: [[container.except.as, 'error']] };
    default:
      return undefined;
  }
}
