import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RenderedSummary as Rendered } from '../../../../src/vscode/details/detailsMessages';
import { childLabelled, children, outputChannelText, runApi, seen, setSetting, waitFor, workspaceFile } from './runHelpers';
import type { Execution, Node, RunApi } from './runHelpers';

interface Panel {
  lastRendered: Rendered | undefined;
  receive(message: unknown): void;
  panel: vscode.WebviewPanel;
}

type DetailsApi = RunApi & { executionDetails: { get(name: string): Panel | undefined } };

const SOURCE = `main:
  params: [args]
  steps:
    - init:
        assign:
          - total: 0
    - loop:
        for:
          value: v
          in: \${args.items}
          steps:
            - add:
                assign:
                  - total: \${total + v}
    - say:
        call: sys.log
        args:
          text: \${"total is " + string(total)}
          severity: WARNING
    - check:
        switch:
          - condition: \${total > 5}
            raise: \${"total over 5, got " + string(total)}
    - done:
        return: \${total}
`;

suite('Execution Details: the panel opened from the Executions view', function () {
  this.timeout(90_000);
  let api: DetailsApi;
  const restore: (() => Promise<void>)[] = [];
  const file = (): vscode.Uri => workspaceFile('details-demo.workflows.yaml');
  let failed: Execution;
  let panel: Panel;

  suiteSetup(async () => {
    api = (await runApi()) as DetailsApi;
    restore.push(await setSetting('target', 'emulator'), await setSetting('emulator.clock', 'virtual'));
    await vscode.workspace.fs.writeFile(file(), Buffer.from(SOURCE));
  });

  suiteTeardown(async () => {
    for (const undo of restore.reverse()) await undo();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file());
  });

  /** Clicks the execution's node in the tree: runs the command its tree item carries. */
  async function click(execution: Execution): Promise<Panel> {
    const node = (await api.executionsTree.revealExecution(execution)) as Node | undefined;
    assert.ok(node, `the tree does not show ${execution.name}`);
    const item = await api.executionsTree.getTreeItem(node);
    assert.strictEqual(item.command?.command, 'cloudWorkflows.showExecutionDetails');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const opened = api.executionDetails.get(execution.name);
    assert.ok(opened, `no panel for ${execution.name}: ${api.lastError()}`);
    return opened;
  }

  test('shows a failed run: header state, every step with the failures, and its log line', async () => {
    const final = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', file(), { argument: '{"items": [1, 2, 3]}' })) as Execution | undefined;
    assert.ok(final, `run failed: ${api.lastError()}`);
    failed = final;
    assert.strictEqual(failed.state, 'FAILED');
    panel = await click(failed);
    const rendered = await waitFor(() => panel.lastRendered, (r) => r?.state === 'FAILED', 'the page to draw the execution');
    assert.deepStrictEqual(rendered, { state: 'FAILED', steps: 12, failedSteps: 3, logs: 1, children: 0, variables: '' });
    assert.strictEqual(panel.panel.title, `details-demo · ${failed.executionId.slice(0, 8)} · FAILED`);
  });

  test('keeps the sys.log line out of the Output channel', () => {
    const text = outputChannelText(api);
    assert.ok(!text.includes('total is 6'), 'the sys.log line reached the Output channel');
  });

  test("lists the execution's log lines under a Logs node in the tree, with their severity", async () => {
    const node = (await api.executionsTree.revealExecution(failed)) as Node;
    const logs = await childLabelled(api, node, 'Logs');
    const lines = await Promise.all((await children(api, logs)).map((n) => seen(api, n)));
    assert.deepStrictEqual(lines, [{ label: 'total is 6', description: 'WARNING', contextValue: 'logLine' }]);
  });

  test('shows the variables of a selected step, recorded by the detailed history, exactly', async () => {
    panel.receive({ type: 'selectStep', entryId: 9 });
    const rendered = await waitFor(() => panel.lastRendered, (r) => r !== undefined && r.variables !== '', 'the variables of step 9');
    assert.strictEqual(rendered?.variables, '{\n  "args": {\n    "items": [\n      1,\n      2,\n      3\n    ]\n  },\n  "total": 6\n}');
  });

  test('opens the failing step at its line in the workspace file', async () => {
    panel.receive({ type: 'openLine', line: 20, column: 7 });
    const editor = await waitFor(
      () => vscode.window.activeTextEditor,
      (e) => e?.document.uri.toString() === file().toString(),
      'the workflow file to open',
    );
    assert.ok(editor);
    const s = editor.selection;
    assert.deepStrictEqual([s.start.line, s.start.character, s.end.line, s.end.character, editor.document.getText(s)], [19, 6, 19, 11, 'check']);
  });

  test('ignores a malformed message from the page, saying so in the log', async () => {
    panel.receive({ type: 'openLine', line: -3 });
    panel.receive('<script>');
    await waitFor(
      () => outputChannelText(api),
      (t) => t.includes('ignored a message from the page (openLine needs a positive integer "line")') && t.includes('ignored a message from the page (not an object with a string "type")'),
      'the refusals in the log',
    );
  });

  test('keeps "Open as JSON": the raw step history as a read-only JSON document', async () => {
    panel.receive({ type: 'openJson' });
    const editor = await waitFor(
      () => vscode.window.activeTextEditor,
      (e) => e?.document.uri.scheme === 'cloud-workflows-output' && e.document.uri.path.endsWith('.steps.json'),
      'the step history document',
    );
    const roots = JSON.parse(editor?.document.getText() ?? '[]') as { step: string; state: string }[];
    assert.deepStrictEqual(
      roots.map((r) => [r.step, r.state]),
      [
        ['init', 'STATE_SUCCEEDED'],
        ['loop', 'STATE_SUCCEEDED'],
        ['add', 'STATE_SUCCEEDED'],
        ['add', 'STATE_SUCCEEDED'],
        ['add', 'STATE_SUCCEEDED'],
        ['say', 'STATE_SUCCEEDED'],
        ['check', 'STATE_FAILED'],
        ['check', 'STATE_FAILED'],
      ],
    );
  });

  test("shows a parent's four children with their states", async () => {
    await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', workspaceFile('workflow-parent.yaml'), { deployChildren: true });
    const parent = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('workflow-parent.yaml'), { argument: '' })) as Execution | undefined;
    assert.ok(parent, `run failed: ${api.lastError()}`);
    const parentPanel = await click(parent);
    const rendered = await waitFor(() => parentPanel.lastRendered, (r) => r?.state === 'SUCCEEDED', 'the page to draw the parent');
    // 25 entries; the two failed children fail their call and try attempts, which except: handles.
    assert.deepStrictEqual(rendered, { state: 'SUCCEEDED', steps: 25, failedSteps: 4, logs: 0, children: 4, variables: '' });
  });

  test('follows a running execution live until it ends, with no refresh asked', async () => {
    restore.push(await setSetting('emulator.clock', 'real'));
    const slow = workspaceFile('details-slow.workflows.yaml');
    await vscode.workspace.fs.writeFile(slow, Buffer.from('main:\n  steps:\n    - nap:\n        call: sys.sleep\n        args:\n          seconds: 8\n    - done:\n        return: 1\n'));
    try {
      const started = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', slow, { argument: '', wait: false })) as Execution | undefined;
      assert.ok(started, `run failed: ${api.lastError()}`);
      const live = await click(started);
      const first = await waitFor(() => live.lastRendered, (r) => r !== undefined, 'the page to draw the running execution');
      assert.deepStrictEqual(first, { state: 'ACTIVE', steps: 1, failedSteps: 0, logs: 0, children: 0, variables: '' });
      const last = await waitFor(() => live.lastRendered, (r) => r?.state === 'SUCCEEDED', 'the page to follow the execution to its end', 30_000);
      assert.deepStrictEqual(last, { state: 'SUCCEEDED', steps: 2, failedSteps: 0, logs: 0, children: 0, variables: '' });
    } finally {
      await vscode.workspace.fs.delete(slow);
    }
  });
});
