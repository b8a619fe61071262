import * as assert from 'assert';
import * as vscode from 'vscode';
import { children, deleteWorkspaceFiles, outputChannelText, runApi, seen, setSetting, waitFor, workflowNode, workspaceFile, writeWorkspaceFile } from './runHelpers';
import type { Execution, RunApi } from './runHelpers';

/** A workflow that needs its argument: run with null it fails at once. */
const NEEDS_ARGUMENT = `main:
  params: [args]
  steps:
    - done:
        return: \${"Hello " + args.name}
`;

/** The context object VS Code passes to an editor-title button after the file's URI. */
const EDITOR_TITLE_CONTEXT = { groupId: 1, editorIndex: 0 };

suite('Run: bugs of the run and deploy commands', function () {
  this.timeout(60_000);
  let api: RunApi;
  const restore: (() => Promise<void>)[] = [];
  const files = ['button.workflows.yaml', 'redeployed.workflows.yaml'];

  suiteSetup(async () => {
    api = await runApi();
    restore.push(await setSetting('target', 'emulator'), await setSetting('emulator.clock', 'virtual'));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    for (const undo of restore.reverse()) await undo();
    await deleteWorkspaceFiles(files);
  });

  test('the ▶ Run button in the editor title asks for the workflow ID and the argument', async () => {
    const uri = await writeWorkspaceFile('button.workflows.yaml', NEEDS_ARGUMENT);
    const before = api.lastPrompt();
    const running = vscode.commands.executeCommand('cloudWorkflows.runWorkflow', uri, EDITOR_TITLE_CONTEXT) as Thenable<Execution | undefined>;
    await waitFor(() => api.lastPrompt(), (title) => title !== before && title === 'Workflow ID', 'the workflow ID box');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor(() => api.lastPrompt(), (title) => title === 'Run button', 'the argument box');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await running, undefined, 'closing the argument box runs nothing');
    api.executionsTree.refresh();
    const [target] = await children(api);
    const workflows = await Promise.all((await children(api, target)).map(async (n) => (await seen(api, n)).label));
    assert.strictEqual(workflows.includes('button'), false, `nothing was deployed: ${workflows.join(', ')}`);
  });

  test('deploy says the file has errors before asking for the workflow ID', async () => {
    const before = api.lastPrompt();
    const result = await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', workspaceFile('broken.workflows.yaml'));
    assert.strictEqual(result, undefined);
    assert.strictEqual(
      api.lastError(),
      "broken.workflows.yaml has an error on line 7: There is no step 'nowhere' in routine 'main'. Fix it (see Problems), then try again.",
    );
    assert.strictEqual(api.lastPrompt(), before, 'no input box was shown');
  });

  test('the Google Cloud target says there are no credentials before asking for the argument', async function () {
    if (process.env.GOOGLE_APPLICATION_CREDENTIALS) this.skip();
    const undo = [await setSetting('project', 'h9-no-such-project'), await setSetting('target', 'cloud')];
    try {
      const before = api.lastPrompt();
      const result = await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('hello.workflows.yaml'));
      assert.strictEqual(result, undefined);
      assert.strictEqual(
        api.lastError(),
        'No usable Google Cloud credentials were found. Run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file.',
      );
      assert.strictEqual(api.lastPrompt(), before, 'no input box was shown');
    } finally {
      for (const u of undo.reverse()) await u();
    }
  });

  test('the log says "Run failed:" once', async () => {
    await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('hello.workflows.yaml'), { argument: '{"name": ' });
    const log = await waitFor(() => outputChannelText(api), (text) => text.includes('[error] Run failed: The argument is not valid JSON'), 'the failure in the log');
    assert.strictEqual(log.includes('Run failed failed'), false);
  });

  test('the workflow node shows the new revision after Run deployed a changed file', async () => {
    const uri = await writeWorkspaceFile('redeployed.workflows.yaml', NEEDS_ARGUMENT);
    const first = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', uri, { argument: '{"name": "Ada"}' })) as Execution | undefined;
    assert.ok(first, `run failed: ${api.lastError()}`);
    const workflow = await workflowNode(api, 'redeployed');
    assert.match((await seen(api, workflow)).description, /^revision 000001-/);
    await writeWorkspaceFile('redeployed.workflows.yaml', NEEDS_ARGUMENT.replace('Hello ', 'Hi '));
    const second = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', uri, { argument: '{"name": "Ada"}' })) as Execution | undefined;
    assert.deepStrictEqual([second?.state, second?.result], ['SUCCEEDED', '"Hi Ada"']);
    const after = await waitFor(() => seen(api, workflow), (s) => !s.description.startsWith('revision 000001-'), 'the new revision on the same node');
    assert.match(after.description, /^revision 000002-/);
  });
});
