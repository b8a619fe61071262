/**
 * `experimental.executions.run` and `.map`. Both start child executions through the host's
 * Workflow Executions connector (`googleapis.workflowexecutions.v1.projects.locations.workflows
 * .executions.run`), with the documented 30-minute limit as the connector timeout. A child that
 * fails raises the connector's error with `ExecutionError` added first to its tags, as the
 * experimental API documents that tag. `map` starts every child at once, waits for all, and
 * raises the failure of the first failed argument in list order.
 */
import { WorkflowError } from '../errors';
import { toJson } from '../json';
import type { JsonValue, Value } from '../value';
import { Args } from './args';
import { callConnector } from './connectorCall';
import type { NativeContext, NativeFunction } from './context';

export const RUN_CONNECTOR = 'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run';

const TIMEOUT_SECONDS = 1800;

function withExecutionErrorTag(error: unknown): unknown {
  if (!(error instanceof WorkflowError) || !(error.value instanceof Map)) return error;
  const tags = error.value.get('tags');
  if (!Array.isArray(tags) || !tags.includes('OperationError')) return error;
  const value = new Map(error.value);
  value.set('tags', ['ExecutionError', ...tags]);
  return new WorkflowError(value, error.uncatchable);
}

async function runChild(ctx: NativeContext, a: Args, workflowId: string, argument: Value | undefined): Promise<Value> {
  const args: Record<string, JsonValue> = { workflow_id: workflowId, connector_params: { timeout: TIMEOUT_SECONDS } };
  const location = a.optionalString('location', null);
  const projectId = a.optionalString('project_id', null);
  if (location !== null) args.location = location;
  if (projectId !== null) args.project_id = projectId;
  if (argument !== undefined && argument !== null) {
    if (argument instanceof Uint8Array) a.typeError('argument', 'an integer, double, boolean, string, list or map', argument);
    args.argument = toJson(argument);
  }
  try {
    return await callConnector(ctx, RUN_CONNECTOR, args);
  } catch (e) {
    throw withExecutionErrorTag(e);
  }
}

const run: NativeFunction = (values, ctx) => {
  const a = new Args('experimental.executions.run', values);
  return runChild(ctx, a, a.string('workflow_id'), a.optional('argument'));
};

const map: NativeFunction = async (values, ctx) => {
  const a = new Args('experimental.executions.map', values);
  const workflowId = a.string('workflow_id');
  const list = a.list('arguments');
  const settled = await Promise.allSettled(list.map((arg) => runChild(ctx, a, workflowId, arg)));
  return settled.map((s) => {
    if (s.status === 'rejected') throw s.reason;
    return s.value;
  });
};

export const EXECUTIONS_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['experimental.executions.run', run],
  ['experimental.executions.map', map],
]);
