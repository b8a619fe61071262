import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/diagnostic';
import type { Workflow } from '../../core/model/types';
import { parseWorkflow } from '../../core/model/parse';
import { validateWorkflow } from '../../core/validate';
import { formatOf } from '../workflowFiles';

interface Entry {
  version: number;
  workflow: Workflow;
  diagnostics?: Diagnostic[];
}

/**
 * The parsed model (and lint results) of each open workflow document, computed at most once per
 * document version and shared by diagnostics, completion, hover and the other providers.
 */
export class WorkflowCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString()));

  /** The model of the document's current version. */
  workflow(document: vscode.TextDocument): Workflow {
    const entry = this.current(document);
    if (entry) return entry.workflow;
    const workflow = parseWorkflow(document.getText(), { format: formatOf(document) });
    this.entries.set(document.uri.toString(), { version: document.version, workflow });
    return workflow;
  }

  /** The model and every diagnostic of the document's current version. */
  lint(document: vscode.TextDocument): { workflow: Workflow; diagnostics: Diagnostic[] } {
    const workflow = this.workflow(document);
    const entry = this.current(document) as Entry;
    entry.diagnostics ??= validateWorkflow(workflow);
    return { workflow, diagnostics: entry.diagnostics };
  }

  dispose(): void {
    this.subscription.dispose();
    this.entries.clear();
  }

  private current(document: vscode.TextDocument): Entry | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry && entry.version === document.version ? entry : undefined;
  }
}
