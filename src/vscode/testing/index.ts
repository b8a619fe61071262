/**
 * Workflow tests in VS Code's Testing view: a TestController listing every test file and test,
 * run and coverage profiles (run one test, a file or all, from the view or the gutter), failures
 * with expected/actual at the test and at the step where the run ended, `sys.log` in the test
 * output, and step coverage through VS Code's test-coverage API. Tests run in a separate process
 * (the extension's own `cloud-workflows test`); "Debug Test" runs one under the debugger
 * (debugProfile.ts). In an untrusted workspace nothing runs.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { parseLcov, runCli, type CliTestResult } from './cliRunner';
import { registerDebugProfile } from './debugProfile';
import { registerGenerateCommands } from './generateCommands';
import { RecordingRun, type ReportedResult } from './recordingRun';
import { TestFileCompletionProvider } from './testCompletion';
import { TestTree } from './testTree';

export const CONTROLLER_ID = 'cloudWorkflowsTests';
export type { ReportedResult } from './recordingRun';

/** Handed to the integration tests by the hidden command `cloudWorkflows.testing.inspect`. */
export interface WorkflowTestsInspection {
  controller: vscode.TestController;
  runProfile: vscode.TestRunProfile;
  coverageProfile: vscode.TestRunProfile;
  debugProfile: vscode.TestRunProfile;
  results: Map<string, ReportedResult>;
  coverage: Map<string, vscode.StatementCoverage[]>;
}

export function registerWorkflowTests(context: vscode.ExtensionContext, log: Log): void {
  const controller = vscode.tests.createTestController(CONTROLLER_ID, 'Cloud Workflows');
  const diagnostics = vscode.languages.createDiagnosticCollection('cloud-workflows-tests');
  const tree = new TestTree(controller, diagnostics);
  context.subscriptions.push(
    controller,
    tree,
    diagnostics,
    vscode.languages.registerCompletionItemProvider([{ language: 'yaml' }, { language: 'json' }], new TestFileCompletionProvider(path.join(context.extensionPath, 'snippets')), ...TestFileCompletionProvider.triggerCharacters),
  );
  const results = new Map<string, ReportedResult>();
  const coverage = new Map<string, vscode.StatementCoverage[]>();
  const cliPath = path.join(context.extensionPath, 'dist', 'cli.js');
  controller.resolveHandler = async (item) => {
    if (!item) await tree.discoverAll();
  };
  controller.refreshHandler = () => tree.discoverAll();
  const run = (withCoverage: boolean) => (request: vscode.TestRunRequest, token: vscode.CancellationToken) =>
    runTests({ controller, tree, cliPath, results, coverage: withCoverage ? coverage : undefined, log }, request, token);
  const runProfile = controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, run(false), true);
  const coverageProfile = controller.createRunProfile('Coverage', vscode.TestRunProfileKind.Coverage, run(true), true);
  coverageProfile.loadDetailedCoverage = async (_run, fileCoverage) => (fileCoverage as StepFileCoverage).details;
  const debugProfile = registerDebugProfile(context, controller, tree, results);
  const inspection: WorkflowTestsInspection = { controller, runProfile, coverageProfile, debugProfile, results, coverage };
  context.subscriptions.push(vscode.commands.registerCommand('cloudWorkflows.testing.inspect', () => inspection));
  registerGenerateCommands(context, log);
  void tree.discoverAll();
}

/** File coverage that keeps its step details for `loadDetailedCoverage`. */
class StepFileCoverage extends vscode.FileCoverage {
  constructor(
    uri: vscode.Uri,
    readonly details: vscode.StatementCoverage[],
  ) {
    super(uri, new vscode.TestCoverageCount(details.filter((d) => Number(d.executed) > 0).length, details.length));
  }
}

/** The files to run, each with the test names asked for (undefined: the whole file). */
function plan(controller: vscode.TestController, tree: TestTree, request: vscode.TestRunRequest): Map<string, { file: vscode.TestItem; names?: Set<string> }> {
  const out = new Map<string, { file: vscode.TestItem; names?: Set<string> }>();
  const excluded = new Set(request.exclude ?? []);
  const roots: vscode.TestItem[] = [];
  if (request.include) roots.push(...request.include);
  else controller.items.forEach((item) => roots.push(item));
  for (const item of roots) {
    if (excluded.has(item)) continue;
    const kind = tree.kinds.get(item);
    if (!kind) continue;
    const key = kind.uri.fsPath;
    if (kind.kind === 'file') {
      const names = new Set<string>();
      item.children.forEach((c) => {
        if (!excluded.has(c)) names.add(c.label);
      });
      out.set(key, { file: item, names: names.size === item.children.size ? undefined : names });
    } else {
      const entry = out.get(key) ?? { file: item.parent ?? item, names: new Set<string>() };
      entry.names?.add(kind.name);
      out.set(key, entry);
    }
  }
  return out;
}

interface RunContext {
  controller: vscode.TestController;
  tree: TestTree;
  cliPath: string;
  results: Map<string, ReportedResult>;
  /** Set for a coverage run: where the step counts go. */
  coverage?: Map<string, vscode.StatementCoverage[]>;
  log: Log;
}

async function runTests(ctx: RunContext, request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
  const { controller, tree, cliPath, log } = ctx;
  const testRun = new RecordingRun(controller.createTestRun(request), ctx.results);
  const abort = new AbortController();
  token.onCancellationRequested(() => abort.abort());
  try {
    if (!vscode.workspace.isTrusted) {
      testRun.appendOutput('Workflow tests run only in a trusted workspace.\r\n');
      return;
    }
    for (const [file, { file: fileItem, names }] of plan(controller, tree, request)) {
      if (token.isCancellationRequested) break;
      const items = new Map<string, vscode.TestItem>();
      fileItem.children.forEach((c) => {
        if (!names || names.has(c.label)) items.set(c.label, c);
      });
      for (const item of items.values()) testRun.started(item);
      // One name: narrow the run with --grep (a substring), then keep the exact name only.
      const grep = names && names.size === 1 ? [...names][0] : undefined;
      const result = await runCli(cliPath, file, { grep, coverage: ctx.coverage !== undefined, signal: abort.signal });
      if (result.stderr.trim() !== '') {
        testRun.appendOutput(`${result.stderr.replace(/\n/g, '\r\n')}`);
        for (const item of items.values()) testRun.errored(item, new vscode.TestMessage(result.stderr.trim()));
        items.clear();
      }
      for (const r of result.results) {
        const item = items.get(r.name);
        if (item) report(testRun, item, r);
        items.delete(r.name);
      }
      if (result.stderr.trim() === '') for (const item of items.values()) testRun.skipped(item);
      if (result.lcov && ctx.coverage) addCoverage(testRun.run, ctx.coverage, result.lcov, path.dirname(file));
    }
  } catch (err) {
    if (!abort.signal.aborted) log.error('Running workflow tests failed', err);
  } finally {
    testRun.run.end();
  }
}

function report(testRun: RecordingRun, item: vscode.TestItem, r: CliTestResult): void {
  if (r.logs.length > 0) testRun.appendOutput(`${r.logs.map((l) => `sys.log: ${l}`).join('\r\n')}\r\n`, undefined, item);
  if (r.status === 'passed') {
    testRun.passed(item, r.durationMs);
    return;
  }
  const messages: vscode.TestMessage[] = r.failures.map((f) => {
    const m = f.expected !== undefined && f.actual !== undefined ? vscode.TestMessage.diff(f.message, f.expected, f.actual) : new vscode.TestMessage(f.message);
    if (item.uri && item.range) m.location = new vscode.Location(item.uri, item.range);
    return m;
  });
  if (r.endedAt) {
    const at = new vscode.TestMessage(`The run ended here, at step "${r.endedAt.step}": ${r.failures[0]?.message.split('\n')[0] ?? 'failed'}`);
    at.location = new vscode.Location(vscode.Uri.file(r.endedAt.file), new vscode.Position(r.endedAt.line - 1, r.endedAt.column - 1));
    messages.push(at);
  }
  testRun.failed(item, messages.length > 0 ? messages : [new vscode.TestMessage(r.message ?? 'failed')], r.durationMs);
}

function addCoverage(testRun: vscode.TestRun, record: Map<string, vscode.StatementCoverage[]>, lcov: string, cwd: string): void {
  for (const [file, lines] of parseLcov(lcov)) {
    const details = lines.map(({ line, count }) => new vscode.StatementCoverage(count, new vscode.Position(line - 1, 0)));
    const uri = vscode.Uri.file(path.resolve(cwd, file));
    record.set(uri.fsPath, details);
    testRun.addCoverage(new StepFileCoverage(uri, details));
  }
}
