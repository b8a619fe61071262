import * as vscode from 'vscode';
import { quickFixes } from '../../core/language/quickFixes';
import { toRange } from '../util/ranges';
import { formatOf } from '../workflowFiles';
import type { WorkflowDiagnostics } from './diagnostics';
import type { WorkflowCache } from './workflowCache';

/**
 * The core's `quickFixes` (as the language server serves them) for the diagnostics shown:
 * "Change to 'x'" for every did-you-mean suggestion, "Add 'x' to shared" for unshared parallel writes.
 */
export class WorkflowQuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly diagnostics: WorkflowDiagnostics,
    private readonly cache: WorkflowCache,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const shown of context.diagnostics) {
      if (token.isCancellationRequested) return [];
      const core = this.diagnostics.coreDiagnostic(document.uri, shown);
      if (!core) continue;
      const source = { text: document.getText(), format: formatOf(document), workflow: this.cache.workflow(document) };
      for (const fix of quickFixes(source, core)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of fix.edits) action.edit.replace(document.uri, toRange(document, edit.span), edit.newText);
        action.diagnostics = [shown];
        action.isPreferred = fix.isPreferred;
        actions.push(action);
      }
    }
    return actions;
  }
}
