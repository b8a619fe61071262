import * as assert from 'assert';
import * as vscode from 'vscode';
import { runApi, waitFor, workspaceFile } from '../run/runHelpers';
import type { GraphPanelApi } from './graphHelpers';

export const PARENT_NODES = [
  'main/#start',
  'main/init',
  'main/execute_child_workflows',
  'main/iterate',
  'main/execute_child_workflow',
  'main/save_successful_execution',
  'main/iterate#except',
  'main/save_failed_execution',
  'main/return_execution_results',
  'main/#end',
];

/** The graph view only reads: nothing here deploys or runs (Show on Graph is tested with the run suites). */
suite('Graph: the workflow graph view', function () {
  this.timeout(90_000);
  let panel: GraphPanelApi;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await runApi();
    document = await vscode.workspace.openTextDocument(workspaceFile('workflow-parent.yaml'));
    await vscode.window.showTextDocument(document);
  });

  suiteTeardown(async () => {
    panel?.panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opens beside the editor and the webview draws every step', async () => {
    panel = (await vscode.commands.executeCommand('cloudWorkflows.showGraph', document.uri)) as GraphPanelApi;
    assert.ok(panel, 'Show Workflow Graph returned no view');
    assert.deepStrictEqual(panel.model.nodes.map((n) => n.id), PARENT_NODES);
    // `rendered` comes from the page itself: the script loaded under the CSP, laid out and drew.
    const rendered = await waitFor(() => panel.lastRendered, (r) => r?.nodes === PARENT_NODES.length, 'the webview to draw', 30_000);
    assert.strictEqual(rendered?.nodes, 10);
  });

  test('clicking a node selects its step in the editor', async () => {
    await panel.receive({ type: 'reveal', id: 'main/execute_child_workflow' });
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), document.uri.toString());
    const line = editor.document.lineAt(editor.selection.active.line).text;
    assert.strictEqual(line.trim(), '- execute_child_workflow:');
    assert.strictEqual(editor.selection.active.character, line.indexOf('execute_child_workflow'));
  });

  test('drops malformed messages from the page', async () => {
    for (const bad of [null, 42, 'reveal', { type: 'reveal' }, { type: 'reveal', id: 7 }, { type: 'svg', requestId: 'x', svg: '' }, { type: 'nope' }]) {
      await panel.receive(bad);
    }
    assert.deepStrictEqual(panel.model.nodes.map((n) => n.id), PARENT_NODES);
  });

  test('follows the document as it is edited', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf('    - return_execution_results:');
    const step = '    - log_done:\n        call: sys.log\n        args:\n          text: done\n';
    await editor.edit((b) => b.insert(document.positionAt(at), step));
    try {
      await waitFor(() => panel.model.nodes.map((n) => n.id), (ids) => ids.includes('main/log_done'), 'the new step in the graph', 10_000);
      await waitFor(() => panel.lastRendered, (r) => r?.nodes === PARENT_NODES.length + 1, 'the new step drawn', 20_000);
    } finally {
      await vscode.commands.executeCommand('undo');
    }
    await waitFor(() => panel.model.nodes.length, (n) => n === PARENT_NODES.length, 'the step gone after undo', 10_000);
  });

  test('copies the graph as Mermaid and saves the drawing as SVG', async () => {
    const mermaid = (await vscode.commands.executeCommand('cloudWorkflows.copyGraphMermaid', document.uri)) as string;
    assert.match(mermaid, /^flowchart TD\n {2}subgraph r0\["main"\]\n {4}n0\(\["start main"\]\)\n/);
    const target = workspaceFile('parent-graph.svg');
    const saved = (await vscode.commands.executeCommand('cloudWorkflows.saveGraphSvg', document.uri, target)) as vscode.Uri | undefined;
    assert.ok(saved, 'Save as SVG failed');
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    await vscode.workspace.fs.delete(target);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="wf-graph"/);
    assert.match(svg, /<style>/);
    assert.match(svg, /data-id="main\/execute_child_workflow"/);
  });
});
