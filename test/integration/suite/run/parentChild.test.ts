import * as assert from 'assert';
import * as vscode from 'vscode';
import { childLabelled, children, executionNode, runApi, seen, setSetting, waitFor, workspaceFile } from './runHelpers';
import type { Execution, Node, RunApi } from './runHelpers';

/** The four children of one parent run, as the tree shows them (argument, state and outcome). */
const CHILDREN_SEEN = [
  { label: 'iteration: 1', description: 'SUCCEEDED · Hello world1', contextValue: 'execution.child' },
  { label: 'iteration: 2', description: 'FAILED · Error with iteration 2', contextValue: 'execution.child' },
  { label: 'iteration: 3', description: 'SUCCEEDED · Hello world3', contextValue: 'execution.child' },
  { label: 'iteration: 4', description: 'FAILED · Error with iteration 4', contextValue: 'execution.child' },
];

function line(item: { label: string; description: string }): string {
  return [item.label, item.description].filter(Boolean).join(' | ');
}

suite('Run: the parent/child example on the local emulator', function () {
  this.timeout(60_000);
  let api: RunApi;
  const restore: (() => Promise<void>)[] = [];
  let parent: Execution;
  let parentNode: Node;

  suiteSetup(async () => {
    api = await runApi();
    restore.push(await setSetting('target', 'emulator'), await setSetting('emulator.clock', 'virtual'));
  });

  suiteTeardown(async () => {
    for (const undo of restore.reverse()) await undo();
  });

  test('deploys the parent and, when asked, the child it starts', async () => {
    const deployed = (await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', workspaceFile('workflow-parent.yaml'), { deployChildren: true })) as
      | { workflow: { workflowId: string; revisionId: string; state: string }; children: { workflowId: string; state: string }[] }
      | undefined;
    assert.ok(deployed, `deploy failed: ${api.lastError()}`);
    assert.deepStrictEqual(
      { parent: [deployed.workflow.workflowId, deployed.workflow.state], children: deployed.children.map((c) => [c.workflowId, c.state]) },
      { parent: ['workflow-parent', 'ACTIVE'], children: [['workflow-child', 'ACTIVE']] },
    );
    assert.match(deployed.workflow.revisionId, /^\d{6}-[0-9a-z]{3}$/);
  });

  test('runs the parent to its result: two children succeeded, two failed', async () => {
    const final = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('workflow-parent.yaml'), { argument: '' })) as Execution | undefined;
    assert.ok(final, `run failed: ${api.lastError()}`);
    parent = final;
    assert.strictEqual(final.state, 'SUCCEEDED');
    const result = JSON.parse(final.result ?? 'null') as { success: unknown; failure: Record<string, { message: string; tags: string[] }> };
    assert.deepStrictEqual(result.success, { '1': 'Hello world1', '3': 'Hello world3' });
    assert.deepStrictEqual(
      Object.entries(result.failure).map(([k, e]) => [k, e.message, e.tags]),
      [
        ['2', 'Execution failed or cancelled.', ['OperationError']],
        ['4', 'Execution failed or cancelled.', ['OperationError']],
      ],
    );
  });

  test('shows the parent under its workflow with its four children and a summary', async () => {
    api.executionsTree.refresh();
    const [target] = await children(api);
    assert.deepStrictEqual(await seen(api, target), { label: 'Local emulator', description: '', contextValue: 'target.emulator' });
    const workflows = await Promise.all((await children(api, target)).map(async (n) => (await seen(api, n)).label));
    assert.ok(workflows.includes('workflow-parent') && workflows.includes('workflow-child'), `workflows: ${workflows.join(', ')}`);
    await childLabelled(api, target, 'workflow-parent');
    parentNode = await executionNode(api, parent);
    const [summary, ...rest] = await children(api, parentNode);
    assert.deepStrictEqual(await seen(api, summary), { label: '4 children: 2 succeeded, 2 failed', description: '', contextValue: 'childSummary' });
    const shown = await Promise.all(rest.map((n) => seen(api, n)));
    assert.deepStrictEqual(shown.slice(0, 4), CHILDREN_SEEN);
    assert.deepStrictEqual(
      shown.slice(4).map((s) => [s.label, s.contextValue]),
      [
        ['success', 'value'],
        ['failure', 'value'],
      ],
    );
    assert.strictEqual(shown[4].description, '{"1":"Hello world1","3":"Hello world3"}');
    const parentSeen = await seen(api, parentNode);
    assert.strictEqual(parentSeen.contextValue, 'execution.parent.hasFailedChildren');
    // The virtual clock starts on 2026-01-01: the start shows as a date, and the children's 10 s sleeps take 10 s.
    assert.match(parentSeen.label, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d · 10\.0 s$/);
    assert.strictEqual(parentSeen.description, `SUCCEEDED · ${parent.executionId}`);
  });

  test('lists the children of a refreshed parent with one request per child workflow', async () => {
    api.executionsTree.refresh(parentNode);
    const before = api.executionsTree.requestCount;
    await children(api, parentNode);
    assert.strictEqual(api.executionsTree.requestCount - before, 1);
  });

  test('retries exactly the two failed children, under the same parent', async () => {
    const retried = (await vscode.commands.executeCommand('cloudWorkflows.retryFailedChildren', parentNode)) as Execution[] | undefined;
    assert.ok(retried, `retry failed: ${api.lastError()}`);
    assert.deepStrictEqual(
      retried.map((e) => [e.workflowId, JSON.parse(e.argument ?? 'null')]),
      [
        ['workflow-child', { iteration: 2, parent_execution_id: parent.executionId }],
        ['workflow-child', { iteration: 4, parent_execution_id: parent.executionId }],
      ],
    );
    const settled = await waitFor(
      async () => {
        api.executionsTree.refresh(parentNode);
        return Promise.all((await children(api, parentNode)).map(async (n) => line(await seen(api, n))));
      },
      (lines) => lines[0] === '4 children: 2 succeeded, 2 failed (2 retries)',
      'the retries to finish',
    );
    assert.deepStrictEqual(settled.slice(0, 7), [
      '4 children: 2 succeeded, 2 failed (2 retries)',
      'iteration: 1 | SUCCEEDED · Hello world1',
      'iteration: 2 | FAILED → retried: FAILED',
      'iteration: 2 (retry 1) | FAILED · Error with iteration 2',
      'iteration: 3 | SUCCEEDED · Hello world3',
      'iteration: 4 | FAILED → retried: FAILED',
      'iteration: 4 (retry 1) | FAILED · Error with iteration 4',
    ]);
  });

  test('opens the result as a read-only JSON document', async () => {
    const document = (await vscode.commands.executeCommand('cloudWorkflows.openExecutionOutput', parentNode)) as vscode.TextDocument | undefined;
    assert.ok(document, `open failed: ${api.lastError()}`);
    assert.strictEqual(document.uri.scheme, 'cloud-workflows-output');
    assert.strictEqual(document.languageId, 'json');
    const result = JSON.parse(document.getText()) as { success: unknown };
    assert.deepStrictEqual(result.success, { '1': 'Hello world1', '3': 'Hello world3' });
  });

  test('shows the step history of the parent', async () => {
    const document = (await vscode.commands.executeCommand('cloudWorkflows.showStepHistory', parentNode)) as vscode.TextDocument | undefined;
    assert.ok(document, `step history failed: ${api.lastError()}`);
    const steps = JSON.parse(document.getText()) as { step: string }[];
    assert.deepStrictEqual(
      steps.map((s) => s.step),
      ['init', 'execute_child_workflows', 'return_execution_results'],
    );
  });

  test('runs the example from the Executions view welcome: both workflows, the parent to its result', async () => {
    const final = (await vscode.commands.executeCommand('cloudWorkflows.runExample')) as Execution | undefined;
    assert.ok(final, `the example failed: ${api.lastError()}`);
    assert.deepStrictEqual([final.workflowId, final.state], ['workflow-parent', 'SUCCEEDED']);
    assert.deepStrictEqual((JSON.parse(final.result ?? 'null') as { success: unknown }).success, { '1': 'Hello world1', '3': 'Hello world3' });
  });
});
