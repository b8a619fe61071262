import * as assert from 'assert';
import * as vscode from 'vscode';
import type { GraphPanelApi } from '../graph/graphHelpers';
import { runApi, setSetting, workspaceFile } from './runHelpers';
import type { Execution, RunApi } from './runHelpers';

/**
 * Show on Graph: an execution of the Executions view drawn on its workflow's graph. With the run
 * suites (not the graph suite) because it deploys and runs, which loads the Google client bundle.
 */
suite('Run: Show on Graph', function () {
  this.timeout(90_000);
  let api: RunApi;
  const restore: (() => Promise<void>)[] = [];

  suiteSetup(async () => {
    api = await runApi();
    restore.push(await setSetting('target', 'emulator'), await setSetting('emulator.clock', 'virtual'));
  });

  suiteTeardown(async () => {
    for (const undo of restore.reverse()) await undo();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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
    shown.panel.dispose();
  });
});
