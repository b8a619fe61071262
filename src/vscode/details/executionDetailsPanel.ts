import * as vscode from 'vscode';
import type { ExecutionInfo, StepEntryInfo } from '../../cloud/types';
import type { ExecutionsSource } from '../tree/executionsSource';
import type { Log } from '../util/log';
import type { DeployedSources } from './deployedSources';
import { readDetails } from './detailsData';
import type { LinkedSource } from './detailsData';
import { detailsHtml } from './detailsHtml';
import { parseWebviewMessage } from './detailsMessages';
import type { PanelMessage, RenderedSummary, WebviewMessage } from './detailsMessages';
import { buildDetailsModel, pretty } from './detailsModel';
import type { DetailsModel } from './detailsModel';

/** How often a running execution is read again while its panel is visible. */
const LIVE_INTERVAL_MS = 1000;

/** What a panel needs from the extension. */
export interface PanelServices {
  source: ExecutionsSource;
  deployed: DeployedSources;
  log: Log;
  /** The media folder holding `details.js` and `details.css`. */
  media: vscode.Uri;
  openExecution(name: string): Promise<void>;
  openStepHistoryJson(execution: ExecutionInfo, entries: StepEntryInfo[]): Promise<void>;
  logsConsoleUrl(url: string): Promise<void>;
}

/**
 * One execution's details in a webview panel: the header, the steps table, the logs, the children
 * and the variables of a selected step. While the execution runs and the panel is visible it is
 * read again every second; it stops once the execution has ended.
 */
export class ExecutionDetailsPanel implements vscode.Disposable {
  private model: DetailsModel | undefined;
  private entries: StepEntryInfo[] = [];
  private execution: ExecutionInfo | undefined;
  private source: LinkedSource | undefined;
  private timer: NodeJS.Timeout | undefined;
  private loading: Promise<void> | undefined;
  private disposed = false;
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedSummary>();
  /** Fires when the page reports what it drew (integration tests wait on it). */
  readonly onDidRender = this.renderedEmitter.event;
  /** What the page last reported drawing. */
  lastRendered: RenderedSummary | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly name: string,
    readonly panel: vscode.WebviewPanel,
    private readonly services: PanelServices,
    private readonly onDispose: () => void,
  ) {
    const webview = panel.webview;
    webview.html = detailsHtml(
      {
        cspSource: webview.cspSource,
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(services.media, 'details.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(services.media, 'details.css')).toString(),
      },
      panel.title,
    );
    this.disposables.push(
      this.renderedEmitter,
      webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => this.schedule()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Reads everything again and sends it to the page. */
  reload(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** Handles a message as if the page had sent it (the webview's own messages come here too). */
  receive(raw: unknown): void {
    const parsed = parseWebviewMessage(raw);
    if ('refused' in parsed) {
      this.services.log.warn(`execution details: ignored a message from the page (${parsed.refused})`);
      return;
    }
    this.handle(parsed.message).catch((err: unknown) => {
      this.services.log.error('Execution details: the action failed', err);
      void this.post({ type: 'failure', message: err instanceof Error ? err.message : String(err) });
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.onDispose();
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (this.model) await this.post({ type: 'model', model: this.model });
        return;
      case 'refresh':
        return this.reload();
      case 'rendered':
        this.lastRendered = message.summary;
        this.renderedEmitter.fire(message.summary);
        return;
      case 'openLine':
        return this.openLine(message.line, message.column);
      case 'selectStep':
        return this.showVariables(message.entryId);
      case 'openJson':
        if (this.execution) await this.services.openStepHistoryJson(this.execution, this.entries);
        return;
      case 'openChild':
        return this.services.openExecution(message.name);
      case 'openLogsInConsole':
        if (this.model?.logsConsoleUrl) await this.services.logsConsoleUrl(this.model.logsConsoleUrl);
        return;
    }
  }

  private async load(): Promise<void> {
    try {
      const data = await readDetails(this.services.source, this.services.deployed, this.name, this.source);
      if (this.disposed) return;
      this.execution = data.input.execution;
      this.entries = data.input.entries;
      this.source = data.source;
      this.model = buildDetailsModel(data.input);
      this.panel.title = `${this.model.workflowId} · ${this.model.executionId.slice(0, 8)} · ${this.model.state}`;
      await this.post({ type: 'model', model: this.model });
    } catch (err) {
      this.services.log.error(`Reading the execution ${this.name} failed`, err);
      await this.post({ type: 'failure', message: err instanceof Error ? err.message : String(err) });
    } finally {
      this.schedule();
    }
  }

  /** Reads again in a second while the execution runs and the panel is visible. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed || !this.model?.running || !this.panel.visible) return;
    this.timer = setTimeout(() => void this.reload(), LIVE_INTERVAL_MS);
  }

  private async showVariables(entryId: number): Promise<void> {
    const entry = this.entries.find((e) => e.entryId === entryId);
    if (!entry) return;
    if (entry.variablesJson !== undefined) {
      await this.post({ type: 'variables', entryId, text: pretty(entry.variablesJson) });
      return;
    }
    const note =
      entry.state === 'STATE_IN_PROGRESS'
        ? 'The step is still running: its variables are recorded when it ends.'
        : 'No variables were recorded for this step: only executions with detailed history (executionHistoryLevel EXECUTION_HISTORY_DETAILED) record them.';
    await this.post({ type: 'variables', entryId, note });
  }

  private async openLine(line: number, column: number): Promise<void> {
    if (!this.source) throw new Error('The workflow source of this execution could not be found.');
    const document = await vscode.workspace.openTextDocument(this.source.uri);
    const at = new vscode.Position(Math.min(line - 1, document.lineCount - 1), Math.max(0, column - 1));
    const word = document.getWordRangeAtPosition(at, /[A-Za-z0-9_-]+/) ?? new vscode.Range(at, at);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: word, preview: true });
  }

  private async post(message: PanelMessage): Promise<void> {
    if (this.disposed) return;
    await this.panel.webview.postMessage(message);
  }
}
