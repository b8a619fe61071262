/**
 * The calls by which a workflow starts another workflow's execution, and the child's ID when the
 * call names it literally. One home for the rule: the deployer, the Executions view and the graph
 * read it from here.
 */
import type { Value } from './types';

/** Google's rule: a letter first, then letters, digits, `_` or `-`, ending with a letter or digit, at most 64 characters. */
export const WORKFLOW_ID = /^[A-Za-z](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$/;

/** The connector calls that start another workflow's execution. */
const START_CALL = /^googleapis\.workflowexecutions\.(?:v1|v1beta)\.projects\.locations\.workflows\.executions\.(run|create)$|^experimental\.executions\.run$/;

/** Whether calling `name` starts a child workflow execution (`executions.run`/`create`, `experimental.executions.run`). */
export function isChildExecutionCall(name: string): boolean {
  return START_CALL.test(name);
}

/**
 * The workflow ID a child-execution call's `args` name literally: `workflow_id: child`, or for
 * `create` a `parent` ending in `/workflows/child` (also inside an expression such as
 * `${"projects/" + p + "/locations/l/workflows/child"}`). Undefined when it is computed.
 */
export function childWorkflowId(args: Value | undefined): string | undefined {
  if (args?.kind !== 'map') return undefined;
  for (const { key, value } of args.entries) {
    if (key.kind !== 'scalar') continue;
    if (key.value === 'workflow_id' && value.kind === 'scalar' && typeof value.value === 'string' && WORKFLOW_ID.test(value.value)) return value.value;
    if (key.value === 'parent') {
      const text = value.kind === 'scalar' && typeof value.value === 'string' ? value.value : value.kind === 'expr' ? value.source : '';
      const match = /\/workflows\/([A-Za-z][A-Za-z0-9_-]*)"?\s*}?\s*$/.exec(text);
      if (match && WORKFLOW_ID.test(match[1])) return match[1];
    }
  }
  return undefined;
}
