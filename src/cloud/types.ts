/**
 * Plain data returned by the cloud client layer, the same for the local emulator and Google
 * Cloud: timestamps are ISO 8601 strings, durations are seconds, enums are names.
 */

/** Where calls go. */
export type Target =
  | {
      kind: 'emulator';
      /** Default 127.0.0.1. */
      host?: string;
      port: number;
      project: string;
      location: string;
    }
  | {
      kind: 'cloud';
      /** Default: from Application Default Credentials / `GOOGLE_CLOUD_PROJECT`. */
      project?: string;
      location: string;
      /**
       * Another endpoint for both APIs (a private endpoint, or a local server in tests), still with
       * Application Default Credentials. Default: Google's public hosts.
       */
      endpoint?: { host: string; port: number; protocol?: 'http' | 'https' };
    };

export interface WorkflowInfo {
  /** `projects/P/locations/L/workflows/W`. */
  name: string;
  workflowId: string;
  revisionId: string;
  state: string;
  description?: string;
  labels: Record<string, string>;
  createTime?: string;
  updateTime?: string;
  revisionCreateTime?: string;
  sourceContents?: string;
  serviceAccount?: string;
}

export type ExecutionState = 'STATE_UNSPECIFIED' | 'ACTIVE' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'UNAVAILABLE' | 'QUEUED';

export interface StackTraceElement {
  step: string;
  routine: string;
  line: number;
  column: number;
  length: number;
}

export interface ExecutionErrorInfo {
  /** JSON text of the error value. */
  payload: string;
  context: string;
  stackTrace: StackTraceElement[];
}

export interface ExecutionInfo {
  /** `projects/P/locations/L/workflows/W/executions/E`. */
  name: string;
  workflowId: string;
  executionId: string;
  state: ExecutionState;
  createTime?: string;
  startTime?: string;
  endTime?: string;
  /** Seconds, fractional. */
  durationSeconds?: number;
  /** JSON text, as passed (FULL view only). */
  argument?: string;
  /** JSON text (SUCCEEDED, FULL view). */
  result?: string;
  error?: ExecutionErrorInfo;
  workflowRevisionId?: string;
  callLogLevel?: string;
  labels: Record<string, string>;
  currentSteps: { routine: string; step: string }[];
}

export type ExecutionView = 'BASIC' | 'FULL';

/** The stepEntries view: DETAILED includes the variables of a detailed history. */
export type EntryView = 'EXECUTION_ENTRY_VIEW_BASIC' | 'EXECUTION_ENTRY_VIEW_DETAILED';

export interface ListOptions {
  pageSize?: number;
  pageToken?: string;
  filter?: string;
  orderBy?: string;
}

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

export interface StepEntryInfo {
  name: string;
  entryId: number;
  routine: string;
  step: string;
  stepType: string;
  state: string;
  createTime?: string;
  updateTime?: string;
  /** JSON text of the error, for failed steps. */
  exceptionPayload?: string;
  threadId?: string;
  progressType?: string;
  progressNumber?: number;
  /** How many iterations or branches the step's progress expects. */
  expectedIteration?: number;
  parentEntryId?: number;
  /**
   * JSON text of a map: the variables in scope after the step (`variableData.variables`), only
   * when the execution recorded a detailed history and the entries were read in the DETAILED view.
   */
  variablesJson?: string;
}

/** A failure explained for people: one sentence, and what to do about it when known. */
export interface CloudErrorDescription {
  message: string;
  hint?: string;
  /** HTTP status or system code (`ECONNREFUSED`), when known. */
  code?: number | string;
}

/** One `sys.log` line of an execution. */
export interface LogLine {
  /** ISO 8601. */
  time: string;
  severity: string;
  /** A text payload, or `json`: a map payload as JSON text (exact integers from the emulator). */
  text?: string;
  json?: string;
}

/** An execution's `sys.log` lines, or why they could not be read and where to find them. */
export interface ExecutionLogs {
  lines: LogLine[];
  /** Older lines the emulator dropped to stay within its bound. */
  dropped?: number;
  /** Set when the lines could not be read (e.g. Cloud Logging not reachable or not allowed). */
  unavailable?: { reason: string; consoleUrl?: string };
}
