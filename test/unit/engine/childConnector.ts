/**
 * A test-only Workflow Executions connector: `executions.run` runs a sibling workflow source with
 * `runWorkflow` on the same clock, returns its result, or raises OperationError carrying a
 * child Execution resource when the child fails. (The emulator has the real one.)
 */
import { parseWorkflow } from '../../../src/core/model/parse';
import { runWorkflow } from '../../../src/engine';
import { workflowError } from '../../../src/engine/errors';
import type { Clock, ConnectorHandler } from '../../../src/engine/host';
import { decodeJsonData, encodeJsonData, fromJson } from '../../../src/engine/json';
import type { JsonValue } from '../../../src/engine/value';
import { testHost } from './harness';

const RUN = 'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run';

/** `sources(workflowId)` gives the child's source text, or undefined when no such workflow exists. */
export function childConnector(sources: (workflowId: string) => string | undefined, clock: Clock): ConnectorHandler {
  let executions = 0;
  const handler: ConnectorHandler = {
    async call(name, args, context) {
      if (name !== RUN) throw workflowError('SystemError', `Connector ${name} is not available in this test`);
      const workflowId = String(args.workflow_id);
      const source = sources(workflowId);
      if (source === undefined) throw workflowError('HttpError', `Workflow ${workflowId} not found`, [['code', 404n]]);
      const argument = args.argument === undefined ? undefined : encodeJsonData(args.argument);
      const id = `child-${++executions}`;
      const outcome = await runWorkflow(parseWorkflow(source), argument, { ...testHost({ clock, connectors: handler, signal: context.signal }) });
      if (outcome.state === 'SUCCEEDED') return decodeJsonData(outcome.result);
      const operation: JsonValue = {
        name: `projects/${context.env.projectId}/locations/${context.env.location}/workflows/${workflowId}/executions/${id}`,
        state: outcome.state,
        argument: argument ?? 'null',
        error: {
          payload: outcome.error.payload,
          context: outcome.error.context,
          stackTrace: {
            elements: outcome.error.stackTrace.map((f) => ({
              step: f.step,
              routine: f.routine,
              position: { line: String(f.line), column: String(f.column), length: String(f.length) },
            })),
          },
        },
        workflowRevisionId: '000001-abc',
      };
      throw workflowError('OperationError', 'Execution failed or cancelled.', [['operation', fromJson(operation)]]);
    },
  };
  return handler;
}
