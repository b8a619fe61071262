/**
 * "Debug Test" in the Testing view: runs a workflow test under the `cloud-workflows` debugger
 * (launch arguments `testFile` + `test`), so breakpoints in the tested workflow stop it, and
 * reports the test passed or failed from the verdict the adapter sends at the end of the run
 * (the `cloudWorkflows.testResult` event), not from the exit code: a run that succeeds can still
 * miss its expectations. Several selected tests (a file, or a multi-selection) are debugged one
 * after another, in file order; cancelling the test run stops the session in progress and skips
 * the rest. The Debug Console output goes to the test's output too. Nothing starts in an
 * untrusted workspace.
 */
import * as vscode from 'vscode';
import { TEST_RESULT_EVENT, type TestResultEventBody } from '../../core/testing';
import { DEBUG_TYPE, UNTRUSTED_MESSAGE } from '../debug/configurationProvider';
import { RecordingRun, type ReportedResult } from './recordingRun';
import type { TestTree } from './testTree';

/** The launch attribute that ties a session to the test item it debugs (the adapter ignores it). */
const SESSION_MARK = 'cloudWorkflowsTestItem';

type Outcome = { kind: 'verdict'; verdict: TestResultEventBody } | { kind: 'no verdict'; why: string };

/** Output of the sessions in progress, by their mark. */
const outputSinks = new Map<string, (text: string) => void>();

/** Creates the "Debug Test" profile; the output tracker it needs goes to `context.subscriptions`. */
export function registerDebugProfile(context: vscode.ExtensionContext, controller: vscode.TestController, tree: TestTree, results: Map<string, ReportedResult>): vscode.TestRunProfile {
  const profile = controller.createRunProfile('Debug Test', vscode.TestRunProfileKind.Debug, (request, token) => debugTests(controller, tree, results, request, token), true);
  const tracker = vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, {
    createDebugAdapterTracker(session) {
      const sink = outputSinks.get(String(session.configuration[SESSION_MARK] ?? ''));
      if (!sink) return undefined;
      return {
        onDidSendMessage(message: { type?: string; event?: string; body?: { output?: unknown } }) {
          if (message.type === 'event' && message.event === 'output' && typeof message.body?.output === 'string') sink(message.body.output);
        },
      };
    },
  });
  context.subscriptions.push(tracker);
  return profile;
}

/** The tests a request names, in file order: a file stands for all its tests. */
function selectedTests(controller: vscode.TestController, tree: TestTree, request: vscode.TestRunRequest): vscode.TestItem[] {
  const excluded = new Set(request.exclude ?? []);
  const roots: vscode.TestItem[] = [];
  if (request.include) roots.push(...request.include);
  else controller.items.forEach((item) => roots.push(item));
  const out: vscode.TestItem[] = [];
  const add = (item: vscode.TestItem): void => {
    if (!excluded.has(item) && !out.includes(item) && tree.kinds.get(item)?.kind === 'test') out.push(item);
  };
  for (const item of roots) {
    if (excluded.has(item)) continue;
    if (tree.kinds.get(item)?.kind === 'file') {
      const children: vscode.TestItem[] = [];
      item.children.forEach((c) => children.push(c));
      children.sort((a, b) => (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0)).forEach(add);
    } else add(item);
  }
  return out;
}

async function debugTests(controller: vscode.TestController, tree: TestTree, results: Map<string, ReportedResult>, request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
  const testRun = new RecordingRun(controller.createTestRun(request), results);
  try {
    if (!vscode.workspace.isTrusted) {
      testRun.appendOutput(`${UNTRUSTED_MESSAGE}\r\n`);
      void vscode.window.showErrorMessage(UNTRUSTED_MESSAGE);
      return;
    }
    for (const item of selectedTests(controller, tree, request)) {
      const kind = tree.kinds.get(item);
      if (kind?.kind !== 'test' || token.isCancellationRequested) {
        testRun.skipped(item);
        continue;
      }
      testRun.started(item);
      const started = Date.now();
      const outcome = await debugOne(kind.uri, kind.name, testRun, item, token);
      report(testRun, item, outcome, Date.now() - started);
    }
  } finally {
    testRun.run.end();
  }
}

let sessions = 0;

/** Debugs one test and waits for its session to end. */
function debugOne(uri: vscode.Uri, name: string, testRun: RecordingRun, item: vscode.TestItem, token: vscode.CancellationToken): Promise<Outcome> {
  const mark = `${process.pid}-${++sessions}`;
  const configuration: vscode.DebugConfiguration = { type: DEBUG_TYPE, request: 'launch', name: `Debug test: ${name}`, testFile: uri.fsPath, test: name, [SESSION_MARK]: mark };
  const ours = (session: vscode.DebugSession): boolean => session.configuration[SESSION_MARK] === mark;
  return new Promise<Outcome>((resolve) => {
    let session: vscode.DebugSession | undefined;
    let verdict: TestResultEventBody | undefined;
    const subscriptions: vscode.Disposable[] = [];
    const end = (why: string): void => {
      subscriptions.forEach((d) => d.dispose());
      outputSinks.delete(mark);
      resolve(verdict ? { kind: 'verdict', verdict } : { kind: 'no verdict', why });
    };
    outputSinks.set(mark, (text) => testRun.appendOutput(text.replace(/\r?\n/g, '\r\n'), undefined, item));
    subscriptions.push(
      vscode.debug.onDidStartDebugSession((s) => {
        if (ours(s)) session = s;
      }),
      vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => {
        if (ours(e.session) && e.event === TEST_RESULT_EVENT) verdict = e.body as TestResultEventBody;
      }),
      vscode.debug.onDidTerminateDebugSession((s) => {
        if (ours(s)) end('The debug session ended before the run did: see the Debug Console.');
      }),
      token.onCancellationRequested(() => {
        if (session) void vscode.debug.stopDebugging(session);
      }),
    );
    vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(uri), configuration, { testRun: testRun.run }).then(
      (started) => {
        if (!started) end('The debug session did not start (VS Code showed why).');
      },
      (err: unknown) => end(`The debug session did not start: ${err instanceof Error ? err.message : String(err)}`),
    );
  });
}

function report(testRun: RecordingRun, item: vscode.TestItem, outcome: Outcome, duration: number): void {
  if (outcome.kind === 'no verdict') {
    testRun.errored(item, new vscode.TestMessage(outcome.why));
    return;
  }
  const { status, messages } = outcome.verdict;
  if (status === 'passed') testRun.passed(item, duration);
  else if (status === 'cancelled') testRun.skipped(item);
  else {
    testRun.failed(
      item,
      messages.map((f) => {
        const m = f.expected !== undefined && f.actual !== undefined ? vscode.TestMessage.diff(f.message, f.expected, f.actual) : new vscode.TestMessage(f.message);
        if (item.uri && item.range) m.location = new vscode.Location(item.uri, item.range);
        return m;
      }),
      duration,
    );
  }
}
