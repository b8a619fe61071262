/**
 * What the engine needs from the world, injected by whoever runs it (the emulator, the CLI, tests).
 * The engine itself never reads the real clock, the network or the store directly.
 */
import type { CallInterceptor } from './intercept';
import type { DebugHook } from './debug/hook';
import type { JsonValue } from './value';

/** Time for `sys.now`, `sys.sleep`, retry backoff and timestamps. */
export interface Clock {
  /** Milliseconds since the Unix epoch (may be fractional). */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** Milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * Sends HTTP requests for `http.*`. Implementations apply the network policy (which hosts a local
 * run may reach) and throw `WorkflowError`s tagged ConnectionFailedError / ConnectionError /
 * TimeoutError for transport failures. Non-2xx statuses are returned, not thrown.
 */
export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** Identity of the running execution, for `sys.get_env` and connector defaults. */
export interface ExecutionEnv {
  projectId: string;
  projectNumber: string;
  location: string;
  workflowId: string;
  revisionId: string;
  executionId: string;
  serviceAccount: string;
  /** User-defined environment variables of the workflow (`userEnvVars`). */
  userEnvVars: Record<string, string>;
}

/**
 * Handles `googleapis.*` connector calls. `args` are the step's arguments as JSON data, where an
 * integer beyond ±2^53 is a `bigint` (write such data with `encodeJsonData`, never
 * `JSON.stringify`); the result is JSON data in the same form (`decodeJsonData` reads JSON text
 * exactly). Returns the connector's result, or throws a `WorkflowError` (e.g. OperationError for a failed child execution, or a
 * "not available in the local emulator" error for connectors the host does not provide).
 */
export interface ConnectorHandler {
  call(name: string, args: Record<string, JsonValue>, context: ConnectorContext): Promise<JsonValue>;
}

export interface ConnectorContext {
  env: ExecutionEnv;
  signal: AbortSignal;
  clock: Clock;
}

/** Step types and states as the Executions API's stepEntries report them. */
export type StepType =
  | 'STEP_ASSIGN'
  | 'STEP_CALL'
  | 'STEP_SWITCH'
  | 'STEP_CONDITION'
  | 'STEP_FOR'
  | 'STEP_FOR_ITERATION'
  | 'STEP_PARALLEL_FOR'
  | 'STEP_PARALLEL_BRANCH'
  | 'STEP_PARALLEL_BRANCH_ENTRY'
  | 'STEP_TRY_RETRY_EXCEPT'
  | 'STEP_TRY'
  | 'STEP_RETRY'
  | 'STEP_EXCEPT'
  | 'STEP_RETURN'
  | 'STEP_RAISE'
  | 'STEP_GOTO';

export type StepState = 'STATE_IN_PROGRESS' | 'STATE_SUCCEEDED' | 'STATE_FAILED';

export type ProgressType =
  | 'PROGRESS_TYPE_FOR'
  | 'PROGRESS_TYPE_SWITCH'
  | 'PROGRESS_TYPE_RETRY'
  | 'PROGRESS_TYPE_PARALLEL_FOR'
  | 'PROGRESS_TYPE_PARALLEL_BRANCH';

/**
 * One step entry event. The engine emits an entry when a step starts (STATE_IN_PROGRESS) and
 * emits it again with the same `entryId` when it ends; the store keeps the latest version.
 */
export interface StepEntryEvent {
  entryId: number;
  routine: string;
  step: string;
  stepType: StepType;
  state: StepState;
  /** Milliseconds since the epoch, from the injected clock. */
  createTime: number;
  updateTime: number;
  /** JSON text of the error value, for failed steps. */
  exceptionPayload?: string;
  /** Parallel thread, `""` on the main thread; nested threads as `"1.2"`. */
  threadId: string;
  progressType?: ProgressType;
  progressNumber?: number;
  /** How many iterations (or branches) the step's progress expects, when known at its start. */
  expectedIteration?: number;
  parentEntryId?: number;
  /**
   * JSON text of a map of the variables in scope when the step ended (`variableData.variables`),
   * only when the host asked for them with `recordVariables`. See `stepVariables.ts`.
   */
  variables?: string;
}

/** Where a failure happened, for `error.stackTrace` and `error.context`. */
export interface StackFrame {
  routine: string;
  step: string;
  /** 1-based line and column of the step in the source, and the length of its name. */
  line: number;
  column: number;
  length: number;
}

export type ExecutionOutcome =
  | { state: 'SUCCEEDED'; result: string /* JSON text */ }
  | {
      state: 'FAILED' | 'CANCELLED';
      error: {
        /** JSON text of the error value. */
        payload: string;
        /** Human-readable trace, e.g. `<message>\nin step "x", routine "main", line: 12`. */
        context: string;
        stackTrace: StackFrame[];
      };
      /**
       * Set when the engine refused a structure Google rejects at deploy time (see `Refusal` in
       * `errors.ts`): the rule and the source offsets. Not part of the Executions API.
       */
      refusal?: { rule: string; span: { start: number; end: number } };
    };

export interface ExecutionHost {
  clock: Clock;
  http: HttpClient;
  connectors: ConnectorHandler;
  env: ExecutionEnv;
  /** Aborted when the execution is cancelled. */
  signal: AbortSignal;
  /** Receives step history; optional. */
  onStepEntry?(entry: StepEntryEvent): void;
  /**
   * Detailed execution history: when true, finished step entries carry the variables in scope
   * (`StepEntryEvent.variables`). Off by default, so a basic run never snapshots its variables.
   */
  recordVariables?: boolean;
  /** Receives the steps currently executing, for `status.currentSteps`. */
  onCurrentSteps?(steps: { routine: string; step: string }[]): void;
  /** Receives `sys.log` output. */
  onLog?(entry: { severity: string; payload: JsonValue }): void;
  /** Answers calls before the runtime does (workflow tests' mocks); optional. */
  interceptor?: CallInterceptor;
  /** A debugger: pauses before steps and sees raised errors (src/engine/debug/hook.ts); optional. */
  debug?: DebugHook;
}
