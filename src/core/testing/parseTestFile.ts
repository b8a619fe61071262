/**
 * Parses a workflow test file (YAML or JSON) into a `TestFile` and its diagnostics. Nothing is
 * thrown for bad input: every problem is a diagnostic with the exact span, and whatever can still
 * be read is returned, so an editor can show the tests of a half-written file.
 */
import { parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostic';
import type { Span } from '../location';
import { testDiagnostic } from './messages';
import { readExpect } from './parseExpect';
import { readMock } from './parseMock';
import { Reader } from './reader';
import type { Mock, TestCase, TestData, TestFile } from './types';

export const FILE_KEYS = ['workflow', 'workflows', 'env', 'now', 'mocks', 'tests'] as const;
export const TEST_KEYS = ['name', 'argument', 'mocks', 'expect'] as const;

/** RFC 3339 with a zone, as `sys.now` and `time.format` speak it. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

export interface ParsedTestFile {
  file: TestFile;
  diagnostics: Diagnostic[];
}

/** Parses the text of a test file. */
export function parseTestFile(text: string): ParsedTestFile {
  const file: TestFile = { workflows: [], env: new Map(), mocks: [], tests: [] };
  const whole: Span = { start: 0, end: text.length };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { intAsBigInt: true, uniqueKeys: false, prettyErrors: false });
  } catch (err) {
    return { file, diagnostics: [testDiagnostic('test-yaml-syntax', whole, err instanceof Error ? err.message : String(err))] };
  }
  const syntax = doc.errors.map((e) => testDiagnostic('test-yaml-syntax', { start: Math.min(e.pos[0], text.length), end: Math.min(e.pos[1], text.length) }, e.message));
  if (syntax.length > 0) return { file, diagnostics: syntax };
  if (doc.contents === null || doc.contents === undefined) return { file, diagnostics: [testDiagnostic('test-empty', whole)] };
  const r = new Reader(doc);
  for (const e of r.map(doc.contents as Node, whole, 'a test file', FILE_KEYS) ?? []) {
    const span = r.spanOf(r.resolve(e.value), e.keySpan);
    switch (e.key) {
      case 'workflow': {
        const value = r.string(e.value, e.keySpan, '`workflow`');
        if (value !== undefined) file.workflow = { value, span };
        break;
      }
      case 'workflows':
        for (const item of r.list(e.value, e.keySpan, '`workflows`') ?? []) {
          const value = r.string(item, span, 'an item of `workflows`');
          if (value !== undefined) file.workflows.push({ value, span: r.spanOf(item, span) });
        }
        break;
      case 'env':
        readEnv(r, e.value, e.keySpan, file.env);
        break;
      case 'now': {
        const value = r.string(e.value, e.keySpan, '`now`');
        if (value === undefined) break;
        const ms = RFC3339.test(value) ? Date.parse(value) : NaN;
        if (Number.isNaN(ms)) r.report('test-invalid-now', span, value);
        else file.nowMs = ms;
        break;
      }
      case 'mocks':
        file.mocks = readMocks(r, e.value, e.keySpan);
        break;
      case 'tests':
        file.tests = readTests(r, e.value, e.keySpan);
        break;
    }
  }
  if (file.tests.length === 0 && r.diagnostics.length === 0) {
    r.report('test-no-tests', { start: 0, end: Math.min(text.length, firstLineEnd(text)) });
  }
  return { file, diagnostics: r.diagnostics };
}

function firstLineEnd(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl;
}

function readEnv(r: Reader, node: Node | null, at: Span, env: Map<string, string>): void {
  for (const e of r.map(node, at, '`env`') ?? []) {
    const value = r.data(e.value, e.keySpan);
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') env.set(e.key, String(value));
    else r.report('test-env-value', r.spanOf(e.value, e.keySpan), e.key);
  }
}

function readMocks(r: Reader, node: Node | null, at: Span): Mock[] {
  const mocks: Mock[] = [];
  for (const item of r.list(node, at, '`mocks`') ?? []) {
    const mock = readMock(r, item, r.spanOf(r.resolve(item), at));
    if (mock) mocks.push(mock);
  }
  return mocks;
}

function readTests(r: Reader, node: Node | null, at: Span): TestCase[] {
  const tests: TestCase[] = [];
  const names = new Set<string>();
  for (const item of r.list(node, at, '`tests`') ?? []) {
    const span = r.spanOf(r.resolve(item), at);
    const entries = r.map(item, span, 'a test', TEST_KEYS);
    if (!entries) continue;
    const nameEntry = entries.find((e) => e.key === 'name');
    if (!nameEntry) {
      r.report('test-missing-key', span, 'name', 'A test');
      continue;
    }
    const name = r.string(nameEntry.value, nameEntry.keySpan, '`name`');
    if (name === undefined) continue;
    const nameSpan = r.spanOf(nameEntry.value, nameEntry.keySpan);
    if (names.has(name)) {
      r.report('test-duplicate-name', nameSpan, name);
      continue;
    }
    names.add(name);
    const test: TestCase = { name, nameSpan, span, mocks: [], expect: { state: 'SUCCEEDED' } };
    for (const e of entries) {
      if (e.key === 'argument') test.argument = r.data(e.value, e.keySpan);
      else if (e.key === 'mocks') test.mocks = readMocks(r, e.value, e.keySpan);
      else if (e.key === 'expect') test.expect = readExpect(r, e.value, e.keySpan);
    }
    tests.push(test);
  }
  return tests;
}

/**
 * Reads JSON (or YAML) text as test data with exact integers, e.g. an execution's argument or
 * result; undefined when the text does not parse.
 */
export function parseData(text: string): TestData | undefined {
  const doc = parseDocument(text, { intAsBigInt: true, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  const r = new Reader(doc);
  return r.data((doc.contents as Node | null) ?? null, { start: 0, end: text.length });
}
