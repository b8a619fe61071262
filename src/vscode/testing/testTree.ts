/**
 * The Testing view's tree: one item per workflow test file in the workspace and one child per
 * test, placed at its `- name:` line (VS Code draws the gutter ▶ there). Kept in sync with the
 * files on disk (a file watcher) and with unsaved edits of open test files.
 */
import * as vscode from 'vscode';
import { LineIndex } from '../../core/location';
import type { Diagnostic } from '../../core/diagnostic';
import { parseWorkflow } from '../../core/model/parse';
import { checkTargets, parseTestFile, type TestFile } from '../../core/testing';

/** Test files: `*.workflows.test.*`, and `*.test.*` beside a workflow of the same stem. */
export const TEST_FILE_GLOB = '**/*.test.{yaml,yml,json}';
const WORKFLOWS_TEST = /\.workflows\.test\.(ya?ml|json)$/i;
const PLAIN_TEST = /\.test\.(ya?ml|json)$/i;

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
} as const;

/** What an item stands for: a whole file, or one test of it. */
export type ItemKind = { kind: 'file'; uri: vscode.Uri } | { kind: 'test'; uri: vscode.Uri; name: string };

export class TestTree implements vscode.Disposable {
  readonly kinds = new WeakMap<vscode.TestItem, ItemKind>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly controller: vscode.TestController,
    private readonly diagnostics: vscode.DiagnosticCollection,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(TEST_FILE_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.refreshFile(uri)),
      watcher.onDidChange((uri) => void this.refreshFile(uri)),
      watcher.onDidDelete((uri) => {
        controller.items.delete(uri.toString());
        diagnostics.delete(uri);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (PLAIN_TEST.test(e.document.uri.path)) void this.refreshFile(e.document.uri, e.document.getText());
      }),
    );
  }

  /** Finds every test file of the workspace. */
  async discoverAll(): Promise<void> {
    const uris = await vscode.workspace.findFiles(TEST_FILE_GLOB, '{**/node_modules/**,**/.*/**}');
    await Promise.all(uris.map((uri) => this.refreshFile(uri)));
  }

  /** Re-reads one file (from `text` when given: an unsaved editor) and rebuilds its tests. */
  async refreshFile(uri: vscode.Uri, text?: string): Promise<void> {
    const defaultWorkflow = await testedWorkflow(uri);
    if (!defaultWorkflow) {
      this.controller.items.delete(uri.toString());
      return;
    }
    let source = text;
    if (source === undefined) {
      try {
        source = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        this.controller.items.delete(uri.toString());
        return;
      }
    }
    const file = this.controller.items.get(uri.toString()) ?? this.controller.createTestItem(uri.toString(), vscode.workspace.asRelativePath(uri), uri);
    this.kinds.set(file, { kind: 'file', uri });
    const lines = new LineIndex(source);
    const { file: parsed, diagnostics: parseDiagnostics } = parseTestFile(source);
    const workflowUri = parsed.workflow ? vscode.Uri.joinPath(uri, '..', parsed.workflow.value) : defaultWorkflow;
    const diagnostics = [...parseDiagnostics, ...(await targetChecks(parsed, workflowUri))];
    this.diagnostics.set(
      uri,
      diagnostics.map((d) => {
        const r = lines.rangeOf(d.span);
        const out = new vscode.Diagnostic(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), d.message, SEVERITY[d.severity]);
        out.code = d.code;
        out.source = 'cloud-workflows test';
        return out;
      }),
    );
    const errors = diagnostics.filter((d) => d.severity === 'error');
    file.error = errors.length > 0 ? `${errors.length} problem${errors.length === 1 ? '' : 's'} in this test file: ${errors[0].message}` : undefined;
    const children = parsed.tests.map((t) => {
      const item = this.controller.createTestItem(`${uri.toString()}#${t.name}`, t.name, uri);
      const range = lines.rangeOf(t.nameSpan);
      item.range = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      this.kinds.set(item, { kind: 'test', uri, name: t.name });
      return item;
    });
    file.children.replace(children);
    this.controller.items.add(file);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The workflow a test file tests by default (its name without `.test`, with the first workflow
 * extension that exists), or undefined when `uri` is not a test file: a `*.test.*` file counts when
 * it is a `.workflows.test.*` file or a workflow of its stem exists beside it.
 */
async function testedWorkflow(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const m = PLAIN_TEST.exec(uri.path);
  if (!m) return undefined;
  const stem = uri.path.slice(0, m.index);
  for (const ext of [m[1], 'yaml', 'yml', 'json']) {
    const candidate = uri.with({ path: `${stem}.${ext}` });
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // not there: try the next extension
    }
  }
  return WORKFLOWS_TEST.test(uri.path) ? uri.with({ path: `${stem}.${m[1]}` }) : undefined;
}

/** Warnings for mocks that name a call target or a step the tested workflow does not have. */
async function targetChecks(file: TestFile, workflowUri: vscode.Uri): Promise<Diagnostic[]> {
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workflowUri));
    return checkTargets(file, parseWorkflow(text));
  } catch {
    return [];
  }
}
