/**
 * Every diagnostic of a test file: stable codes with their severity and message, written once and
 * imported by the reader, the editor and the tests.
 */
import type { Diagnostic, Severity } from '../diagnostic';
import type { Span } from '../location';

type Template = (...args: string[]) => string;

const error = (message: Template): { severity: Severity; message: Template } => ({ severity: 'error', message });
const warning = (message: Template): { severity: Severity; message: Template } => ({ severity: 'warning', message });

export const TEST_MESSAGES = {
  'test-yaml-syntax': error((detail) => `YAML syntax error: ${detail}`),
  'test-empty': error(() => 'The test file is empty: expected a map with `tests:`.'),
  'test-expected-map': error((what) => `Expected a map for ${what}.`),
  'test-expected-list': error((what) => `Expected a list for ${what}.`),
  'test-expected-string': error((what) => `Expected a string for ${what}.`),
  'test-expected-integer': error((what, range) => `Expected an integer ${range} for ${what}.`),
  'test-unknown-key': error((key, where, allowed) => `Unknown key '${key}' in ${where}; expected one of: ${allowed}.`),
  'test-missing-key': error((key, where) => `${where} needs '${key}'.`),
  'test-duplicate-key': error((key) => `Duplicate key '${key}'.`),
  'test-duplicate-name': error((name) => `Another test is already named '${name}': test names must be unique in a file.`),
  'test-no-tests': warning(() => 'This file has no tests.'),
  'test-mock-target': error(() => 'A mock needs exactly one of `call:` (a call target) or `workflow:` (a child workflow ID).'),
  'test-mock-outcome': error(() => 'A mock needs exactly one of `returns:`, `raises:`, `response:` or `outcomes:`.'),
  'test-outcome': error(() => 'An outcome needs exactly one of `returns:`, `raises:` or `response:`.'),
  'test-response-not-http': error((target) => `\`response:\` answers http.* calls only; '${target}' gets \`returns:\` or \`raises:\`.`),
  'test-raises-value': error(() => '`raises:` takes a map (an error such as {message, tags}) or a string, as `raise:` does.'),
  'test-invalid-state': error((state) => `Unknown state '${state}': expected SUCCEEDED, FAILED or CANCELLED.`),
  'test-invalid-now': error((text) => `'${text}' is not an RFC 3339 timestamp such as 2026-01-01T00:00:00Z.`),
  'test-env-value': error((key) => `The value of '${key}' must be a string, number or boolean: sys.get_env returns text.`),
  'test-workflow-not-found': error((path) => `The tested workflow '${path}' does not exist.`),
  'test-workflows-not-found': error((path) => `'${path}' does not exist: \`workflows:\` lists files or directories of workflows.`),
  'test-unknown-test': error((name) => `No test is named '${name}'.`),
  'test-unknown-call-target': warning((target) => `'${target}' is not a subworkflow, a standard-library function or a connector: this never matches a call.`),
  'test-unknown-arg': warning((key, target, params) => `'${target}' takes no argument '${key}' (it takes: ${params}): this never matches a call.`),
  'test-unknown-step': warning((step) => `The tested workflow has no step '${step}': this never matches a call.`),
  'test-result-and-failure': warning(() => 'A `result` is expected from a test that expects the run to fail.'),
} as const;

export type TestMessageCode = keyof typeof TEST_MESSAGES;

/** Builds the diagnostic for `code` with the table's severity and message. */
export function testDiagnostic(code: TestMessageCode, span: Span, ...args: string[]): Diagnostic {
  const spec = TEST_MESSAGES[code];
  return { code, severity: spec.severity, message: (spec.message as Template)(...args), span };
}
