import * as vscode from 'vscode';
import type { ExecutionInfo, StepEntryInfo } from '../../cloud/types';
import { decodeJson, encodeJson } from '../../engine/json';
import type { Value } from '../../engine/value';

/** The scheme of the read-only documents that show results, errors and step histories. */
export const OUTPUT_SCHEME = 'cloud-workflows-output';

/**
 * Read-only JSON documents for execution results, errors and step histories, served from memory
 * by a `TextDocumentContentProvider` (nothing to save, nothing written to disk).
 */
export class OutputDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(OUTPUT_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens (or updates) the result or error of an execution; returns the document. */
  async showExecution(execution: ExecutionInfo, options: { preserveFocus?: boolean } = {}): Promise<vscode.TextDocument> {
    const kind = execution.state === 'SUCCEEDED' ? 'result' : execution.error ? 'error' : 'state';
    const uri = vscode.Uri.from({ scheme: OUTPUT_SCHEME, path: `/${execution.workflowId}/${execution.executionId}.${kind}.json` });
    return this.show(uri, executionOutputText(execution), options);
  }

  /** Opens the step history of an execution. */
  async showSteps(execution: ExecutionInfo, entries: StepEntryInfo[]): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: OUTPUT_SCHEME, path: `/${execution.workflowId}/${execution.executionId}.steps.json` });
    return this.show(uri, stepHistoryText(entries), {});
  }

  /**
   * A read-only document holding a deployed revision's source (for opening or diffing), named
   * after the workflow and revision, with the language of its text.
   */
  sourceUri(workflowId: string, revisionId: string, text: string): vscode.Uri {
    const extension = /^\s*[{[]/.test(text) ? 'json' : 'yaml';
    const uri = vscode.Uri.from({ scheme: OUTPUT_SCHEME, path: `/${workflowId}/revisions/${revisionId}.${extension}` });
    const key = uri.toString();
    const known = this.contents.get(key);
    this.contents.set(key, text);
    if (known !== undefined && known !== text) this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.contents.clear();
  }

  private async show(uri: vscode.Uri, text: string, options: { preserveFocus?: boolean }): Promise<vscode.TextDocument> {
    const key = uri.toString();
    const known = this.contents.has(key);
    this.contents.set(key, text);
    if (known) this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const json = document.languageId === 'json' ? document : await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(json, { preview: true, preserveFocus: options.preserveFocus ?? false });
    return json;
  }
}

/**
 * What the result/error document says: a succeeded execution's result as is; otherwise the state
 * with the error payload, its context and stack trace. Numbers keep their exact digits.
 */
export function executionOutputText(execution: ExecutionInfo): string {
  if (execution.state === 'SUCCEEDED') return `${encodeJson(decode(execution.result ?? 'null'), true)}\n`;
  const out: Value = new Map<string, Value>([['state', execution.state]]);
  if (execution.error) {
    out.set('error', decode(execution.error.payload));
    if (execution.error.context) out.set('context', execution.error.context);
    if (execution.error.stackTrace.length > 0) {
      out.set(
        'stackTrace',
        execution.error.stackTrace.map((s) => new Map<string, Value>([['step', s.step], ['routine', s.routine], ['line', BigInt(s.line)], ['column', BigInt(s.column)]])),
      );
    }
  }
  return `${encodeJson(out, true)}\n`;
}

/**
 * The step history as a JSON tree: entries in order, each nested under the entry that started it
 * (`parentEntryId`, e.g. the steps of a parallel branch under the parallel step).
 */
export function stepHistoryText(entries: StepEntryInfo[]): string {
  const byId = new Map<number, Map<string, Value>>();
  const roots: Value[] = [];
  for (const e of entries) {
    const m = new Map<string, Value>([
      ['entryId', BigInt(e.entryId)],
      ['routine', e.routine],
      ['step', e.step],
      ['stepType', e.stepType],
      ['state', e.state],
    ]);
    if (e.threadId) m.set('threadId', e.threadId);
    if (e.createTime) m.set('createTime', e.createTime);
    if (e.exceptionPayload) m.set('error', decode(e.exceptionPayload));
    byId.set(e.entryId, m);
    const parent = e.parentEntryId === undefined ? undefined : byId.get(e.parentEntryId);
    if (parent) {
      const steps = parent.get('steps');
      if (Array.isArray(steps)) steps.push(m);
      else parent.set('steps', [m]);
    } else {
      roots.push(m);
    }
  }
  return `${encodeJson(roots, true)}\n`;
}

function decode(text: string): Value {
  try {
    return decodeJson(text);
  } catch {
    return text;
  }
}
