/**
 * Turns the Google client's objects (protobuf-shaped: Timestamps and Durations as
 * `{seconds, nanos}` with 64-bit seconds as numbers, strings or Longs) into the layer's plain types.
 */
import type { ExecutionInfo, ExecutionState, StepEntryInfo, WorkflowInfo } from './types';

type Int64 = number | string | { toString(): string } | null | undefined;
interface ProtoTime {
  seconds?: Int64;
  nanos?: number | null;
}

export interface ClientWorkflow {
  name?: string | null;
  revisionId?: string | null;
  state?: string | number | null;
  description?: string | null;
  labels?: Record<string, string> | null;
  createTime?: ProtoTime | null;
  updateTime?: ProtoTime | null;
  revisionCreateTime?: ProtoTime | null;
  sourceContents?: string | null;
  serviceAccount?: string | null;
}

export interface ClientExecution {
  name?: string | null;
  state?: string | number | null;
  createTime?: ProtoTime | null;
  startTime?: ProtoTime | null;
  endTime?: ProtoTime | null;
  duration?: ProtoTime | null;
  argument?: string | null;
  result?: string | null;
  error?: {
    payload?: string | null;
    context?: string | null;
    stackTrace?: { elements?: { step?: string | null; routine?: string | null; position?: { line?: Int64; column?: Int64; length?: Int64 } | null }[] | null } | null;
  } | null;
  workflowRevisionId?: string | null;
  callLogLevel?: string | number | null;
  labels?: Record<string, string> | null;
  status?: { currentSteps?: { routine?: string | null; step?: string | null }[] | null } | null;
}

const EXECUTION_STATES: ExecutionState[] = ['STATE_UNSPECIFIED', 'ACTIVE', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'UNAVAILABLE', 'QUEUED'];
const WORKFLOW_STATES = ['STATE_UNSPECIFIED', 'ACTIVE', 'UNAVAILABLE'];
const CALL_LOG_LEVELS = ['CALL_LOG_LEVEL_UNSPECIFIED', 'LOG_ALL_CALLS', 'LOG_ERRORS_ONLY', 'LOG_NONE'];

function int(value: Int64): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value.toString());
}

function seconds(time: ProtoTime | null | undefined): number | undefined {
  if (!time) return undefined;
  return int(time.seconds) + (time.nanos ?? 0) / 1e9;
}

/** A protobuf Timestamp as an ISO string (millisecond precision). */
export function isoTime(time: ProtoTime | null | undefined): string | undefined {
  const s = seconds(time);
  return s === undefined ? undefined : new Date(Math.round(s * 1000)).toISOString();
}

function enumName(value: string | number | null | undefined, names: string[]): string {
  if (typeof value === 'number') return names[value] ?? names[0];
  return value ?? names[0];
}

/** The last segment of a resource name following `collection`. */
export function idAfter(name: string, collection: string): string {
  const parts = name.split('/');
  const i = parts.lastIndexOf(collection);
  return i >= 0 && i + 1 < parts.length ? parts[i + 1] : '';
}

export function toWorkflowInfo(w: ClientWorkflow): WorkflowInfo {
  const name = w.name ?? '';
  const out: WorkflowInfo = {
    name,
    workflowId: idAfter(name, 'workflows'),
    revisionId: w.revisionId ?? '',
    state: enumName(w.state, WORKFLOW_STATES),
    labels: { ...(w.labels ?? {}) },
  };
  if (w.description) out.description = w.description;
  const created = isoTime(w.createTime);
  if (created) out.createTime = created;
  const updated = isoTime(w.updateTime);
  if (updated) out.updateTime = updated;
  const revised = isoTime(w.revisionCreateTime);
  if (revised) out.revisionCreateTime = revised;
  if (w.sourceContents) out.sourceContents = w.sourceContents;
  if (w.serviceAccount) out.serviceAccount = w.serviceAccount;
  return out;
}

export function toExecutionInfo(e: ClientExecution): ExecutionInfo {
  const name = e.name ?? '';
  const out: ExecutionInfo = {
    name,
    workflowId: idAfter(name, 'workflows'),
    executionId: idAfter(name, 'executions'),
    state: enumName(e.state, EXECUTION_STATES) as ExecutionState,
    labels: { ...(e.labels ?? {}) },
    currentSteps: (e.status?.currentSteps ?? []).map((s) => ({ routine: s.routine ?? '', step: s.step ?? '' })),
  };
  const times: [keyof ExecutionInfo & ('createTime' | 'startTime' | 'endTime'), ProtoTime | null | undefined][] = [
    ['createTime', e.createTime],
    ['startTime', e.startTime],
    ['endTime', e.endTime],
  ];
  for (const [key, time] of times) {
    const iso = isoTime(time);
    if (iso) out[key] = iso;
  }
  const duration = seconds(e.duration);
  if (duration !== undefined) out.durationSeconds = duration;
  if (e.argument) out.argument = e.argument;
  if (e.result) out.result = e.result;
  if (e.error) {
    out.error = {
      payload: e.error.payload ?? '',
      context: e.error.context ?? '',
      stackTrace: (e.error.stackTrace?.elements ?? []).map((el) => ({
        step: el.step ?? '',
        routine: el.routine ?? '',
        line: int(el.position?.line),
        column: int(el.position?.column),
        length: int(el.position?.length),
      })),
    };
  }
  if (e.workflowRevisionId) out.workflowRevisionId = e.workflowRevisionId;
  if (e.callLogLevel !== undefined && e.callLogLevel !== null) out.callLogLevel = enumName(e.callLogLevel, CALL_LOG_LEVELS);
  return out;
}

/** A step entry from the REST JSON (`stepEntries.list`), where times are RFC 3339 strings. */
export function toStepEntryInfo(json: Record<string, unknown>): StepEntryInfo {
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const num = (v: unknown): number | undefined => (typeof v === 'string' || typeof v === 'number' ? Number(v) : undefined);
  const meta = (json.stepEntryMetadata ?? {}) as Record<string, unknown>;
  const nav = (json.navigationInfo ?? {}) as Record<string, unknown>;
  const exception = (json.exception ?? {}) as Record<string, unknown>;
  const out: StepEntryInfo = {
    name: str(json.name),
    entryId: num(json.entryId) ?? 0,
    routine: str(json.routine),
    step: str(json.step),
    stepType: str(json.stepType),
    state: str(json.state),
  };
  const time = (v: unknown): string | undefined => (typeof v === 'string' && v ? new Date(v).toISOString() : undefined);
  const created = time(json.createTime);
  if (created) out.createTime = created;
  const updated = time(json.updateTime);
  if (updated) out.updateTime = updated;
  if (typeof exception.payload === 'string') out.exceptionPayload = exception.payload;
  if (typeof meta.threadId === 'string') out.threadId = meta.threadId;
  if (typeof meta.progressType === 'string') out.progressType = meta.progressType;
  const progress = num(meta.progressNumber);
  if (progress !== undefined) out.progressNumber = progress;
  const expected = num(meta.expectedIteration);
  if (expected !== undefined) out.expectedIteration = expected;
  const parent = num(nav.parent);
  if (parent !== undefined) out.parentEntryId = parent;
  return out;
}
