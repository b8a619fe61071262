import * as vscode from 'vscode';
import { buildGraph } from '../../core/graph/buildGraph';
import { toMermaid } from '../../core/graph/mermaid';
import type { GraphNode, WorkflowGraph } from '../../core/graph/types';
import { parseWorkflow } from '../../core/model/parse';
import { parseFromWebview, type FromWebview, type ToWebview } from '../../graph/messages';
import type { NodeDecoration } from '../../graph/svg';
import { formatOf } from '../workflowFiles';
import type { Log } from '../util/log';
import { webviewPage } from '../util/webviewPage';

/** The toolbar and the canvas the page script draws in. */
const GRAPH_BODY = `<div class="toolbar">
<span class="title" id="title"></span>
<button data-action="fit" title="Fit to view">Fit</button>
<button data-action="zoom-in" title="Zoom in">+</button>
<button data-action="zoom-out" title="Zoom out">−</button>
<button data-action="collapse-all" title="Fold every top-level container">Collapse</button>
<button data-action="expand-all" title="Unfold every container">Expand</button>
<button data-action="copy-mermaid" title="Copy the graph as Mermaid">Copy as Mermaid</button>
<button data-action="save-svg" title="Save the drawing as an SVG file">Save as SVG</button>
<span class="status" id="status"></span>
</div>
<div id="canvas"></div>`;

/** Typing pauses this long before the graph follows. */
const UPDATE_DELAY_MS = 300;

/** An execution drawn on the graph: its decorations and the line above the drawing. */
export interface GraphOverlay {
  executionName: string;
  decorations: Map<string, NodeDecoration>;
  summary: string;
}

/**
 * One graph view beside one workflow document: follows the document as it is edited (debounced),
 * highlights the step at the cursor, reveals a step when its node is clicked, shows the document's
 * diagnostics on their nodes, and optionally an execution overlay. Layout and drawing happen in the
 * webview; the extension host only builds the graph model (the same parse the editor features do).
 */
export class GraphPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private graph: WorkflowGraph = { nodes: [], edges: [] };
  private timer: NodeJS.Timeout | undefined;
  private ready = false;
  private requestId = 0;
  private readonly svgRequests = new Map<number, (svg: string) => void>();
  overlay: GraphOverlay | undefined;
  /** The last message the webview sent about a drawing (for tests and the log). */
  lastRendered: { nodes: number; ms: number } | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<{ nodes: number; ms: number }>();
  readonly onDidRender = this.renderedEmitter.event;
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document) this.scheduleUpdate();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === document.uri.toString())) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === document) this.highlight(e.selections[0].active);
      }),
    );
    this.rebuild();
  }

  /** The current graph model (for tests and exports). */
  get model(): WorkflowGraph {
    return this.graph;
  }

  /** Draws `overlay` on the graph (or removes it). */
  setOverlay(overlay: GraphOverlay | undefined): void {
    this.overlay = overlay;
    this.send();
  }

  /** Mermaid source of the current graph. */
  mermaid(): string {
    return toMermaid(this.graph);
  }

  /** Asks the webview for the drawing as a standalone SVG. */
  svg(timeoutMs = 10_000): Promise<string> {
    const requestId = ++this.requestId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.svgRequests.delete(requestId);
        reject(new Error('The graph view did not answer.'));
      }, timeoutMs);
      this.svgRequests.set(requestId, (svg) => {
        clearTimeout(timer);
        resolve(svg);
      });
      this.post({ type: 'exportSvg', requestId });
    });
  }

  /** Handles a message as if the webview had sent it (what a click in the view does). */
  async receive(raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (!message) {
      this.log.warn(`graph view: ignored a malformed message`);
      return;
    }
    await this.handle(message);
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.send();
        return;
      case 'reveal':
        await this.reveal(message.id);
        return;
      case 'openExecution':
        await vscode.commands.executeCommand('cloudWorkflows.showExecutionOnGraph', message.name);
        return;
      case 'copyMermaid':
        await vscode.env.clipboard.writeText(this.mermaid());
        void vscode.window.showInformationMessage('Copied the graph as Mermaid.');
        return;
      case 'saveSvg':
        await vscode.commands.executeCommand('cloudWorkflows.saveGraphSvg', this.document.uri);
        return;
      case 'svg':
        this.svgRequests.get(message.requestId)?.(message.svg);
        this.svgRequests.delete(message.requestId);
        return;
      case 'rendered':
        this.lastRendered = { nodes: message.nodes, ms: message.ms };
        this.renderedEmitter.fire(this.lastRendered);
        return;
    }
  }

  /** Selects the step of node `id` in its editor. */
  async reveal(id: string): Promise<vscode.TextEditor | undefined> {
    const node = this.graph.nodes.find((n) => n.id === id);
    if (!node) return undefined;
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: this.editorColumn(), preserveFocus: false });
    const start = this.document.positionAt(node.kind === 'end' ? node.span.start : nameStart(this.document, node));
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  private editorColumn(): vscode.ViewColumn {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    return visible?.viewColumn ?? vscode.ViewColumn.One;
  }

  private scheduleUpdate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.rebuild(), UPDATE_DELAY_MS);
  }

  private rebuild(): void {
    this.timer = undefined;
    this.graph = buildGraph(parseWorkflow(this.document.getText(), { format: formatOf(this.document) }));
    this.send();
  }

  /** The innermost step node at `position`. */
  nodeAt(position: vscode.Position): GraphNode | undefined {
    const offset = this.document.offsetAt(position);
    let best: GraphNode | undefined;
    for (const node of this.graph.nodes) {
      if (node.kind === 'start' || node.kind === 'end') continue;
      if (node.span.start <= offset && offset <= node.span.end && (!best || node.span.end - node.span.start <= best.span.end - best.span.start)) best = node;
    }
    return best;
  }

  private highlight(position: vscode.Position): void {
    this.post({ type: 'highlight', id: this.nodeAt(position)?.id });
  }

  private send(): void {
    if (!this.ready) return;
    const decorations = new Map<string, NodeDecoration>(this.overlay?.decorations ?? []);
    for (const d of vscode.languages.getDiagnostics(this.document.uri)) {
      if (d.severity > vscode.DiagnosticSeverity.Warning) continue;
      const node = this.nodeAt(d.range.start);
      if (!node) continue;
      const current = decorations.get(node.id) ?? {};
      const severity = d.severity === vscode.DiagnosticSeverity.Error ? 'error' : 'warning';
      decorations.set(node.id, { ...current, diagnostic: current.diagnostic === 'error' ? 'error' : severity, message: [current.message, d.message].filter(Boolean).join('\n') });
    }
    const title = vscode.workspace.asRelativePath(this.document.uri, false);
    this.post({ type: 'graph', graph: this.graph, decorations: [...decorations], title, overlay: this.overlay?.summary });
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    const resource = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    return webviewPage({ cspSource: webview.cspSource, scriptUri: resource('dist', 'graphView.js'), styleUri: resource('media', 'graph.css') }, 'Workflow Graph', GRAPH_BODY);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    for (const resolve of this.svgRequests.values()) resolve('');
    this.svgRequests.clear();
    this.panel.dispose();
    this.disposedEmitter.fire();
    this.disposedEmitter.dispose();
    this.renderedEmitter.dispose();
  }
}

/** Where a node's step name starts (the span covers the list item, `- ` included). */
function nameStart(document: vscode.TextDocument, node: GraphNode): number {
  const text = document.getText().slice(node.span.start, node.span.end);
  const offset = text.indexOf(node.label);
  return node.span.start + Math.max(0, offset);
}
