/**
 * Executions v1: create, get, list, cancel, and step entries. Each created execution runs at once
 * on the engine (see `executionRun.ts`); its record is saved when it starts and when it ends.
 */
import { randomUUID } from 'node:crypto';
import { PARENT_EXECUTION_LABEL, executionIdOf } from '../core/executionLabels';
import { decodeJson } from '../engine/json';
import type { Clock, StepEntryEvent } from '../engine/host';
import { failedPrecondition, invalidArgument, notFound } from './apiError';
import { compileFilter, compileOrderBy, paginate } from './listQuery';
import type { FieldTable } from './listQuery';
import { parseExecutionName } from './names';
import type { ExecutionErrorRecord, ExecutionRecord } from './records';
import { executionResource, stepEntryResource } from './resources';
import type { ExecutionView, Json } from './resources';
import type { Store } from './store';
import { callLogLevel, enumValue, labelMap } from './workflowsApi';
import type { ListOptions, WorkflowsApi } from './workflowsApi';
import { ActiveRun } from './executionRun';
import type { RunServices } from './executionRun';

const EXECUTION_FIELDS: FieldTable<ExecutionRecord> = {
  fields: {
    name: { kind: 'string', get: (r) => r.name },
    executionId: { kind: 'string', get: (r) => r.name.slice(r.name.lastIndexOf('/') + 1) },
    state: { kind: 'string', get: (r) => r.state },
    workflowRevisionId: { kind: 'string', get: (r) => r.workflowRevisionId },
    createTime: { kind: 'time', get: (r) => r.createTime },
    startTime: { kind: 'time', get: (r) => r.startTime },
    endTime: { kind: 'time', get: (r) => r.endTime },
    duration: { kind: 'duration', get: (r) => (r.endTime === undefined ? undefined : r.endTime - r.startTime) },
  },
  label: (r, key) => r.labels[key],
};

const STEP_FIELDS: FieldTable<StepEntryEvent> = {
  fields: {
    entryId: { kind: 'number', get: (e) => e.entryId },
    routine: { kind: 'string', get: (e) => e.routine },
    step: { kind: 'string', get: (e) => e.step },
    stepType: { kind: 'string', get: (e) => e.stepType },
    state: { kind: 'string', get: (e) => e.state },
    parent: { kind: 'number', get: (e) => e.parentEntryId },
    createTime: { kind: 'time', get: (e) => e.createTime },
    updateTime: { kind: 'time', get: (e) => e.updateTime },
  },
};

/**
 * [R] Argument size limit: Google's pages disagree (32 KB on the REST page, 512 KB on the newer
 * runtime-arguments page); the emulator takes the newer, so it never refuses what Google runs.
 */
const MAX_ARGUMENT_BYTES = 512 * 1024;

/** Default number of executions the emulator keeps (see `ExecutionsApi.enforceRetention`). */
export const DEFAULT_MAX_EXECUTIONS = 10_000;

export interface CreateOptions {
  /** The execution whose connector call starts this one. */
  parentExecution?: string;
}

export class ExecutionsApi {
  private readonly runs = new Map<string, ActiveRun>();
  /** Called when an execution has ended (its callbacks stop working). */
  onEnded: (name: string) => void = () => undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly workflows: WorkflowsApi,
    private readonly services: () => RunServices,
    /** The retention limit: at most this many executions are kept (running ones always are). */
    private readonly maxExecutions = DEFAULT_MAX_EXECUTIONS,
  ) {}

  /** Starts an execution of the workflow's latest revision and returns it (state ACTIVE). */
  create(workflowName: string, body: Json, options: CreateOptions = {}): Json {
    const workflow = this.workflows.find(workflowName);
    const argument = body.argument;
    if (argument !== undefined && argument !== null && typeof argument !== 'string') {
      throw invalidArgument('Invalid execution argument: it must be a JSON string, e.g. "{\\"key\\": 1}".');
    }
    if (typeof argument === 'string' && argument !== '') {
      if (Buffer.byteLength(argument) > MAX_ARGUMENT_BYTES) throw invalidArgument(`Invalid execution argument: larger than ${MAX_ARGUMENT_BYTES} bytes.`);
      // The engine's own codec, so that what is accepted here is what the execution will read
      // (an integer beyond int64 is refused now rather than failing the execution later).
      try {
        decodeJson(argument);
      } catch (err) {
        throw invalidArgument(`Invalid execution argument: not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
      }
    }
    enumValue(body.executionHistoryLevel ?? null, ['EXECUTION_HISTORY_LEVEL_UNSPECIFIED', 'EXECUTION_HISTORY_BASIC', 'EXECUTION_HISTORY_DETAILED'], 'executionHistoryLevel');
    const compiled = this.workflows.compiledSource(workflow);
    const now = this.clock.now();
    const level = callLogLevel(body.callLogLevel);
    const record: ExecutionRecord = {
      name: `${workflowName}/executions/${randomUUID()}`,
      createTime: now,
      startTime: now,
      state: 'ACTIVE',
      argument: typeof argument === 'string' && argument !== '' ? argument : undefined,
      workflowRevisionId: compiled.revisionId,
      callLogLevel: level === 'CALL_LOG_LEVEL_UNSPECIFIED' ? compiled.revision.callLogLevel : level,
      labels: { ...compiled.revision.labels, ...labelMap(body.labels), ...parentLabel(options.parentExecution) },
      currentSteps: [],
      parentExecution: options.parentExecution,
      stepEntries: [],
    };
    this.store.saveExecution(record);
    this.enforceRetention();
    const run = new ActiveRun(record, compiled.workflow, compiled.revision, this.services(), (outcome) => this.finish(record, outcome));
    this.runs.set(record.name, run);
    run.start();
    return executionResource(record, 'FULL', now);
  }

  get(name: string, view: ExecutionView = 'FULL'): Json {
    return executionResource(this.find(name), view, this.clock.now());
  }

  list(workflowName: string, options: ListOptions & { view?: ExecutionView }): Json {
    this.workflows.find(workflowName);
    const prefix = `${workflowName}/executions/`;
    const keep = compileFilter(options.filter, EXECUTION_FIELDS);
    const order = compileOrderBy(options.orderBy, EXECUTION_FIELDS, 'createTime desc');
    const all = [...this.store.executions.values()].filter((r) => r.name.startsWith(prefix) && keep(r)).sort(order);
    const view = options.view ?? 'BASIC';
    const page = paginate(all, options.pageSize, options.pageToken, 100, view === 'FULL' ? 100 : 1000);
    const now = this.clock.now();
    const out: Json = { executions: page.items.map((r) => executionResource(r, view, now)) };
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    return out;
  }

  /** Cancels an ACTIVE execution and returns it once it has stopped (state CANCELLED). */
  async cancel(name: string): Promise<Json> {
    const record = this.find(name);
    const run = this.runs.get(name);
    if (record.state !== 'ACTIVE' || !run) throw failedPrecondition(`Execution '${name}' is not active: its state is ${record.state}.`);
    await run.cancel();
    return executionResource(record, 'FULL', this.clock.now());
  }

  /**
   * Emulator extension (Google's API has no such call): deletes an ended execution with its step
   * entries. A running one must be cancelled first (FAILED_PRECONDITION).
   */
  delete(name: string): Json {
    const record = this.find(name);
    if (record.state === 'ACTIVE') throw failedPrecondition(`Execution '${name}' is still running: cancel it before deleting it.`);
    this.store.deleteExecution(name);
    return {};
  }

  /**
   * Keeps memory (and the data folder) bounded: past `maxExecutions`, ended executions are deleted,
   * the oldest (by creation) first, with their step entries. Running executions are never
   * deleted, so a burst of running ones may exceed the limit until they end.
   */
  enforceRetention(): string[] {
    const excess = this.store.executions.size - this.maxExecutions;
    if (excess <= 0) return [];
    const ended = [...this.store.executions.values()]
      .filter((r) => r.state !== 'ACTIVE' && !this.runs.has(r.name))
      // Stable: executions created at the same (virtual) instant go in the order they were created.
      .sort((a, b) => a.createTime - b.createTime)
      .slice(0, excess)
      .map((r) => r.name);
    for (const name of ended) this.store.deleteExecution(name);
    return ended;
  }

  /** Resolves when the execution has ended. */
  async wait(name: string): Promise<ExecutionRecord> {
    const record = this.find(name);
    await this.runs.get(name)?.done;
    return record;
  }

  /** Executions started by connector calls of `parent`, oldest first. */
  children(parent: string): ExecutionRecord[] {
    return [...this.store.executions.values()].filter((r) => r.parentExecution === parent).sort((a, b) => a.createTime - b.createTime);
  }

  /** Step entries, by entry ID unless `orderBy` says otherwise; `skip` drops the first ones. */
  listStepEntries(name: string, options: ListOptions & { skip?: number } = {}): Json {
    const record = this.find(name);
    const keep = compileFilter(options.filter, STEP_FIELDS);
    const order = compileOrderBy(options.orderBy, STEP_FIELDS, 'entryId');
    const entries = record.stepEntries.filter(keep).sort(order).slice(options.skip ?? 0);
    const page = paginate(entries, options.pageSize, options.pageToken, 100, 1000);
    const out: Json = { stepEntries: page.items.map((e) => stepEntryResource(name, e)), totalSize: entries.length };
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    return out;
  }

  getStepEntry(executionName: string, entryId: string): Json {
    const record = this.find(executionName);
    const entry = /^\d+$/.test(entryId) ? record.stepEntries.find((e) => e.entryId === Number(entryId)) : undefined;
    if (!entry) throw notFound(`Resource '${executionName}/stepEntries/${entryId}' was not found`);
    return stepEntryResource(executionName, entry);
  }

  find(name: string): ExecutionRecord {
    parseExecutionName(name);
    const record = this.store.executions.get(name);
    if (!record) throw notFound(`Resource '${name}' was not found`);
    return record;
  }

  /** Executions still running, e.g. to stop them when the emulator closes. */
  activeRuns(): ActiveRun[] {
    return [...this.runs.values()];
  }

  /** Marks executions left ACTIVE by a previous process as FAILED: they cannot be resumed. */
  recoverInterrupted(): string[] {
    const recovered: string[] = [];
    for (const record of this.store.executions.values()) {
      if (record.state !== 'ACTIVE' || this.runs.has(record.name)) continue;
      this.finish(record, { state: 'FAILED', error: stoppedError() });
      recovered.push(record.name);
    }
    return recovered;
  }

  /** Stops the runs of a workflow that is being deleted, saving nothing (its executions go too). */
  dropWorkflow(workflowName: string): void {
    for (const [name, run] of this.runs) {
      if (!name.startsWith(`${workflowName}/executions/`)) continue;
      run.abandon();
      this.runs.delete(name);
      this.onEnded(name);
    }
  }

  /** Ends every run without saving anything more, as if the process had been killed. */
  dropAll(): void {
    for (const run of this.runs.values()) run.abandon();
    this.runs.clear();
  }

  /** Stops every run and saves it as FAILED (the emulator is shutting down). */
  async stopAll(): Promise<void> {
    const runs = [...this.runs.values()];
    for (const run of runs) run.stop(stoppedError());
    await Promise.all(runs.map((r) => r.done));
  }

  private finish(record: ExecutionRecord, outcome: { state: 'SUCCEEDED'; result: string } | { state: 'FAILED' | 'CANCELLED'; error: ExecutionErrorRecord }): void {
    record.state = outcome.state;
    record.endTime = this.clock.now();
    if (outcome.state === 'SUCCEEDED') record.result = outcome.result;
    else record.error = outcome.error;
    this.runs.delete(record.name);
    this.store.saveExecution(record);
    this.onEnded(record.name);
  }
}

/** The label naming the parent of an execution a connector call started (none for top-level runs). */
function parentLabel(parentExecution: string | undefined): Record<string, string> {
  return parentExecution ? { [PARENT_EXECUTION_LABEL]: executionIdOf(parentExecution) } : {};
}

/** [R] The error of an execution the emulator stopped (shutdown, or found ACTIVE after a crash). */
export function stoppedError(): ExecutionErrorRecord {
  const message = 'The local emulator stopped during the execution; it cannot be resumed.';
  return { payload: JSON.stringify({ message, tags: ['SystemError'] }), context: message, stackTrace: [] };
}
