/**
 * Connector methods known to the catalogue, for argument checking and completion. Only the
 * Workflow Executions connector is listed in full (WORKFLOWS-LANGUAGE.md §5); any other name of
 * connector shape is accepted without argument checks (see `isConnectorName`).
 */
import type { ConnectorMethod, StdlibErrorTag, StdlibParam } from './types';

const CONNECTOR_PARAMS: StdlibParam = {
  name: 'connector_params',
  optional: true,
  doc: 'Connector options: timeout, polling_policy, skip_polling and scopes.',
};

const CONNECTOR_ERRORS: StdlibErrorTag[] = ['HttpError', 'ConnectionError', 'ConnectionFailedError', 'TimeoutError', 'AuthError', 'TypeError', 'ValueError'];

function executionsMethods(version: 'v1' | 'v1beta'): ConnectorMethod[] {
  const prefix = `googleapis.workflowexecutions.${version}.projects.locations.workflows.executions`;
  const view: StdlibParam = { name: 'view', optional: true, doc: 'FULL or BASIC: how much of each execution to return.' };
  return [
    {
      name: `${prefix}.run`,
      params: [
        { name: 'workflow_id', doc: 'The ID of the workflow to run.' },
        { name: 'location', optional: true, doc: "The workflow's location; the caller's location by default." },
        { name: 'project_id', optional: true, doc: "The workflow's project; the caller's project by default." },
        { name: 'argument', optional: true, doc: 'The runtime argument as a value (not a JSON string).' },
        ...(version === 'v1' ? [{ name: 'callLogLevel', optional: true, doc: 'LOG_ALL_CALLS, LOG_ERRORS_ONLY or LOG_NONE.' }] : []),
        CONNECTOR_PARAMS,
      ],
      returns: 'any',
      doc: "Runs a workflow, waits for it to finish and returns its decoded result; a failed or cancelled run raises an OperationError.",
      errors: ['OperationError', ...CONNECTOR_ERRORS],
    },
    {
      name: `${prefix}.create`,
      params: [
        { name: 'parent', doc: 'The workflow: projects/P/locations/L/workflows/W.' },
        { name: 'body', doc: 'The Execution to create; its argument is a JSON string.' },
        CONNECTOR_PARAMS,
      ],
      returns: 'Execution',
      doc: 'Creates an execution of the latest workflow revision and returns it without waiting.',
      errors: CONNECTOR_ERRORS,
    },
    {
      name: `${prefix}.get`,
      params: [{ name: 'name', doc: 'The execution: projects/P/locations/L/workflows/W/executions/E.' }, view, CONNECTOR_PARAMS],
      returns: 'Execution',
      doc: 'Returns an execution.',
      errors: CONNECTOR_ERRORS,
    },
    {
      name: `${prefix}.list`,
      params: [
        { name: 'parent', doc: 'The workflow: projects/P/locations/L/workflows/W.' },
        { name: 'pageSize', optional: true, doc: 'The maximum number of executions to return.' },
        { name: 'pageToken', optional: true, doc: 'The token of the page to return.' },
        view,
        { name: 'filter', optional: true, doc: 'A filter expression on execution fields.' },
        { name: 'orderBy', optional: true, doc: 'The sort order, newest start time first by default.' },
        CONNECTOR_PARAMS,
      ],
      returns: 'map{executions, nextPageToken}',
      doc: 'Lists executions of a workflow, newest first.',
      errors: CONNECTOR_ERRORS,
    },
    {
      name: `${prefix}.cancel`,
      params: [
        { name: 'name', doc: 'The execution: projects/P/locations/L/workflows/W/executions/E.' },
        { name: 'body', optional: true, doc: 'An empty cancel request.' },
        CONNECTOR_PARAMS,
      ],
      returns: 'Execution',
      doc: 'Cancels a running execution and returns it.',
      errors: CONNECTOR_ERRORS,
    },
  ];
}

/** Connector methods with known arguments. */
export const CONNECTOR_TABLE: readonly ConnectorMethod[] = [...executionsMethods('v1'), ...executionsMethods('v1beta')];
