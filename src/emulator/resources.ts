/**
 * Renders stored records as the JSON resources of Google's Workflows and Executions v1 APIs.
 * int64 fields are strings, enums are names, times are RFC 3339 (proto3 JSON mapping).
 */
import type { JsonValue } from '../engine/value';
import type { StepEntryEvent } from '../engine/host';
import type { ExecutionErrorRecord, ExecutionRecord, WorkflowRecord, WorkflowRevision } from './records';
import { currentRevision } from './records';
import { formatDuration, formatTimestamp } from './timeFormat';
import { rawJson } from './rawJson';

export type Json = { [key: string]: JsonValue };

/** A workflow as `workflows.get` returns it; `revision` picks an older revision. */
export function workflowResource(record: WorkflowRecord, revision: WorkflowRevision = currentRevision(record)): Json {
  const out: Json = {
    name: record.name,
    state: 'ACTIVE',
    revisionId: revision.revisionId,
    createTime: formatTimestamp(record.createTime),
    updateTime: formatTimestamp(record.updateTime),
    revisionCreateTime: formatTimestamp(revision.revisionCreateTime),
    serviceAccount: revision.serviceAccount,
    sourceContents: revision.sourceContents,
    callLogLevel: revision.callLogLevel,
    executionHistoryLevel: revision.executionHistoryLevel,
  };
  if (revision.description) out.description = revision.description;
  if (Object.keys(revision.labels).length > 0) out.labels = { ...revision.labels };
  if (Object.keys(revision.userEnvVars).length > 0) out.userEnvVars = { ...revision.userEnvVars };
  return out;
}

export type ExecutionView = 'BASIC' | 'FULL';

/**
 * An execution. BASIC keeps what Google documents for it (name, startTime, endTime, duration,
 * state, workflowRevisionId); FULL adds everything else.
 */
export function executionResource(record: ExecutionRecord, view: ExecutionView, now: number): Json {
  const out: Json = { name: record.name, startTime: formatTimestamp(record.startTime) };
  if (record.endTime !== undefined) out.endTime = formatTimestamp(record.endTime);
  out.duration = formatDuration((record.endTime ?? now) - record.startTime);
  out.state = record.state;
  if (view === 'FULL') {
    if (record.argument !== undefined) out.argument = record.argument;
    if (record.result !== undefined) out.result = record.result;
    if (record.error) out.error = errorResource(record.error);
  }
  out.workflowRevisionId = record.workflowRevisionId;
  if (view === 'BASIC') return out;
  out.callLogLevel = record.callLogLevel;
  out.status = { currentSteps: record.currentSteps.map((s) => ({ routine: s.routine, step: s.step })) };
  out.labels = { ...record.labels };
  out.createTime = formatTimestamp(record.createTime);
  out.executionHistoryLevel = record.executionHistoryLevel ?? 'EXECUTION_HISTORY_BASIC';
  return out;
}

function errorResource(error: ExecutionErrorRecord): Json {
  return {
    payload: error.payload,
    context: error.context,
    stackTrace: {
      elements: error.stackTrace.map((f) => ({
        step: f.step,
        routine: f.routine,
        position: { line: String(f.line), column: String(f.column), length: String(f.length) },
      })),
    },
  };
}

/** The stepEntries `view`: BASIC leaves out `variableData`, DETAILED includes it. */
export type EntryView = 'EXECUTION_ENTRY_VIEW_BASIC' | 'EXECUTION_ENTRY_VIEW_DETAILED';

/**
 * One step entry as `stepEntries.get` returns it. int64 fields (`entryId`, `progressNumber`,
 * `expectedIteration`) are strings; `variableData.variables` is written verbatim from the
 * recorded JSON, so integers stay exact. [R] An unspecified view is BASIC.
 */
export function stepEntryResource(executionName: string, entry: StepEntryEvent, view: EntryView = 'EXECUTION_ENTRY_VIEW_BASIC'): Json {
  const out: Json = {
    name: `${executionName}/stepEntries/${entry.entryId}`,
    createTime: formatTimestamp(entry.createTime),
    updateTime: formatTimestamp(entry.updateTime),
    routine: entry.routine,
    step: entry.step,
    stepType: entry.stepType,
    state: entry.state,
    entryId: String(entry.entryId),
  };
  if (entry.exceptionPayload !== undefined) out.exception = { payload: entry.exceptionPayload };
  if (entry.parentEntryId !== undefined) out.navigationInfo = { parent: String(entry.parentEntryId) };
  const metadata: Json = { threadId: entry.threadId };
  if (entry.progressType) metadata.progressType = entry.progressType;
  if (entry.progressNumber !== undefined) metadata.progressNumber = String(entry.progressNumber);
  if (entry.expectedIteration !== undefined) metadata.expectedIteration = String(entry.expectedIteration);
  out.stepEntryMetadata = metadata;
  if (view === 'EXECUTION_ENTRY_VIEW_DETAILED' && entry.variables !== undefined) out.variableData = { variables: rawJson(entry.variables) };
  return out;
}

const OPERATION_METADATA = 'type.googleapis.com/google.cloud.workflows.v1.OperationMetadata';

/** A finished long-running operation of the Workflows API. */
export function operationResource(
  name: string,
  target: string,
  verb: 'create' | 'update' | 'delete',
  time: number,
  response: Json | undefined,
): Json {
  const stamp = formatTimestamp(time);
  return {
    name,
    metadata: { '@type': OPERATION_METADATA, createTime: stamp, endTime: stamp, target, verb, apiVersion: 'v1' },
    done: true,
    response: response
      ? { '@type': 'type.googleapis.com/google.cloud.workflows.v1.Workflow', ...response }
      : { '@type': 'type.googleapis.com/google.protobuf.Empty' },
  };
}
