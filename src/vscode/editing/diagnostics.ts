import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, Severity } from '../../core/diagnostic';
import type { Log } from '../util/log';
import { toRange } from '../util/ranges';
import { isWorkflowDocument, WORKFLOW_SCHEMES } from '../workflowFiles';
import type { WorkflowCache } from './workflowCache';
import type { WorkflowIndex } from './workflowIndex';
import { crossWorkflowDiagnostics } from '../../core/validate/childWorkflows';

const DEBOUNCE_MS = 200;

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/**
 * Lints workflow documents as they change: debounced per document, parsed and validated in two
 * separate tasks, dropped (before either) when the document moved on meanwhile, cleared on close or when `cloudWorkflows.validation.enabled` is off.
 * Keeps the core diagnostic behind each published one so quick fixes can read its `data`.
 */
export class WorkflowDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cloudWorkflows');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly published = new Map<string, { shown: vscode.Diagnostic; core: CoreDiagnostic }[]>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly cache: WorkflowCache,
    private readonly log: Log,
    private readonly index?: WorkflowIndex,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cloudWorkflows.validation.enabled') || e.affectsConfiguration('cloudWorkflows.files')) this.refreshAll();
      }),
    ];
    if (index) this.subscriptions.push(index.onDidChange(() => this.refreshAll()));
    this.refreshAll();
  }

  /** The core diagnostic published as `shown` (matched by range, code and message). */
  coreDiagnostic(uri: vscode.Uri, shown: vscode.Diagnostic): CoreDiagnostic | undefined {
    const code = typeof shown.code === 'object' ? shown.code.value : shown.code;
    return this.published
      .get(uri.toString())
      ?.find((p) => p.shown.range.isEqual(shown.range) && p.shown.code === code && p.shown.message === shown.message)?.core;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.subscriptions.forEach((s) => s.dispose());
    this.collection.dispose();
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.update(document, document.version);
      }, delay),
    );
  }

  private update(document: vscode.TextDocument, version: number): void {
    if (document.isClosed || document.version !== version) return;
    const enabled = vscode.workspace.getConfiguration('cloudWorkflows', document.uri).get<boolean>('validation.enabled', true);
    if (!enabled || !WORKFLOW_SCHEMES.includes(document.uri.scheme) || !isWorkflowDocument(document)) {
      this.clear(document.uri);
      return;
    }
    try {
      this.cache.workflow(document);
    } catch (error) {
      this.log.error(`Could not check ${document.uri.fsPath}`, error);
      return;
    }
    // Validation is a task of its own, after parsing: neither holds the extension host for the
    // sum of both, and an edit in between (a new version) cancels it.
    const key = document.uri.toString();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.publish(document, version);
      }, 0),
    );
  }

  private publish(document: vscode.TextDocument, version: number): void {
    if (document.isClosed || document.version !== version) return;
    try {
      const { workflow, diagnostics: own } = this.cache.lint(document);
      const lookup = this.index?.lookup();
      const diagnostics = lookup ? [...own, ...crossWorkflowDiagnostics(workflow, lookup)].sort((a, b) => a.span.start - b.span.start) : own;
      const entries = diagnostics.map((core) => ({ shown: this.convert(document, core), core }));
      this.published.set(document.uri.toString(), entries);
      this.collection.set(document.uri, entries.map((e) => e.shown));
    } catch (error) {
      this.log.error(`Could not check ${document.uri.fsPath}`, error);
    }
  }

  private convert(document: vscode.TextDocument, core: CoreDiagnostic): vscode.Diagnostic {
    const shown = new vscode.Diagnostic(toRange(document, core.span), core.message, SEVERITIES[core.severity]);
    shown.code = core.code;
    shown.source = 'cloud-workflows';
    shown.relatedInformation = core.related?.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(document, r.span)), r.message),
    );
    return shown;
  }

  private clear(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.published.delete(uri.toString());
    this.collection.delete(uri);
  }
}
