/**
 * One running execution: builds its `ExecutionHost` (the emulator's clock, HTTP client and
 * connectors, the execution's identity) and runs the engine, recording step entries and current
 * steps as they come. Ends exactly once, through `onFinish`, unless abandoned (a simulated crash).
 */
import { setMaxListeners } from 'node:events';
import type { JsonValue } from '../engine/value';
import type { Workflow } from '../core/model/types';
import { runWorkflow } from '../engine';
import type { Clock, ConnectorHandler, ExecutionEnv, ExecutionHost, ExecutionOutcome, HttpClient, StepEntryEvent } from '../engine/host';
import type { CallInterceptor } from '../engine/intercept';
import type { DebugHook } from '../engine/debug/hook';
import { appendLog } from './executionLogs';
import { parseExecutionName } from './names';
import type { ExecutionErrorRecord, ExecutionRecord, WorkflowRevision } from './records';

/** What every run shares, from the emulator. */
export interface RunServices {
  clock: Clock;
  http: HttpClient;
  connectors: ConnectorHandler;
  /** `sys.log` output of every execution (also kept with the execution, see `executionLogs.ts`). */
  onLog?(execution: string, entry: { severity: string; payload: JsonValue }): void;
  /** Answers calls of an execution before the runtime does (workflow tests' mocks). */
  interceptor?(execution: string): CallInterceptor | undefined;
  debug?: DebugHook;
  /** The history level of executions whose workflow and request leave it unspecified. */
  defaultHistoryLevel?: 'EXECUTION_HISTORY_BASIC' | 'EXECUTION_HISTORY_DETAILED';
}

export type FailedOutcome = { state: 'FAILED' | 'CANCELLED'; error: ExecutionErrorRecord };
export type FinalOutcome = { state: 'SUCCEEDED'; result: string } | FailedOutcome;

/** How long a cancelled or stopped run may take to unwind before it is ended without it (real ms). */
const UNWIND_MS = 2000;

export class ActiveRun {
  /** Resolves once the run has ended (or been abandoned). */
  readonly done: Promise<void>;
  private resolveDone!: () => void;
  private readonly controller = new AbortController();
  private readonly entryIndex = new Map<number, number>();
  private ended = false;
  /** Set by cancel/stop: the outcome to record whatever the engine reports after the abort. */
  private forced: FailedOutcome | undefined;
  /** On cancel, the engine's own CANCELLED outcome (with its stack) wins over the forced one. */
  private preferEngine = false;

  constructor(
    readonly record: ExecutionRecord,
    private readonly workflow: Workflow,
    private readonly revision: WorkflowRevision,
    private readonly services: RunServices,
    private readonly onFinish: (outcome: FinalOutcome) => void,
  ) {
    // The engine and every child wait of a parallel step listen on this signal at once.
    setMaxListeners(0, this.controller.signal);
    this.done = new Promise<void>((resolve) => (this.resolveDone = resolve));
  }

  start(): void {
    const host = this.host();
    runWorkflow(this.workflow, this.record.argument, host).then(
      (outcome: ExecutionOutcome) => this.end(toFinal(outcome)),
      (err: unknown) => this.end(internalFailure(err)),
    );
  }

  /** Aborts the engine and records CANCELLED. */
  async cancel(): Promise<void> {
    const message = 'Execution was cancelled.';
    this.forced = { state: 'CANCELLED', error: { payload: JSON.stringify(message), context: message, stackTrace: [] } };
    this.preferEngine = true;
    await this.abortAndWait(this.forced);
  }

  /** Aborts the engine and records `error` as a failure (the emulator is closing). */
  async stop(error: ExecutionErrorRecord): Promise<void> {
    this.forced = { state: 'FAILED', error };
    await this.abortAndWait(this.forced);
  }

  /** Aborts the engine and records nothing more. */
  abandon(): void {
    this.ended = true;
    this.controller.abort(new Error('abandoned'));
    this.resolveDone();
  }

  private async abortAndWait(outcome: FailedOutcome): Promise<void> {
    this.controller.abort(new Error(outcome.error.context));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, UNWIND_MS)));
    await Promise.race([this.done, late]);
    clearTimeout(timer);
    this.end(outcome);
  }

  private end(outcome: FinalOutcome): void {
    if (this.ended) return;
    this.ended = true;
    const engineAgrees = this.preferEngine && this.forced?.state === outcome.state;
    this.onFinish(this.forced && !engineAgrees ? this.forced : outcome);
    this.resolveDone();
  }

  private host(): ExecutionHost {
    return {
      clock: this.services.clock,
      http: this.services.http,
      connectors: this.services.connectors,
      env: this.env(),
      signal: this.controller.signal,
      onStepEntry: (entry) => this.recordStep(entry),
      onCurrentSteps: (steps) => {
        if (!this.ended) this.record.currentSteps = steps.map((s) => ({ routine: s.routine, step: s.step }));
      },
      onLog: (entry) => {
        if (!this.ended) appendLog(this.record, this.services.clock.now(), entry);
        this.services.onLog?.(this.record.name, entry);
      },
      recordVariables: this.record.executionHistoryLevel === 'EXECUTION_HISTORY_DETAILED',
      interceptor: this.services.interceptor?.(this.record.name),
      debug: this.services.debug,
    };
  }

  private env(): ExecutionEnv {
    const name = parseExecutionName(this.record.name);
    return {
      projectId: name.project,
      projectNumber: '000000000000',
      location: name.location,
      workflowId: name.workflowId,
      revisionId: this.record.workflowRevisionId,
      executionId: name.executionId,
      serviceAccount: this.revision.serviceAccount.replace(/^projects\/[^/]+\/serviceAccounts\//, ''),
      userEnvVars: { ...this.revision.userEnvVars },
    };
  }

  private recordStep(entry: StepEntryEvent): void {
    if (this.ended) return;
    const copy = { ...entry };
    const at = this.entryIndex.get(entry.entryId);
    if (at === undefined) {
      this.entryIndex.set(entry.entryId, this.record.stepEntries.length);
      this.record.stepEntries.push(copy);
    } else {
      this.record.stepEntries[at] = copy;
    }
  }
}

function toFinal(outcome: ExecutionOutcome): FinalOutcome {
  if (outcome.state === 'SUCCEEDED') return { state: 'SUCCEEDED', result: outcome.result };
  return { state: outcome.state, error: { ...outcome.error, stackTrace: [...outcome.error.stackTrace] } };
}

/** A JavaScript exception escaping the engine is a bug; the execution still ends, FAILED, saying so. */
function internalFailure(err: unknown): FinalOutcome {
  const message = `Internal error in the local emulator: ${err instanceof Error ? err.message : String(err)}`;
  return { state: 'FAILED', error: { payload: JSON.stringify({ message, tags: ['SystemError'] }), context: message, stackTrace: [] } };
}
