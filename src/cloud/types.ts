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
  parentEntryId?: number;
}

/** A failure explained for people: one sentence, and what to do about it when known. */
export interface CloudErrorDescription {
  message: string;
  hint?: string;
  /** HTTP status or system code (`ECONNREFUSED`), when known. */
  code?: number | string;
}
