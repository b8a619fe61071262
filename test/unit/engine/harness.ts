/**
 * Test harness for the engine: parses YAML, runs it on a virtual clock with stub HTTP and
 * connectors, and returns the outcome with the result or error decoded for whole-value asserts.
 */
import { parseWorkflow } from '../../../src/core/model/parse';
import { VirtualClock, runWorkflow, type Limits } from '../../../src/engine';
import { workflowError } from '../../../src/engine/errors';
import type { Clock, ConnectorHandler, ExecutionHost, ExecutionOutcome, HttpClient, StepEntryEvent } from '../../../src/engine/host';
import type { JsonValue } from '../../../src/engine/value';

export interface RunResult {
  outcome: ExecutionOutcome;
  /** The decoded result when SUCCEEDED. */
  result?: unknown;
  /** The decoded error payload when FAILED or CANCELLED. */
  error?: unknown;
  entries: StepEntryEvent[];
  logs: { severity: string; payload: JsonValue }[];
  clock: Clock;
}

export interface HarnessOptions {
  /** The argument as JSON text, used instead of `JSON.stringify(argument)` (for exact big ints). */
  argumentJson?: string;
  clock?: Clock;
  limits?: Partial<Limits>;
  connectors?: ConnectorHandler;
  http?: HttpClient;
  signal?: AbortSignal;
  onCurrentSteps?: ExecutionHost['onCurrentSteps'];
  /** Detailed history: finished entries carry the variables in scope. */
  recordVariables?: boolean;
}

export const TEST_ENV = {
  projectId: 'test-project',
  projectNumber: '123456789',
  location: 'us-central1',
  workflowId: 'test-workflow',
  revisionId: '000001-abc',
  executionId: 'exec-1',
  serviceAccount: 'sa@test-project.iam.gserviceaccount.com',
  userEnvVars: {},
};

const noHttp: HttpClient = {
  send: () => Promise.reject(workflowError('ConnectionFailedError', 'No network in this test')),
};

const noConnectors: ConnectorHandler = {
  call: (name) => Promise.reject(workflowError('SystemError', `Connector ${name} is not available in this test`)),
};

/** Builds a host around a clock and optional handlers. */
export function testHost(options: HarnessOptions = {}, entries: StepEntryEvent[] = [], logs: RunResult['logs'] = []): ExecutionHost {
  return {
    clock: options.clock ?? new VirtualClock(),
    http: options.http ?? noHttp,
    connectors: options.connectors ?? noConnectors,
    env: TEST_ENV,
    signal: options.signal ?? new AbortController().signal,
    onStepEntry: (e) => entries.push(e),
    onCurrentSteps: options.onCurrentSteps,
    onLog: (l) => logs.push(l),
    recordVariables: options.recordVariables,
  };
}

/** Runs YAML (or JSON) source and decodes the outcome. */
export async function run(source: string, argument?: unknown, options: HarnessOptions = {}): Promise<RunResult> {
  const workflow = parseWorkflow(source);
  if (workflow.problems.length > 0) throw new Error(`Test workflow does not parse: ${JSON.stringify(workflow.problems[0])}`);
  const entries: StepEntryEvent[] = [];
  const logs: RunResult['logs'] = [];
  const host = testHost(options, entries, logs);
  const argumentJson = options.argumentJson ?? (argument === undefined ? undefined : JSON.stringify(argument));
  const outcome = await runWorkflow(workflow, argumentJson, host, { limits: options.limits });
  const out: RunResult = { outcome, entries, logs, clock: host.clock };
  if (outcome.state === 'SUCCEEDED') out.result = JSON.parse(outcome.result);
  else out.error = JSON.parse(outcome.error.payload);
  return out;
}

/** The result of a workflow that must succeed. */
export async function result(source: string, argument?: unknown, options?: HarnessOptions): Promise<unknown> {
  const r = await run(source, argument, options);
  if (r.outcome.state !== 'SUCCEEDED') throw new Error(`Expected success, got ${r.outcome.state}: ${r.outcome.error.payload}`);
  return r.result;
}

/** The decoded error of a workflow that must fail. */
export async function failure(source: string, argument?: unknown, options?: HarnessOptions): Promise<unknown> {
  const r = await run(source, argument, options);
  if (r.outcome.state === 'SUCCEEDED') throw new Error(`Expected failure, got result ${r.outcome.result}`);
  return r.error;
}

/** Wraps an expression in a one-step workflow returning it. */
export function expr(text: string): string {
  return `- r:\n    return: ${JSON.stringify('${' + text + '}')}\n`;
}
