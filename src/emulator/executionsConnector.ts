/**
 * The connectors a locally run workflow can call: the Workflow Executions connector
 * (`googleapis.workflowexecutions.{v1,v1beta}.projects.locations.workflows.executions.*`)
 * (the engine routes `experimental.executions.run` here too): `run` and `create` start REAL
 * executions in this emulator, each with its own name, listed like any other. Callbacks
 * (`events.*`) are served by `callbacks.ts`. Every other connector goes to the live connectors
 * when they are enabled (`engine/connectors/liveConnectors.ts`), and raises a catchable error
 * naming both ways out otherwise.
 */
import { WorkflowError, workflowError } from '../engine/errors';
import type { Clock, ConnectorContext, ConnectorHandler } from '../engine/host';
import { decodeJsonData, encodeJsonData, fromJson } from '../engine/json';
import type { JsonValue, Value, WfMap } from '../engine/value';
import { ApiError } from './apiError';
import type { Callbacks } from './callbacks';
import type { ExecutionsApi } from './executionsApi';
import { workflowName } from './names';
import type { ExecutionRecord } from './records';
import { executionResource } from './resources';
import type { ExecutionView, Json } from './resources';

const EXECUTIONS = /^googleapis\.workflowexecutions\.(?:v1|v1beta)\.projects\.locations\.workflows\.executions\.(run|create|get|list|cancel)$/;

/** Connector default: 1800 s [D]. */
const DEFAULT_TIMEOUT_S = 1800;

/**
 * [R] Message of the OperationError raised when a child run fails or is cancelled (Google's text
 * is not documented; this is the commonly reported one).
 */
export const CHILD_FAILED_MESSAGE = 'Execution failed or cancelled.';

type Args = Record<string, JsonValue>;

/** Why a connector call fails in a local run without live connectors, and the two ways out. */
export function notLocalMessage(name: string): string {
  return (
    `${name} does not run locally: mock it in a workflow test, or enable live connectors ` +
    '(setting cloudWorkflows.emulator.liveConnectors, or --live-connectors on the command line) to call the real Google API with your credentials.'
  );
}

export class ExecutionsConnector implements ConnectorHandler {
  constructor(
    private readonly executions: () => ExecutionsApi,
    private readonly clock: Clock,
    /** The callback registry and the emulator's URL (undefined when it serves no HTTP). */
    private readonly callbacks: () => { registry: Callbacks; baseUrl?: string },
    /** Live connector calls to Google's APIs, when enabled. */
    private readonly live?: ConnectorHandler,
  ) {}

  async call(name: string, args: Args, context: ConnectorContext): Promise<JsonValue> {
    if (name === 'events.create_callback_endpoint' || name === 'events.await_callback') return this.callback(name, args, context);
    switch (EXECUTIONS.exec(name)?.[1]) {
      case 'run':
        return this.run(args, context);
      case 'create':
        return this.api(() => this.executions().create(requiredString(args, 'parent'), bodyOf(args), { parentExecution: parentOf(context) }));
      case 'get':
        return this.api(() => this.executions().get(requiredString(args, 'name'), viewOf(args)));
      case 'list':
        return this.api(() =>
          this.executions().list(requiredString(args, 'parent'), {
            pageSize: optionalNumber(args, 'pageSize'),
            pageToken: optionalString(args, 'pageToken'),
            filter: optionalString(args, 'filter'),
            orderBy: optionalString(args, 'orderBy'),
            view: viewOf(args) ?? 'BASIC',
          }),
        );
      case 'cancel':
        return this.apiAsync(() => this.executions().cancel(requiredString(args, 'name')));
      default:
        if (this.live) return this.live.call(name, args, context);
        throw workflowError('SystemError', notLocalMessage(name));
    }
  }

  private async callback(name: string, args: Args, context: ConnectorContext): Promise<JsonValue> {
    const { registry, baseUrl } = this.callbacks();
    if (!baseUrl) {
      throw workflowError('SystemError', `${name} needs the emulator's HTTP server: run the workflow on \`cloud-workflows emulator\` to receive callbacks.`);
    }
    if (name === 'events.create_callback_endpoint') return registry.create(parentOf(context), optionalString(args, 'http_callback_method') ?? 'POST', baseUrl);
    const callback = args.callback;
    const url = callback && typeof callback === 'object' && !Array.isArray(callback) ? callback.url : undefined;
    if (typeof url !== 'string') throw workflowError('ValueError', 'the callback map has no "url"');
    return registry.await(parentOf(context), url, optionalNumber(args, 'timeout') ?? 43_200, context.signal);
  }

  /** Starts a child execution and waits for it; returns its result decoded from JSON. */
  private async run(args: Args, context: ConnectorContext): Promise<JsonValue> {
    const workflowId = requiredString(args, 'workflow_id');
    const project = optionalString(args, 'project_id') ?? context.env.projectId;
    const location = optionalString(args, 'location') ?? context.env.location;
    const params = args.connector_params;
    const options = params && typeof params === 'object' && !Array.isArray(params) ? params : {};
    const timeoutS = typeof options.timeout === 'number' ? options.timeout : DEFAULT_TIMEOUT_S;
    const body: Json = {};
    if (args.argument !== undefined) body.argument = encodeJsonData(args.argument);
    if (args.callLogLevel !== undefined) body.callLogLevel = args.callLogLevel;
    let childName: string;
    try {
      childName = String(this.executions().create(workflowName(project, location, workflowId), body, { parentExecution: parentOf(context) }).name);
    } catch (err) {
      throw asWorkflowError(err);
    }
    if (options.skip_polling === true) return null;
    const record = await this.waitWithTimeout(childName, timeoutS, context);
    if (record.state === 'SUCCEEDED') return decodeJsonData(record.result ?? 'null');
    const operation = fromJson(executionResource(record, 'FULL', this.clock.now()));
    const map: WfMap = new Map<string, Value>([
      ['message', CHILD_FAILED_MESSAGE],
      ['tags', ['OperationError']],
      ['operation', operation],
    ]);
    throw new WorkflowError(map);
  }

  /**
   * Waits on the emulator's clock, so a virtual clock times out in virtual time. The timer is
   * cancelled as soon as the child ends, so it never holds virtual time back or pushes it ahead.
   */
  private async waitWithTimeout(name: string, timeoutS: number, context: ConnectorContext): Promise<ExecutionRecord> {
    const timer = new AbortController();
    const onParentAbort = (): void => timer.abort(context.signal.reason);
    context.signal.addEventListener('abort', onParentAbort, { once: true });
    try {
      const timedOut = this.clock.sleep(timeoutS * 1000, timer.signal).then(
        () => 'timeout' as const,
        () => 'aborted' as const,
      );
      const ended = this.executions().wait(name);
      const first = await Promise.race([ended, timedOut]);
      if (first === 'timeout') throw workflowError('TimeoutError', `The child execution ${name} did not finish within ${timeoutS} seconds.`);
      if (first === 'aborted') throw context.signal.reason ?? new Error('aborted');
      return first;
    } finally {
      context.signal.removeEventListener('abort', onParentAbort);
      timer.abort();
    }
  }

  private api(call: () => Json): JsonValue {
    try {
      return call();
    } catch (err) {
      throw asWorkflowError(err);
    }
  }

  private async apiAsync(call: () => Promise<Json>): Promise<JsonValue> {
    try {
      return await call();
    } catch (err) {
      throw asWorkflowError(err);
    }
  }
}

/** An API refusal becomes the HttpError a connector call would raise against Google. */
function asWorkflowError(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  return workflowError('HttpError', err.message, [
    ['code', BigInt(err.code)],
    ['headers', new Map<string, Value>([['content-type', 'application/json; charset=UTF-8']])],
    ['body', fromJson(err.toBody() as unknown as JsonValue)],
  ]);
}

function parentOf(context: ConnectorContext): string {
  const env = context.env;
  return `projects/${env.projectId}/locations/${env.location}/workflows/${env.workflowId}/executions/${env.executionId}`;
}

function bodyOf(args: Args): Json {
  const body = args.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw workflowError('TypeError', 'body must be a map (an Execution resource)');
  return body;
}

function viewOf(args: Args): ExecutionView | undefined {
  const view = args.view;
  if (view === undefined) return undefined;
  if (view === 'BASIC' || view === 'FULL') return view;
  throw workflowError('ValueError', `view must be "BASIC" or "FULL", got ${JSON.stringify(view)}`);
}

function requiredString(args: Args, key: string): string {
  const value = args[key];
  if (typeof value !== 'string') throw workflowError('TypeError', `the argument ${key} is required and must be a string`);
  return value;
}

function optionalString(args: Args, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw workflowError('TypeError', `the argument ${key} must be a string`);
  return value;
}

function optionalNumber(args: Args, key: string): number | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw workflowError('TypeError', `the argument ${key} must be a number`);
  return value;
}
