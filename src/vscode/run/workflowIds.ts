/**
 * Workflow IDs from file names, and the calls by which a parent starts children. Pure: no
 * `vscode` import.
 */
import * as path from 'node:path';
import type { Workflow } from '../../core/model/types';
import { WORKFLOW_ID, workflowReferences } from '../../core/validate/childWorkflows';

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
  return [...new Set(workflowReferences(workflow).filter((r) => r.starts).map((r) => r.id))];
}
