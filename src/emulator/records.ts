/**
 * What the emulator stores: workflows with their revisions, and executions with their step
 * entries. Times are milliseconds since the epoch on the emulator's clock; the REST layer renders
 * them (see `resources.ts`).
 */
import type { StackFrame, StepEntryEvent } from '../engine/host';

export type CallLogLevel = 'CALL_LOG_LEVEL_UNSPECIFIED' | 'LOG_ALL_CALLS' | 'LOG_ERRORS_ONLY' | 'LOG_NONE';
export type HistoryLevel = 'EXECUTION_HISTORY_LEVEL_UNSPECIFIED' | 'EXECUTION_HISTORY_BASIC' | 'EXECUTION_HISTORY_DETAILED';

/** One revision of a workflow: everything a deploy sets. */
export interface WorkflowRevision {
  revisionId: string;
  revisionCreateTime: number;
  sourceContents: string;
  description: string;
  labels: Record<string, string>;
  serviceAccount: string;
  callLogLevel: CallLogLevel;
  userEnvVars: Record<string, string>;
  executionHistoryLevel: HistoryLevel;
}

export interface WorkflowRecord {
  /** `projects/P/locations/L/workflows/W`. */
  name: string;
  createTime: number;
  updateTime: number;
  /** Oldest first; the last one is current. */
  revisions: WorkflowRevision[];
}

export type ExecutionState = 'ACTIVE' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface ExecutionErrorRecord {
  payload: string;
  context: string;
  stackTrace: StackFrame[];
}

/** One `sys.log` line of an execution. */
export interface LogRecord {
  /** Milliseconds since the epoch, on the emulator's clock. */
  time: number;
  severity: string;
  /** A text payload, or `json`: a map payload as exact JSON text. */
  text?: string;
  json?: string;
}

export interface ExecutionRecord {
  /** `projects/P/locations/L/workflows/W/executions/E`. */
  name: string;
  createTime: number;
  startTime: number;
  endTime?: number;
  state: ExecutionState;
  /** JSON text as given by the caller, when there was one. */
  argument?: string;
  result?: string;
  error?: ExecutionErrorRecord;
  workflowRevisionId: string;
  callLogLevel: CallLogLevel;
  labels: Record<string, string>;
  currentSteps: { routine: string; step: string }[];
  /**
   * Emulator extension, never sent over REST: the execution whose connector call started this one,
   * so the CLI can list a run's children.
   */
  parentExecution?: string;
  /** By entry id; the latest version of each entry. */
  stepEntries: StepEntryEvent[];
  /**
   * The history level this execution records at: its own, else its workflow revision's, else the
   * emulator's default. Absent in records written before it existed (basic).
   */
  executionHistoryLevel?: HistoryLevel;
  /** `sys.log` lines, oldest first, at most `MAX_LOGS` (see `executionLogs.ts`). */
  logs?: LogRecord[];
  /** How many older lines were dropped to stay within `MAX_LOGS`. */
  logsDropped?: number;
}

/** The latest revision, which is the workflow's current state. */
export function currentRevision(record: WorkflowRecord): WorkflowRevision {
  return record.revisions[record.revisions.length - 1];
}
