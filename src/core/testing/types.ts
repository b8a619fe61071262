/**
 * The model of a workflow test file (`*.workflows.test.yaml|yml|json`, or `*.test.yaml` beside a
 * workflow of the same stem): which workflow it tests, the mocks that answer its external calls,
 * and the tests with their expectations. Every part keeps its source span for diagnostics and for
 * the editor (gutter buttons, failures shown at the test).
 */
import type { Span } from '../location';

/**
 * A value written in a test file: integers stay exact (`bigint`), other numbers are doubles,
 * maps keep their key order. The engine's value type accepts it as it is.
 */
export type TestData = null | boolean | bigint | number | string | TestData[] | TestDataMap;
export type TestDataMap = Map<string, TestData>;

/** A string with where it was written. */
export interface Located<T> {
  value: T;
  span: Span;
}

/** A raw HTTP response a mock gives to an `http.*` call. */
export interface MockResponse {
  /** The status code, 100..599. */
  code: number;
  /** Header names as written (the runtime lowercases them, as for a real response). */
  headers: [string, string][];
  /** A map or list is sent as JSON (content type `application/json` unless given); a string as text. */
  body: TestData;
}

/** One answer of a mock. */
export type MockOutcome =
  | { kind: 'returns'; value: TestData; span: Span }
  | { kind: 'raises'; value: TestData; span: Span }
  | { kind: 'response'; response: MockResponse; span: Span };

/** What a mock or a `calls` expectation matches: a call target or a child workflow, narrowed. */
export interface CallPattern {
  /** The exact call target (`http.post`, a connector, a subworkflow, `sys.now`). */
  call?: Located<string>;
  /** A child workflow ID started through the Workflow Executions connector (`run`/`create`). */
  workflow?: Located<string>;
  /** The calling step's name. */
  step?: Located<string>;
  /** A partial match of the arguments: every key given must be present and equal. */
  args?: Located<TestData>;
}

export interface Mock extends CallPattern {
  /** One per successive matching call; after the last, the last repeats. Never empty. */
  outcomes: MockOutcome[];
  span: Span;
}

export interface CallExpectation extends CallPattern {
  /** Exactly this many matching calls; at least one when absent. */
  times?: number;
  span: Span;
}

export type ExecutionStateName = 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface ErrorExpectation {
  /** Each listed tag is present in the error's `tags`. */
  tags?: string[];
  /** The error map's `message`, or the raised string itself, equals this. */
  message?: string;
  /** ... contains this. */
  messageIncludes?: string;
}

export interface Expectation {
  /** SUCCEEDED unless given. */
  state: ExecutionStateName;
  result?: Located<TestData>;
  resultIncludes?: Located<TestData>;
  error?: ErrorExpectation;
  /** These step names ran in this order; other steps may run between. */
  steps?: string[];
  calls?: CallExpectation[];
  logsInclude?: string[];
  span?: Span;
}

export interface TestCase {
  name: string;
  /** The `name:` value: the editor's gutter button and failure messages sit here. */
  nameSpan: Span;
  /** The whole list item. */
  span: Span;
  /** The execution argument; absent means none (null). */
  argument?: TestData;
  mocks: Mock[];
  expect: Expectation;
}

export interface TestFile {
  /** The tested workflow, relative to the test file; absent means the default (see the runner). */
  workflow?: Located<string>;
  /** Files or directories whose workflows `executions.run/create` may start for real. */
  workflows: Located<string>[];
  /** `sys.get_env` values; they win over the defaults. */
  env: Map<string, string>;
  /** The virtual clock's start, milliseconds since the epoch. */
  nowMs?: number;
  /** Mocks for every test, tried after the test's own. */
  mocks: Mock[];
  tests: TestCase[];
}
