import * as assert from 'assert';
import * as vscode from 'vscode';
import { runApi, setSetting, waitFor, workspaceFile } from '../run/runHelpers';
import type { Execution, RunApi } from '../run/runHelpers';

/** The slice of the extension's graph view the tests drive (its classes live in the extension's bundle). */
interface GraphPanelApi {
  model: { nodes: { id: string; kind: string }[]; edges: unknown[] };
  lastRendered: { nodes: number; ms: number } | undefined;
  overlay: { executionName: string; summary: string; decorations: Map<string, { state?: string; count?: number; badges?: { text: string; state: string }[] }> } | undefined;
  receive(message: unknown): Promise<void>;
  panel: vscode.WebviewPanel;
}

const PARENT_NODES = [
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

suite('Graph: the workflow graph view', function () {
  this.timeout(90_000);
  let api: RunApi;
  let panel: GraphPanelApi;
  let document: vscode.TextDocument;
  const restore: (() => Promise<void>)[] = [];

  suiteSetup(async () => {
    api = await runApi();
    restore.push(await setSetting('target', 'emulator'), await setSetting('emulator.clock', 'virtual'));
    document = await vscode.workspace.openTextDocument(workspaceFile('workflow-parent.yaml'));
    await vscode.window.showTextDocument(document);
  });

  suiteTeardown(async () => {
    panel?.panel.dispose();
    for (const undo of restore.reverse()) await undo();
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

  test('draws an execution of the parent: every step ran, four child badges', async () => {
    const deployed = await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', workspaceFile('workflow-parent.yaml'), { deployChildren: true });
    assert.ok(deployed, `deploy failed: ${api.lastError()}`);
    const final = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('workflow-parent.yaml'), { argument: '' })) as Execution | undefined;
    assert.ok(final, `run failed: ${api.lastError()}`);
    const node = await api.executionsTree.revealExecution(final);
    assert.ok(node, 'the execution is not in the tree');
    const shown = (await vscode.commands.executeCommand('cloudWorkflows.showExecutionOnGraph', node)) as GraphPanelApi | undefined;
    assert.ok(shown, `Show on Graph failed: ${api.lastError()}`);
    assert.strictEqual(shown, panel, 'the open view of the same file is reused');
    const overlay = shown.overlay;
    assert.ok(overlay);
    assert.strictEqual(overlay.summary, `${final.executionId.slice(0, 8)} SUCCEEDED: 7 of 7 steps ran; 4 children`);
    const state = (id: string) => overlay.decorations.get(id);
    assert.deepStrictEqual(
      ['main/init', 'main/execute_child_workflows', 'main/execute_child_workflow', 'main/save_successful_execution', 'main/save_failed_execution', 'main/#end'].map((id) => [id, state(id)?.state, state(id)?.count]),
      [
        ['main/init', 'ran', 1],
        ['main/execute_child_workflows', 'ran', 1],
        ['main/execute_child_workflow', 'ran', 4],
        ['main/save_successful_execution', 'ran', 2],
        ['main/save_failed_execution', 'ran', 2],
        ['main/#end', 'ran', undefined],
      ],
    );
    assert.deepStrictEqual(
      state('main/execute_child_workflow')?.badges?.map((b) => `${b.text} ${b.state}`),
      ['iteration: 1 SUCCEEDED', 'iteration: 2 FAILED', 'iteration: 3 SUCCEEDED', 'iteration: 4 FAILED'],
    );
  });
});
