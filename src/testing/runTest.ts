/**
 * Runs one workflow test in a private in-process emulator: a virtual clock starting at the file's
 * `now`, the tested workflow and every workflow it may start as a child deployed (children really
 * run, in parallel, as in the emulator), the mocks answering calls, `sys.log` captured. Then the
 * expectations are checked and step coverage counted. Nothing here touches the network: every
 * external call is either mocked or fails the test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestData } from '../core/testing';
import { VirtualClock, VIRTUAL_EPOCH_MS } from '../engine/clock';
import { decodeJson, encodeJson } from '../engine/json';
import type { StepEntryEvent } from '../engine/host';
import type { Value } from '../engine/value';
import { Emulator } from '../emulator/emulator';
import type { ExecutionRecord } from '../emulator/records';
import { deployFile, workflowFiles, workflowIdOf } from '../emulator/sourceDirs';
import { CoverageCollector, PART_TYPES } from './coverage';
import { checkExpectations, type ExpectationFailure, type ObservedRun } from './expectations';
import { isTestFileName, type LoadedTestCase } from './loadTestFile';
import { MockInterceptor } from './mockInterceptor';

/** Where the run ended: the failing step, or the last step that ran. */
export interface EndLocation {
  file: string;
  routine: string;
  step: string;
  /** 1-based. */
  line: number;
  column: number;
}

export interface TestResult {
  /** The test file, absolute. */
  file: string;
  name: string;
  status: 'passed' | 'failed';
  /** Why it failed, with expected versus actual; absent when it passed. */
  message?: string;
  failures: ExpectationFailure[];
  durationMs: number;
  state?: ObservedRun['state'];
  endedAt?: EndLocation;
  /** `sys.log` texts of the tested execution and its children, in order. */
  logs: string[];
  coverage: CoverageCollector;
}

export interface RunTestOptions {
  /** Real-time limit for one test (default 30 s): a run still going then is cancelled and fails. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Runs one loaded test; never throws for a failing workflow, only for a bug. */
export async function runTest(test: LoadedTestCase, options: RunTestOptions = {}): Promise<TestResult> {
  const started = performance.now();
  const clock = new VirtualClock(test.nowMs ?? VIRTUAL_EPOCH_MS);
  const { project, location, workflowId } = testTarget(test);
  const logs: string[] = [];
  const files = new Map<string, string>();
  let interceptor: MockInterceptor | undefined;
  const emulator = new Emulator({
    clock,
    project,
    location,
    onLog: (_execution, entry) => logs.push(typeof entry.payload === 'string' ? entry.payload : JSON.stringify(entry.payload)),
    interceptor: (execution) => interceptor?.forExecution(execution),
  });
  interceptor = new MockInterceptor({
    mocks: test.mocks,
    env: test.env,
    isDeployed: (id) => files.has(id),
    parent: emulator.parent,
    now: () => clock.now(),
  });
  const coverage = new CoverageCollector();
  const result = (status: 'passed' | 'failed', failures: ExpectationFailure[], extra: Partial<TestResult> = {}): TestResult => ({
    file: test.testFile,
    name: test.test.name,
    status,
    message: failures.length > 0 ? failures.map((f) => f.message).join('\n') : undefined,
    failures,
    durationMs: Math.round(performance.now() - started),
    logs,
    coverage,
    ...extra,
  });
  try {
    const deployed = deployFile(emulator, test.workflowPath, workflowId);
    if (!('revisionId' in deployed)) return result('failed', [{ message: [deployed.message, ...deployed.problems].join('\n') }]);
    files.set(workflowId, test.workflowPath);
    deployChildren(emulator, test, files);
    for (const file of new Set(files.values())) coverage.addFile(file);
    const argument = test.argument === undefined ? undefined : encodeJson(test.argument as Value);
    const name = String(emulator.run(workflowId, argument).name);
    const record = await waitOrCancel(emulator, name, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (!record) return result('failed', [{ message: `The test did not finish within ${(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s (real time) and was cancelled.` }]);
    const workflowOf = new Map([...files].map(([id, file]) => [id, file]));
    for (const r of withDescendants(emulator, record)) {
      const id = /\/workflows\/([^/]+)\/executions\//.exec(r.name)?.[1] ?? '';
      const file = workflowOf.get(id);
      if (file) coverage.addEntries(file, r.stepEntries);
    }
    const { observed, failures } = judgeRun(test, record, interceptor, logs);
    const endedAt = endOf(record, test.workflowPath, coverage);
    if (failures.length > 0 && endedAt) {
      failures[failures.length - 1] = { ...failures[failures.length - 1], message: `${failures[failures.length - 1].message}\nThe run ended at step "${endedAt.step}" (${path.basename(endedAt.file)}:${endedAt.line}:${endedAt.column}).` };
    }
    return result(failures.length > 0 ? 'failed' : 'passed', failures, { state: observed.state, endedAt });
  } finally {
    await emulator.close();
  }
}

/**
 * Where a test's run lives: the project and location of its emulator and the tested workflow's
 * ID, from the test's `env` (`GOOGLE_CLOUD_PROJECT_ID`, `GOOGLE_CLOUD_LOCATION`,
 * `GOOGLE_CLOUD_WORKFLOW_ID`) or the defaults.
 */
export function testTarget(test: Pick<LoadedTestCase, 'env' | 'workflowPath'>): { project: string; location: string; workflowId: string } {
  return {
    project: test.env.get('GOOGLE_CLOUD_PROJECT_ID') ?? 'test-project',
    location: test.env.get('GOOGLE_CLOUD_LOCATION') ?? 'us-central1',
    workflowId: test.env.get('GOOGLE_CLOUD_WORKFLOW_ID') ?? workflowIdOf(test.workflowPath) ?? 'workflow',
  };
}

/**
 * The verdict on a finished run of a test: what the run did, and the failures — the unmocked
 * calls if there were any (each one fails the test on its own), else the unmet expectations.
 * An empty list means the test passed.
 */
export function judgeRun(test: Pick<LoadedTestCase, 'expect'>, record: ExecutionRecord, interceptor: MockInterceptor, logs: string[]): { observed: ObservedRun; failures: ExpectationFailure[] } {
  const observed = observe(record, interceptor, logs);
  const unmocked = interceptor.unmocked.map((message) => ({ message }));
  return { observed, failures: unmocked.length > 0 ? unmocked : checkExpectations(test.expect, observed) };
}

/** Deploys the workflows a child may start: `workflows:` entries, then the tested file's folder. */
function deployChildren(emulator: Emulator, test: LoadedTestCase, files: Map<string, string>): void {
  for (const source of test.workflowSources) {
    let candidates: string[];
    try {
      candidates = fs.statSync(source).isDirectory() ? workflowFiles(source) : [source];
    } catch {
      continue;
    }
    for (const file of candidates) {
      const id = workflowIdOf(file);
      if (!id || files.has(id) || isTestFileName(file) || path.resolve(file) === path.resolve(test.workflowPath)) continue;
      // A file beside the tested one that is not a workflow is simply not a possible child.
      if ('revisionId' in deployFile(emulator, file, id)) files.set(id, path.resolve(file));
    }
  }
}

async function waitOrCancel(emulator: Emulator, name: string, timeoutMs: number): Promise<ExecutionRecord | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  try {
    const record = await Promise.race([emulator.wait(name), late]);
    if (!record) await emulator.executions.cancel(name).catch(() => undefined);
    return record;
  } finally {
    clearTimeout(timer);
  }
}

function withDescendants(emulator: Emulator, record: ExecutionRecord): ExecutionRecord[] {
  const out = [record];
  for (let i = 0; i < out.length; i++) out.push(...emulator.children(out[i].name));
  return out;
}

function decoded(text: string | undefined): TestData {
  if (text === undefined) return null;
  try {
    return decodeJson(text) as TestData;
  } catch {
    return text;
  }
}

function observe(record: ExecutionRecord, interceptor: MockInterceptor, logs: string[]): ObservedRun {
  const state = record.state === 'ACTIVE' ? 'CANCELLED' : record.state;
  // An inline step (a switch case's `raise:`) is recorded under its parent's name: one run, one name.
  const previous = new Map<string, StepEntryEvent>();
  const steps: string[] = [];
  for (const e of [...record.stepEntries].sort((a, b) => a.entryId - b.entryId)) {
    if (PART_TYPES.has(e.stepType)) continue;
    const before = previous.get(e.threadId);
    previous.set(e.threadId, e);
    if (before && before.step === e.step && before.stepType !== e.stepType) continue;
    steps.push(e.step);
  }
  return {
    state,
    result: state === 'SUCCEEDED' ? decoded(record.result) : undefined,
    error: state === 'SUCCEEDED' ? undefined : decoded(record.error?.payload),
    steps,
    calls: interceptor.calls,
    logs,
  };
}

function endOf(record: ExecutionRecord, file: string, coverage: CoverageCollector): EndLocation | undefined {
  const frame = record.error?.stackTrace[0];
  if (frame) return { file, routine: frame.routine, step: frame.step, line: frame.line, column: frame.column };
  const last = [...record.stepEntries].sort((a, b) => b.entryId - a.entryId).find((e) => e.threadId === '');
  const site = last && coverage.siteOf(file, last.routine, last.step);
  return site && { file, routine: site.routine, step: site.step, line: site.line + 1, column: site.character + 1 };
}
