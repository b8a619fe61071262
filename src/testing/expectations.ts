/**
 * Checks a test's `expect:` against what the run did, and says what differs: expected versus
 * actual for the state, a path-by-path diff for values, and which steps, calls or logs are
 * missing. An empty list means the test passed.
 */
import { dataEquals, dataIncludes, diffData, patternMatches, renderData, type CallExpectation, type Expectation, type TestData } from '../core/testing';
import type { RecordedCall } from './mockInterceptor';

/** What a test run did, as the expectations see it. */
export interface ObservedRun {
  state: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  /** The result when SUCCEEDED. */
  result?: TestData;
  /** The error value (a map or a string) when FAILED or CANCELLED. */
  error?: TestData;
  /** Names of the steps of the tested execution, in the order they started. */
  steps: string[];
  calls: RecordedCall[];
  /** `sys.log` texts, in order. */
  logs: string[];
}

/** One failed expectation. */
export interface ExpectationFailure {
  message: string;
  /** Rendered values, for editors that show a diff. */
  expected?: string;
  actual?: string;
}

export function checkExpectations(expect: Expectation, run: ObservedRun): ExpectationFailure[] {
  const out: ExpectationFailure[] = [];
  if (run.state !== expect.state) {
    const detail = run.state === 'SUCCEEDED' ? ` with result ${renderData(run.result ?? null)}` : ` with error ${renderData(run.error ?? null)}`;
    out.push({ message: `expected state ${expect.state}, got ${run.state}${detail}`, expected: expect.state, actual: run.state });
  }
  if (expect.result && run.state === 'SUCCEEDED') {
    const actual = run.result ?? null;
    if (!dataEquals(expect.result.value, actual)) out.push(valueFailure('result', expect.result.value, actual, false));
  }
  if (expect.resultIncludes && run.state === 'SUCCEEDED') {
    const actual = run.result ?? null;
    if (!dataIncludes(expect.resultIncludes.value, actual)) out.push(valueFailure('result_includes', expect.resultIncludes.value, actual, true));
  }
  if (expect.error && run.state !== 'SUCCEEDED') out.push(...checkError(expect.error, run.error ?? null));
  if (expect.steps) out.push(...checkSteps(expect.steps, run.steps));
  for (const c of expect.calls ?? []) out.push(...checkCall(c, run.calls));
  for (const text of expect.logsInclude ?? []) {
    if (!run.logs.some((l) => l.includes(text))) {
      out.push({ message: `logs_include: no sys.log text contains ${JSON.stringify(text)}; logged: ${JSON.stringify(run.logs)}`, expected: text, actual: run.logs.join('\n') });
    }
  }
  return out;
}

function valueFailure(what: string, expected: TestData, actual: TestData, partial: boolean): ExpectationFailure {
  const diff = diffData(expected, actual, partial).map((l) => `  ${l}`);
  return { message: `${what} differs:\n${diff.join('\n')}`, expected: pretty(expected), actual: pretty(partial ? projected(expected, actual) : actual) };
}

/** For a partial match's diff view: the actual value cut down to the keys the expected map names. */
function projected(expected: TestData, actual: TestData): TestData {
  if (!(expected instanceof Map) || !(actual instanceof Map)) return actual;
  const out = new Map<string, TestData>();
  for (const [k, v] of expected) if (actual.has(k)) out.set(k, projected(v, actual.get(k) as TestData));
  return out;
}

/** Multi-line JSON for diff views. */
function pretty(value: TestData, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${value.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  if (value instanceof Map) {
    return value.size === 0 ? '{}' : `{\n${[...value].map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return renderData(value);
}

function checkError(expect: NonNullable<Expectation['error']>, error: TestData): ExpectationFailure[] {
  const out: ExpectationFailure[] = [];
  const map = error instanceof Map ? error : undefined;
  const message = typeof error === 'string' ? error : typeof map?.get('message') === 'string' ? (map.get('message') as string) : undefined;
  const tagList = map?.get('tags');
  const tags = Array.isArray(tagList) ? tagList.filter((t): t is string => typeof t === 'string') : [];
  const missing = (expect.tags ?? []).filter((t) => !tags.includes(t));
  if (missing.length > 0) {
    out.push({ message: `error tags: expected ${JSON.stringify(expect.tags)} to be present, got ${JSON.stringify(tags)}`, expected: JSON.stringify(expect.tags), actual: JSON.stringify(tags) });
  }
  if (expect.message !== undefined && message !== expect.message) {
    out.push({ message: `error message: expected ${JSON.stringify(expect.message)}, got ${JSON.stringify(message ?? null)}`, expected: expect.message, actual: message ?? '' });
  }
  if (expect.messageIncludes !== undefined && !(message ?? '').includes(expect.messageIncludes)) {
    out.push({ message: `error message: expected it to include ${JSON.stringify(expect.messageIncludes)}, got ${JSON.stringify(message ?? null)}`, expected: expect.messageIncludes, actual: message ?? '' });
  }
  return out;
}

function checkSteps(expected: string[], ran: string[]): ExpectationFailure[] {
  let at = 0;
  for (const name of expected) {
    const found = ran.indexOf(name, at);
    if (found < 0) {
      const why = ran.includes(name) ? 'ran, but not after the steps before it in the list' : 'never ran';
      return [{ message: `steps: "${name}" ${why}; steps that ran: ${ran.join(', ')}`, expected: expected.join('\n'), actual: ran.join('\n') }];
    }
    at = found + 1;
  }
  return [];
}

function describeCall(c: CallExpectation): string {
  const parts = [c.call ? `call ${c.call.value}` : `workflow ${c.workflow?.value ?? ''}`];
  if (c.step) parts.push(`in step "${c.step.value}"`);
  if (c.args) parts.push(`with args including ${renderData(c.args.value)}`);
  return parts.join(' ');
}

function checkCall(c: CallExpectation, calls: RecordedCall[]): ExpectationFailure[] {
  const matching = calls.filter((call) => patternMatches(c, call));
  const n = matching.length;
  if (c.times === undefined ? n > 0 : n === c.times) return [];
  const wanted = c.times === undefined ? 'at least once' : `${c.times} time${c.times === 1 ? '' : 's'}`;
  const similar = calls.filter((call) => (c.call ? call.target === c.call.value : call.workflowId === c.workflow?.value));
  const seen = similar.length === 0 ? '' : `; calls of that target: ${similar.map((s) => `step "${s.step}" args ${renderData(s.args)}`).join('; ')}`;
  return [{ message: `calls: expected ${describeCall(c)} ${wanted}, got ${n}${seen}`, expected: String(c.times ?? '>= 1'), actual: String(n) }];
}
