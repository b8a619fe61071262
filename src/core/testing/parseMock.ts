/**
 * Reads mocks (`call:`/`workflow:`, `step:`, `args:` and one outcome) and the call patterns that
 * `expect.calls` shares with them.
 */
import type { Node } from 'yaml';
import type { Span } from '../location';
import type { Entry, Reader } from './reader';
import type { CallPattern, Mock, MockOutcome, MockResponse } from './types';

export const MOCK_KEYS = ['call', 'workflow', 'step', 'args', 'returns', 'raises', 'response', 'outcomes'] as const;
export const OUTCOME_KEYS = ['returns', 'raises', 'response'] as const;
export const RESPONSE_KEYS = ['code', 'headers', 'body'] as const;

/** Reads `call`, `workflow`, `step` and `args` from a map's entries. */
export function readPattern(r: Reader, entries: Entry[], at: Span, what: string): CallPattern {
  const pattern: CallPattern = {};
  for (const e of entries) {
    const span = r.spanOf(e.value, e.keySpan);
    if (e.key === 'call' || e.key === 'workflow' || e.key === 'step') {
      const value = r.string(e.value, e.keySpan, `\`${e.key}\` in ${what}`);
      if (value !== undefined) pattern[e.key] = { value, span };
    } else if (e.key === 'args') {
      pattern.args = { value: r.data(e.value, span), span };
    }
  }
  if (entries.filter((e) => e.key === 'call' || e.key === 'workflow').length !== 1) r.report('test-mock-target', at);
  return pattern;
}

/** Reads one mock; undefined (with diagnostics) when it cannot answer anything. */
export function readMock(r: Reader, node: Node | null, at: Span): Mock | undefined {
  const span = r.spanOf(r.resolve(node), at);
  const entries = r.map(node, at, 'a mock', MOCK_KEYS);
  if (!entries) return undefined;
  const pattern = readPattern(r, entries, span, 'a mock');
  const outcomeEntries = entries.filter((e) => e.key !== 'call' && e.key !== 'workflow' && e.key !== 'step' && e.key !== 'args');
  if (outcomeEntries.length !== 1) {
    r.report('test-mock-outcome', span);
    return undefined;
  }
  const [only] = outcomeEntries;
  const outcomes = only.key === 'outcomes' ? readOutcomeList(r, only, pattern) : [readOutcome(r, only, pattern)];
  if (!outcomes || outcomes.some((o) => o === undefined) || outcomes.length === 0) return undefined;
  if (pattern.call === undefined && pattern.workflow === undefined) return undefined;
  return { ...pattern, outcomes: outcomes as MockOutcome[], span };
}

function readOutcomeList(r: Reader, entry: Entry, pattern: CallPattern): (MockOutcome | undefined)[] | undefined {
  const items = r.list(entry.value, entry.keySpan, '`outcomes`');
  if (!items) return undefined;
  if (items.length === 0) {
    r.report('test-expected-list', entry.keySpan, '`outcomes` (at least one outcome)');
    return undefined;
  }
  return items.map((item) => {
    const span = r.spanOf(r.resolve(item), entry.keySpan);
    const entries = r.map(item, span, 'an outcome', OUTCOME_KEYS);
    if (!entries) return undefined;
    if (entries.length !== 1) {
      r.report('test-outcome', span);
      return undefined;
    }
    return readOutcome(r, entries[0], pattern);
  });
}

function readOutcome(r: Reader, entry: Entry, pattern: CallPattern): MockOutcome | undefined {
  const span = r.spanOf(r.resolve(entry.value), entry.keySpan);
  if (entry.key === 'returns') return { kind: 'returns', value: r.data(entry.value, span), span };
  if (entry.key === 'raises') {
    const value = r.data(entry.value, span);
    if (typeof value !== 'string' && !(value instanceof Map)) {
      r.report('test-raises-value', span);
      return undefined;
    }
    return { kind: 'raises', value, span };
  }
  const target = pattern.call?.value;
  if (target === undefined || !target.startsWith('http.')) {
    r.report('test-response-not-http', entry.keySpan, target ?? `workflow ${pattern.workflow?.value ?? ''}`);
    return undefined;
  }
  const response = readResponse(r, entry.value, span);
  return response && { kind: 'response', response, span };
}

function readResponse(r: Reader, node: Node | null, at: Span): MockResponse | undefined {
  const entries = r.map(node, at, '`response`', RESPONSE_KEYS);
  if (!entries) return undefined;
  const response: MockResponse = { code: 200, headers: [], body: null };
  for (const e of entries) {
    if (e.key === 'code') {
      const code = r.integer(e.value, e.keySpan, '`code`', 100, 599);
      if (code === undefined) return undefined;
      response.code = code;
    } else if (e.key === 'headers') {
      const headers = r.map(e.value, e.keySpan, '`headers`');
      if (!headers) return undefined;
      for (const h of headers) {
        const value = r.data(h.value, h.keySpan);
        if (value instanceof Map || Array.isArray(value) || value === null) {
          r.report('test-expected-string', r.spanOf(h.value, h.keySpan), `the header '${h.key}'`);
          return undefined;
        }
        response.headers.push([h.key, String(value)]);
      }
    } else {
      response.body = r.data(e.value, e.keySpan);
    }
  }
  return response;
}
