/**
 * Step history as the Executions API's stepEntries report it: an entry when a step starts
 * (STATE_IN_PROGRESS) and the same entry again when it ends (SUCCEEDED or FAILED, with the error
 * as JSON). Entry ids increase monotonically across all threads of an execution.
 *
 * [R] Progress numbers are 1-based: the n-th loop iteration, parallel branch or iteration, retry,
 * or matched switch case (by its position in the list) has progressNumber n.
 */
import type { ExecutionHost, ProgressType, StepEntryEvent, StepType } from '../host';
import type { Value } from '../value';
import { errorPayload } from './outcome';
import type { Scope } from './scope';
import { VariableRecorder } from './stepVariables';

export interface EntryStart {
  routine: string;
  step: string;
  stepType: StepType;
  threadId: string;
  parentEntryId?: number;
  progressType?: ProgressType;
  progressNumber?: number;
  expectedIteration?: number;
  /** Whose variables a detailed history records when the entry ends. */
  scope?: Scope;
}

/** A started entry: finish it exactly once. */
export interface EntryHandle {
  readonly entryId: number;
  succeed(): void;
  fail(error: Value): void;
}

const SILENT: EntryHandle = { entryId: 0, succeed: () => undefined, fail: () => undefined };

export class History {
  private nextId = 1;
  private readonly variables: VariableRecorder | undefined;

  constructor(private readonly host: ExecutionHost) {
    this.variables = host.recordVariables ? new VariableRecorder() : undefined;
  }

  /** Emits the IN_PROGRESS entry and returns the handle that completes it. */
  start(start: EntryStart): EntryHandle {
    const sink = this.host.onStepEntry?.bind(this.host);
    if (!sink) return SILENT;
    const now = this.host.clock.now();
    const entry: StepEntryEvent = {
      entryId: this.nextId++,
      routine: start.routine,
      step: start.step,
      stepType: start.stepType,
      state: 'STATE_IN_PROGRESS',
      createTime: now,
      updateTime: now,
      threadId: start.threadId,
    };
    if (start.parentEntryId !== undefined && start.parentEntryId !== 0) entry.parentEntryId = start.parentEntryId;
    if (start.progressType !== undefined) entry.progressType = start.progressType;
    if (start.progressNumber !== undefined) entry.progressNumber = start.progressNumber;
    if (start.expectedIteration !== undefined) entry.expectedIteration = start.expectedIteration;
    sink({ ...entry });
    let done = false;
    const finish = (state: 'STATE_SUCCEEDED' | 'STATE_FAILED', error?: Value): void => {
      if (done) return;
      done = true;
      const ended: StepEntryEvent = { ...entry, state, updateTime: this.host.clock.now() };
      if (error !== undefined) ended.exceptionPayload = errorPayload(error);
      const variables = start.scope && this.variables?.encode(start.scope.snapshot());
      if (variables !== undefined) ended.variables = variables;
      sink(ended);
    };
    return { entryId: entry.entryId, succeed: () => finish('STATE_SUCCEEDED'), fail: (e) => finish('STATE_FAILED', e) };
  }
}
