/** Reads a test's `expect:` map. */
import type { Node } from 'yaml';
import type { Span } from '../location';
import { readPattern } from './parseMock';
import type { Reader } from './reader';
import type { CallExpectation, ErrorExpectation, ExecutionStateName, Expectation } from './types';

export const EXPECT_KEYS = ['state', 'result', 'result_includes', 'error', 'steps', 'calls', 'logs_include'] as const;
export const ERROR_KEYS = ['tags', 'message', 'message_includes'] as const;
export const CALL_EXPECT_KEYS = ['call', 'workflow', 'step', 'args', 'times'] as const;
const STATES: readonly ExecutionStateName[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export function readExpect(r: Reader, node: Node | null, at: Span): Expectation {
  const expect: Expectation = { state: 'SUCCEEDED', span: r.spanOf(r.resolve(node), at) };
  const entries = r.map(node, at, '`expect`', EXPECT_KEYS);
  if (!entries) return expect;
  let stateGiven = false;
  for (const e of entries) {
    const span = r.spanOf(r.resolve(e.value), e.keySpan);
    switch (e.key) {
      case 'state': {
        const state = r.string(e.value, e.keySpan, '`state`');
        if (state === undefined) break;
        if (STATES.includes(state as ExecutionStateName)) {
          expect.state = state as ExecutionStateName;
          stateGiven = true;
        } else r.report('test-invalid-state', span, state);
        break;
      }
      case 'result':
        expect.result = { value: r.data(e.value, span), span };
        break;
      case 'result_includes':
        expect.resultIncludes = { value: r.data(e.value, span), span };
        break;
      case 'error':
        expect.error = readError(r, e.value, e.keySpan);
        break;
      case 'steps':
        expect.steps = r.strings(e.value, e.keySpan, '`steps`');
        break;
      case 'calls':
        expect.calls = readCalls(r, e.value, e.keySpan);
        break;
      case 'logs_include':
        expect.logsInclude = r.strings(e.value, e.keySpan, '`logs_include`');
        break;
    }
  }
  // An expected error without a state means the run fails: saying it twice is not required.
  if (!stateGiven && expect.error) expect.state = 'FAILED';
  if (expect.state !== 'SUCCEEDED' && (expect.result || expect.resultIncludes)) {
    r.report('test-result-and-failure', (expect.result ?? expect.resultIncludes)?.span ?? at);
  }
  return expect;
}

function readError(r: Reader, node: Node | null, at: Span): ErrorExpectation {
  const error: ErrorExpectation = {};
  for (const e of r.map(node, at, '`error`', ERROR_KEYS) ?? []) {
    if (e.key === 'tags') error.tags = r.strings(e.value, e.keySpan, '`tags`');
    else if (e.key === 'message') error.message = r.string(e.value, e.keySpan, '`message`');
    else error.messageIncludes = r.string(e.value, e.keySpan, '`message_includes`');
  }
  return error;
}

function readCalls(r: Reader, node: Node | null, at: Span): CallExpectation[] {
  const out: CallExpectation[] = [];
  for (const item of r.list(node, at, '`calls`') ?? []) {
    const span = r.spanOf(r.resolve(item), at);
    const entries = r.map(item, span, 'a call expectation', CALL_EXPECT_KEYS);
    if (!entries) continue;
    const pattern = readPattern(r, entries, span, 'a call expectation');
    if (pattern.call === undefined && pattern.workflow === undefined) continue;
    const timesEntry = entries.find((e) => e.key === 'times');
    const times = timesEntry ? r.integer(timesEntry.value, timesEntry.keySpan, '`times`', 0, 1_000_000) : undefined;
    if (timesEntry && times === undefined) continue;
    out.push({ ...pattern, times, span });
  }
  return out;
}
