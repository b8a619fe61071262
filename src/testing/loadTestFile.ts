/**
 * Reads a test file from disk and resolves what it names: the tested workflow (the `workflow:`
 * key, or this file's name without `.test`), the `workflows:` children, and each test's mocks in
 * matching order. `loadTestCase` is the one function a runner or a debugger needs to start one
 * test exactly as `cloud-workflows test` does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../core/diagnostic';
import { LineIndex } from '../core/location';
import { parseWorkflow } from '../core/model/parse';
import { checkTargets, parseTestFile, testDiagnostic, type Expectation, type Mock, type TestCase, type TestData, type TestFile } from '../core/testing';

/** A test file with its paths resolved. */
export interface LoadedTestFile {
  /** The test file, absolute. */
  path: string;
  text: string;
  file: TestFile;
  /** Parse problems and missing files; an `error` among them means the file cannot run. */
  diagnostics: Diagnostic[];
  /** The tested workflow file, absolute. */
  workflowPath: string;
  /** Files and directories from `workflows:`, absolute. */
  workflowSources: string[];
}

/** Everything needed to run one test. */
export interface LoadedTestCase {
  testFile: string;
  test: TestCase;
  workflowPath: string;
  /** Files and directories whose workflows children may run (`workflows:`, then the tested file's folder). */
  workflowSources: string[];
  /** The execution argument; undefined means none. */
  argument: TestData | undefined;
  env: Map<string, string>;
  nowMs: number | undefined;
  /** The test's mocks, then the file's: the first match wins. */
  mocks: Mock[];
  expect: Expectation;
}

const TEST_SUFFIX = /\.test\.(ya?ml|json)$/i;

/** True for a file name a test file may have (`*.workflows.test.yaml`, `*.test.json`, ...). */
export function isTestFileName(file: string): boolean {
  return TEST_SUFFIX.test(path.basename(file));
}

/**
 * The workflow a test file tests by default: its name without `.test`
 * (`checkout.workflows.test.yaml` → `checkout.workflows.yaml`); when that file does not exist, the
 * same stem with another workflow extension that does.
 */
export function defaultWorkflowPath(testFile: string): string {
  const base = path.basename(testFile);
  const m = TEST_SUFFIX.exec(base);
  if (!m) return testFile;
  const stem = path.join(path.dirname(testFile), base.slice(0, m.index));
  const first = `${stem}.${m[1]}`;
  if (fs.existsSync(first)) return first;
  return ['yaml', 'yml', 'json'].map((ext) => `${stem}.${ext}`).find((f) => fs.existsSync(f)) ?? first;
}

/** Parses a test file's text and resolves its paths against `testPath`. */
export function loadTestText(testPath: string, text: string): LoadedTestFile {
  const absolute = path.resolve(testPath);
  const { file, diagnostics } = parseTestFile(text);
  const dir = path.dirname(absolute);
  const workflowPath = file.workflow ? path.resolve(dir, file.workflow.value) : defaultWorkflowPath(absolute);
  const all = [...diagnostics];
  if (fs.existsSync(workflowPath)) {
    all.push(...checkTargets(file, parseWorkflow(fs.readFileSync(workflowPath, 'utf8'))));
  } else {
    all.push(testDiagnostic('test-workflow-not-found', file.workflow?.span ?? { start: 0, end: 0 }, path.relative(dir, workflowPath) || workflowPath));
  }
  const workflowSources: string[] = [];
  for (const w of file.workflows) {
    const resolved = path.resolve(dir, w.value);
    if (fs.existsSync(resolved)) workflowSources.push(resolved);
    else all.push(testDiagnostic('test-workflows-not-found', w.span, w.value));
  }
  return { path: absolute, text, file, diagnostics: all, workflowPath, workflowSources };
}

/** Reads and parses a test file; an unreadable file throws (the caller reports it). */
export function loadTestFile(testPath: string): LoadedTestFile {
  return loadTestText(testPath, fs.readFileSync(testPath, 'utf8'));
}

/** One test of a loaded file, ready to run. */
export function testCaseOf(loaded: LoadedTestFile, test: TestCase): LoadedTestCase {
  return {
    testFile: loaded.path,
    test,
    workflowPath: loaded.workflowPath,
    workflowSources: [...loaded.workflowSources, path.dirname(loaded.workflowPath)],
    argument: test.argument,
    env: loaded.file.env,
    nowMs: loaded.file.nowMs,
    mocks: [...test.mocks, ...loaded.file.mocks],
    expect: test.expect,
  };
}

/**
 * Loads the test named `testName` of `testFile`. Throws an Error whose message lists the file's
 * problems as `file:line:col: message` when the file is not valid, or, when it has no such test,
 * says so and names the tests it has.
 */
export function loadTestCase(testFile: string, testName: string): LoadedTestCase {
  const loaded = loadTestFile(testFile);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(formatDiagnostics(loaded, errors).join('\n'));
  const test = loaded.file.tests.find((t) => t.name === testName);
  if (!test) {
    const names = loaded.file.tests.map((t) => JSON.stringify(t.name));
    const known = names.length > 0 ? `Its tests: ${names.join(', ')}.` : 'It has no tests.';
    throw new Error([...formatDiagnostics(loaded, [testDiagnostic('test-unknown-test', { start: 0, end: 0 }, testName)]), known].join('\n'));
  }
  return testCaseOf(loaded, test);
}

/** `file:line:col: severity code message` lines, 1-based, as `cloud-workflows lint` prints them. */
export function formatDiagnostics(loaded: { path: string; text: string }, diagnostics: Diagnostic[], shownPath = loaded.path): string[] {
  const lines = new LineIndex(loaded.text);
  return diagnostics.map((d) => {
    const at = lines.positionAt(d.span.start);
    return `${shownPath}:${at.line + 1}:${at.character + 1}: ${d.severity} ${d.code} ${d.message}`;
  });
}
