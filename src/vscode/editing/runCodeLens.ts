import * as vscode from 'vscode';
import { toRange } from '../util/ranges';
import { isWorkflowDocument } from '../workflowFiles';
import type { WorkflowCache } from './workflowCache';

/**
 * "Run", "Debug" and "Deploy" above `main:` (or the top of a steps-only file), only in trusted
 * workspaces (they reach outside the editor), and "Graph" always (it only reads).
 */
export class RunCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly trust = vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire());

  constructor(private readonly cache: WorkflowCache) {}

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    if (token.isCancellationRequested || !isWorkflowDocument(document)) return [];
    const workflow = this.cache.workflow(document);
    if (token.isCancellationRequested) return [];
    // In the steps form the single routine's name span is the list itself: the lens sits on its first line.
    const main = workflow.form === 'invalid' ? undefined : workflow.routines.find((r) => r.name.value === 'main');
    if (!main) return [];
    const range = toRange(document, { start: main.name.span.start, end: main.name.span.start });
    const graph = new vscode.CodeLens(range, { title: 'Graph', command: 'cloudWorkflows.showGraph', arguments: [document.uri] });
    if (!vscode.workspace.isTrusted) return [graph];
    return [
      new vscode.CodeLens(range, { title: 'Run', command: 'cloudWorkflows.runWorkflow', arguments: [document.uri] }),
      new vscode.CodeLens(range, { title: 'Debug', command: 'cloudWorkflows.debugWorkflow', arguments: [document.uri] }),
      new vscode.CodeLens(range, { title: 'Deploy', command: 'cloudWorkflows.deployWorkflow', arguments: [document.uri] }),
      graph,
    ];
  }

  dispose(): void {
    this.trust.dispose();
    this.changed.dispose();
  }
}
