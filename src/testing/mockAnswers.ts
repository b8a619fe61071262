/**
 * What a mock's outcome becomes for the engine: a value, a raised error, a raw HTTP response
 * (encoded exactly as a server would send it), or, for a mocked child workflow, what the Workflow
 * Executions connector gives back — the child's result, an OperationError carrying the child
 * execution as `operation`, or the Execution resource `create` returns.
 */
import { randomUUID } from 'node:crypto';
import type { MockOutcome, MockResponse } from '../core/testing';
import type { HttpResponse } from '../engine/host';
import type { CallAnswer } from '../engine/intercept';
import { encodeJson } from '../engine/json';
import { encodeRequestBody } from '../engine/stdlib/httpEncoding';
import type { Value } from '../engine/value';
import { CHILD_FAILED_MESSAGE } from '../emulator/executionsConnector';
import { executionResource } from '../emulator/resources';
import type { ExecutionRecord } from '../emulator/records';
import { fromJson } from '../engine/json';

/** The raw response a `response:` outcome stands for. */
export function httpResponseOf(mock: MockResponse): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [k, v] of mock.headers) headers[k.toLowerCase()] = v;
  // Without a content type, a string goes as text and anything else as JSON; no body at all is an
  // empty JSON body (null), so error maps stay plain data instead of empty bytes.
  if (headers['content-type'] === undefined) {
    headers['content-type'] = typeof mock.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  }
  const body = mock.body === null ? new Uint8Array() : encodeRequestBody('response', mock.body as Value, headers['content-type']).bytes;
  return { status: mock.code, headers, body };
}

/** The answer to an ordinary call. */
export function answerOf(outcome: MockOutcome): CallAnswer {
  switch (outcome.kind) {
    case 'returns':
      return { kind: 'returns', value: outcome.value };
    case 'raises':
      return { kind: 'raises', value: outcome.value };
    case 'response':
      return { kind: 'response', response: httpResponseOf(outcome.response) };
  }
}

/**
 * Builds the finished execution record of a mocked child: SUCCEEDED with the `returns` value as
 * its result, or FAILED with the `raises` value as its error payload.
 */
export function mockedChildRecord(parent: string, workflowId: string, argument: Value | undefined, outcome: MockOutcome, now: number): ExecutionRecord {
  const name = `${parent}/workflows/${workflowId}/executions/${randomUUID()}`;
  const record: ExecutionRecord = {
    name,
    createTime: now,
    startTime: now,
    endTime: now,
    state: 'SUCCEEDED',
    workflowRevisionId: '000001-mck',
    callLogLevel: 'CALL_LOG_LEVEL_UNSPECIFIED',
    labels: {},
    currentSteps: [],
    stepEntries: [],
  };
  if (argument !== undefined && argument !== null) record.argument = encodeJson(argument);
  if (outcome.kind === 'raises') {
    const payload = encodeJson(outcome.value);
    const message = typeof outcome.value === 'string' ? outcome.value : outcome.value instanceof Map ? String(outcome.value.get('message') ?? payload) : payload;
    record.state = 'FAILED';
    record.error = { payload, context: message, stackTrace: [] };
  } else {
    record.result = encodeJson(outcome.kind === 'returns' ? outcome.value : null);
  }
  return record;
}

/** What the starting call gets back for a mocked child. */
export function childAnswer(kind: 'run' | 'create' | 'experimental', record: ExecutionRecord, outcome: MockOutcome): CallAnswer {
  const resource = fromJson(executionResource(record, 'FULL', record.endTime ?? record.startTime));
  if (kind === 'create') return { kind: 'returns', value: resource };
  if (record.state === 'SUCCEEDED') return { kind: 'returns', value: outcome.kind === 'returns' ? outcome.value : null };
  const tags = kind === 'experimental' ? ['ExecutionError', 'OperationError'] : ['OperationError'];
  return {
    kind: 'raises',
    value: new Map<string, Value>([
      ['message', CHILD_FAILED_MESSAGE],
      ['tags', tags],
      ['operation', resource],
    ]),
  };
}
