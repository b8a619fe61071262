/**
 * Workflow IDs from file names, and the calls by which a parent starts children. Pure: no
 * `vscode` import.
 */
import type { Workflow } from '../../core/model/types';
import { WORKFLOW_ID, workflowReferences } from '../../core/validate/childWorkflows';
import { workflowIdOfPath } from '../../core/language/workspaceIndex';

/** `workflow-parent.yaml` → `workflow-parent`; `orders.workflows.yaml` → `orders` (the core's rule, shared with the language server). */
export function workflowIdFromPath(file: string): string {
  return workflowIdOfPath(file);
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
  return [...new Set(workflowReferences(workflow).filter((r) => r.starts).map((r) => r.id))];
}
