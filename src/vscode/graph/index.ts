import * as vscode from 'vscode';
import type { RunFeaturesApi } from '../run';
import { UserError, reportFailure } from '../run/commandErrors';
import type { Log } from '../util/log';
import { isWorkflowDocument } from '../workflowFiles';
import { GraphPanel } from './graphPanel';
import { showExecutionOnGraph } from './showOnGraph';

/** What the graph commands return, for the integration tests. */
export interface GraphViews {
  /** The open graph view of a document, if any. */
  panelOf(uri: vscode.Uri): GraphPanel | undefined;
}

/**
 * The workflow graph: **Show Workflow Graph** (editor title, palette, code lens) opens a view beside
 * the editor; **Show on Graph** draws an execution of the Executions view on its workflow's graph;
 * Copy as Mermaid and Save as SVG export it. Read-only, so it works in untrusted workspaces.
 */
export function registerGraphView(context: vscode.ExtensionContext, log: Log, run: RunFeaturesApi): GraphViews {
  const panels = new Map<string, GraphPanel>();

  const open = (document: vscode.TextDocument): GraphPanel => {
    const key = document.uri.toString();
    const existing = panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel('cloudWorkflows.graph', `Graph: ${baseName(document.uri)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')],
    });
    const view = new GraphPanel(document, panel, context.extensionUri, log);
    panels.set(key, view);
    view.onDidDispose(() => panels.delete(key));
    return view;
  };

  const documentOf = async (arg: unknown): Promise<vscode.TextDocument> => {
    const document = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
    if (!document || !isWorkflowDocument(document)) throw new UserError('Open a workflow file first.');
    return document;
  };

  const command = <A extends unknown[]>(id: string, action: string, body: (...args: A) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: A) => {
      try {
        return await body(...args);
      } catch (err) {
        reportFailure(log, action, err);
        return undefined;
      }
    });

  context.subscriptions.push(
    command('cloudWorkflows.showGraph', 'Showing the graph', async (arg?: unknown) => open(await documentOf(arg))),
    command('cloudWorkflows.copyGraphMermaid', 'Copying the graph', async (arg?: unknown) => {
      const document = await documentOf(arg);
      const text = (panels.get(document.uri.toString()) ?? open(document)).mermaid();
      await vscode.env.clipboard.writeText(text);
      return text;
    }),
    command('cloudWorkflows.saveGraphSvg', 'Saving the graph', async (arg?: unknown, target?: unknown) => {
      const document = await documentOf(arg);
      const view = panels.get(document.uri.toString()) ?? open(document);
      const svg = await view.svg();
      const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({ defaultUri: document.uri.with({ path: document.uri.path.replace(/\.(ya?ml|json)$/i, '') + '.svg' }), filters: { SVG: ['svg'] } });
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
      return uri;
    }),
    command('cloudWorkflows.showExecutionOnGraph', 'Showing the execution on the graph', (arg?: unknown) => showExecutionOnGraph(run.executionsTree, open, arg)),
    { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
  );
  return { panelOf: (uri) => panels.get(uri.toString()) };
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
