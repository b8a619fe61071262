/**
 * Resource names of the Workflows and Executions APIs, checked before they are used as store keys
 * or file paths (ids are restricted to safe characters, so no name can escape the data directory).
 */
import { invalidArgument } from './apiError';

const PROJECT = /^[a-z0-9][a-z0-9-]{0,62}$/;
const LOCATION = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Google: letters, digits, `_` and `-`; starts with a letter; ends with a letter or digit; ≤ 64. */
const WORKFLOW_ID = /^[A-Za-z](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$/;
const EXECUTION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export interface ParentName {
  project: string;
  location: string;
}

export interface WorkflowName extends ParentName {
  workflowId: string;
}

export interface ExecutionName extends WorkflowName {
  executionId: string;
}

export function parentName(project: string, location: string): string {
  checkParent(project, location);
  return `projects/${project}/locations/${location}`;
}

export function workflowName(project: string, location: string, workflowId: string): string {
  checkWorkflowId(workflowId);
  return `${parentName(project, location)}/workflows/${workflowId}`;
}

export function checkParent(project: string, location: string): void {
  if (!PROJECT.test(project)) throw invalidArgument(`Invalid project "${project}".`);
  if (!LOCATION.test(location)) throw invalidArgument(`Invalid location "${location}".`);
}

export function checkWorkflowId(workflowId: string): void {
  if (!WORKFLOW_ID.test(workflowId)) {
    throw invalidArgument(
      `Invalid workflow ID "${workflowId}": it must have 1 to 64 letters, digits, underscores or hyphens, start with a letter and end with a letter or digit.`,
    );
  }
}

export function checkExecutionId(executionId: string): void {
  if (!EXECUTION_ID.test(executionId)) throw invalidArgument(`Invalid execution ID "${executionId}".`);
}

/** Splits `projects/P/locations/L/workflows/W`; throws 400 when it is not one. */
export function parseWorkflowName(name: string): WorkflowName {
  const m = /^projects\/([^/]+)\/locations\/([^/]+)\/workflows\/([^/]+)$/.exec(name);
  if (!m) throw invalidArgument(`Invalid workflow name "${name}": expected projects/PROJECT/locations/LOCATION/workflows/WORKFLOW.`);
  checkParent(m[1], m[2]);
  checkWorkflowId(m[3]);
  return { project: m[1], location: m[2], workflowId: m[3] };
}

/** Splits `projects/P/locations/L/workflows/W/executions/E`; throws 400 when it is not one. */
export function parseExecutionName(name: string): ExecutionName {
  const m = /^(projects\/[^/]+\/locations\/[^/]+\/workflows\/[^/]+)\/executions\/([^/]+)$/.exec(name);
  if (!m) {
    throw invalidArgument(`Invalid execution name "${name}": expected projects/PROJECT/locations/LOCATION/workflows/WORKFLOW/executions/EXECUTION.`);
  }
  checkExecutionId(m[2]);
  return { ...parseWorkflowName(m[1]), executionId: m[2] };
}

/** The workflow an execution belongs to. */
export function workflowOfExecution(executionName: string): string {
  return executionName.slice(0, executionName.lastIndexOf('/executions/'));
}
