import * as assert from 'assert';
import * as vscode from 'vscode';
import { childLabelled, childLines, children, deleteWorkspaceFiles, executionNode, runApi, seen, setSetting, waitFor, workflowNode, workspaceFile, writeWorkspaceFile } from './runHelpers';
import type { Execution, Node, RunApi } from './runHelpers';

const GREET = `main:
  params: [args]
  steps:
    - done:
        return: \${"Hello, " + args.name + "!"}
`;

const ONE = `main:
  steps:
    - done:
        return: 1
`;

const FILES = ['greet.workflows.yaml', 'doomed.workflows.yaml', 'revised.workflows.yaml', 'many.workflows.yaml'];

suite('Executions tree: labels, filter, delete, revisions, run and deploy from the tree, load more', function () {
  this.timeout(90_000);
  let api: RunApi;
  const restore: (() => Promise<void>)[] = [];
  let succeeded: Execution;
  let failed: Execution;

  suiteSetup(async () => {
    api = await runApi();
    restore.push(await setSetting('target', 'emulator'), await setSetting('emulator.clock', 'virtual'));
    await writeWorkspaceFile('greet.workflows.yaml', GREET);
    succeeded = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('greet.workflows.yaml'), { argument: '{"name": "Ada"}' })) as Execution;
    failed = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('greet.workflows.yaml'), { argument: '{}' })) as Execution;
    assert.deepStrictEqual([succeeded?.state, failed?.state], ['SUCCEEDED', 'FAILED'], `runs failed: ${api.lastError()}`);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('cloudWorkflows.clearExecutionsFilter');
    for (const undo of restore.reverse()) await undo();
    await deleteWorkspaceFiles(FILES);
  });

  test('labels an execution by when it started and how long it took, with its state and ID beside', async () => {
    const shown = await seen(api, await executionNode(api, succeeded));
    // The virtual clock starts on 2026-01-01, so the start shows with its date.
    assert.match(shown.label, /^2026-\d\d-\d\d \d\d:\d\d:\d\d · \d+ ms$/);
    assert.strictEqual(shown.description, `SUCCEEDED · ${succeeded.executionId}`);
  });

  test('filters executions by state and by time window, and clears the filter', async () => {
    const states = async (): Promise<string[]> => (await childLines(api, await workflowNode(api, 'greet'))).slice(1).map((l) => l.split(' | ')[1]?.split(' · ')[0] ?? l);
    await vscode.commands.executeCommand('cloudWorkflows.filterExecutions', { states: ['FAILED'] });
    assert.deepStrictEqual([...new Set(await states())], ['FAILED']);
    await vscode.commands.executeCommand('cloudWorkflows.filterExecutions', { states: ['SUCCEEDED', 'FAILED'], window: 'hour' });
    assert.deepStrictEqual(await states(), ['No executions match the filter'], 'virtual-clock runs are dated 2026-01-01, long before the last hour');
    await vscode.commands.executeCommand('cloudWorkflows.clearExecutionsFilter');
    assert.deepStrictEqual([...new Set(await states())].sort(), ['FAILED', 'SUCCEEDED']);
  });

  test('deletes an execution on the local emulator', async () => {
    const doomed = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('greet.workflows.yaml'), { argument: '{"name": "Bo"}' })) as Execution;
    const node = await executionNode(api, doomed);
    const deleted = await vscode.commands.executeCommand('cloudWorkflows.deleteExecution', node, { confirm: false });
    assert.strictEqual(deleted, doomed.name, `delete failed: ${api.lastError()}`);
    const lines = await childLines(api, await workflowNode(api, 'greet'));
    assert.strictEqual(lines.some((l) => l.includes(doomed.executionId)), false);
    const response = await fetch(`${await api.emulatorUrl()}/v1/${doomed.name}`);
    assert.strictEqual(response.status, 404);
  });

  test('deletes a workflow with its executions', async () => {
    await writeWorkspaceFile('doomed.workflows.yaml', ONE);
    const ran = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('doomed.workflows.yaml'), { argument: '' })) as Execution;
    assert.strictEqual(ran?.state, 'SUCCEEDED');
    const deleted = await vscode.commands.executeCommand('cloudWorkflows.deleteWorkflow', await workflowNode(api, 'doomed'), { confirm: false });
    assert.strictEqual(deleted, 'doomed', `delete failed: ${api.lastError()}`);
    api.executionsTree.refresh();
    const [target] = await children(api);
    const workflows = await Promise.all((await children(api, target)).map(async (n) => (await seen(api, n)).label));
    assert.strictEqual(workflows.includes('doomed'), false);
  });

  test('lists the revisions of a workflow, opens one, and diffs it against the workspace file', async () => {
    const uri = await writeWorkspaceFile('revised.workflows.yaml', ONE);
    await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', uri, {});
    await writeWorkspaceFile('revised.workflows.yaml', ONE.replace('return: 1', 'return: 2'));
    await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', uri, {});
    const workflow = await workflowNode(api, 'revised');
    const revisionsNode = await childLabelled(api, workflow, 'Revisions');
    const revisions = await Promise.all((await children(api, revisionsNode)).map((n) => seen(api, n)));
    assert.deepStrictEqual(
      revisions.map((r) => [r.label.slice(0, 6), r.description.split(' · ').at(-1), r.contextValue]),
      [
        ['000002', 'current', 'revision'],
        ['000001', revisions[1].description.split(' · ').at(-1), 'revision'],
      ],
    );
    const first = (await children(api, revisionsNode))[1];
    const document = (await vscode.commands.executeCommand('cloudWorkflows.openRevision', first)) as vscode.TextDocument | undefined;
    assert.strictEqual(document?.getText(), ONE, `open failed: ${api.lastError()}`);
    const compared = (await vscode.commands.executeCommand('cloudWorkflows.compareWithLocal', first)) as [vscode.Uri, vscode.Uri] | undefined;
    assert.ok(compared, `compare failed: ${api.lastError()}`);
    const tab = await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input, (input) => input instanceof vscode.TabInputTextDiff, 'the diff editor');
    const diff = tab as vscode.TabInputTextDiff;
    assert.deepStrictEqual([diff.original.toString(), diff.modified.toString()], [compared[0].toString(), uri.toString()]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('runs the deployed workflow and deploys its workspace file from the workflow node', async () => {
    const workflow = await workflowNode(api, 'greet');
    const final = (await vscode.commands.executeCommand('cloudWorkflows.runDeployedWorkflow', workflow, { argument: '{"name": "Cy"}' })) as Execution | undefined;
    assert.deepStrictEqual([final?.state, final?.result], ['SUCCEEDED', '"Hello, Cy!"'], `run failed: ${api.lastError()}`);
    const deployed = (await vscode.commands.executeCommand('cloudWorkflows.deployFromWorkflow', workflow)) as { workflow: { workflowId: string } } | undefined;
    assert.strictEqual(deployed?.workflow.workflowId, 'greet', `deploy failed: ${api.lastError()}`);
  });

  test('loads more executions past the first page of 20', async () => {
    const uri = await writeWorkspaceFile('many.workflows.yaml', ONE);
    await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', uri, {});
    const url = await api.emulatorUrl();
    for (let i = 0; i < 21; i++) {
      const response = await fetch(`${url}/v1/projects/local-project/locations/us-central1/workflows/many/executions`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      assert.strictEqual(response.status, 200);
    }
    const workflow = await workflowNode(api, 'many');
    const first = await children(api, workflow);
    assert.deepStrictEqual([first.length, (await seen(api, first[0])).label, (await seen(api, first.at(-1) as Node)).label], [22, 'Revisions', 'Load more…']);
    await vscode.commands.executeCommand('cloudWorkflows.loadMore', workflow);
    const all = await children(api, workflow);
    assert.deepStrictEqual([all.length, (await seen(api, all.at(-1) as Node)).contextValue], [22, 'execution']);
  });
});
