/**
 * Workflow IDs from file names, and the calls by which a parent starts children. Pure: no
 * `vscode` import.
 */
import * as path from 'node:path';
import { WORKFLOW_ID, childWorkflowId, isChildExecutionCall } from '../../core/model/childCalls';
import type { Step, Workflow } from '../../core/model/types';

const SOURCE_SUFFIX = /\.workflows\.(ya?ml|json)$|\.(ya?ml|json)$/i;

/** `workflow-parent.yaml` → `workflow-parent`; `orders.workflows.yaml` → `orders`. */
export function workflowIdFromPath(file: string): string {
  return path.basename(file).replace(SOURCE_SUFFIX, '');
}

/** Why `id` is not a workflow ID, or undefined when it is one. */
export function workflowIdProblem(id: string): string | undefined {
  if (WORKFLOW_ID.test(id)) return undefined;
  return 'A workflow ID starts with a letter, has only letters, digits, "_" and "-", ends with a letter or digit, and has at most 64 characters.';
}

/**
 * The IDs of the workflows `workflow` starts through `executions.run`/`create` (or
 * `experimental.executions.run`), when the ID is written literally: `workflow_id: child`, or for
 * `create` a `parent` ending in `/workflows/child`. In source order, without duplicates.
 */
export function calledWorkflowIds(workflow: Workflow): string[] {
  const ids = new Set<string>();
  const visit = (steps: Step[]): void => {
    for (const step of steps) {
      if (step.kind === 'call' && isChildExecutionCall(step.call.value)) {
        const id = childWorkflowId(step.args);
        if (id) ids.add(id);
      }
      for (const nested of nestedSteps(step)) visit(nested);
    }
  };
  for (const routine of workflow.routines) visit(routine.steps);
  return [...ids];
}

function nestedSteps(step: Step): Step[][] {
  switch (step.kind) {
    case 'steps':
      return [step.steps];
    case 'for':
      return [step.for.steps];
    case 'parallel':
      return [...(step.parallel.branches ?? []).map((b) => b.steps), ...(step.parallel.for ? [step.parallel.for.steps] : [])];
    case 'try':
      return [step.try, ...(step.except ? [step.except.steps] : [])];
    case 'switch':
      return step.cases.flatMap((c) => [...(c.steps ? [c.steps] : []), ...(c.inline ? [[c.inline]] : [])]);
    default:
      return [];
  }
}
