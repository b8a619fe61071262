import * as assert from 'assert';
import * as vscode from 'vscode';
import { outputChannelText, runApi, seen, setSetting, waitFor, workspaceFile } from './runHelpers';
import type { Execution, RunApi } from './runHelpers';

/** A workflow that logs a bearer token: the emulator prints it, the extension must not. */
const LEAKY = `main:
  steps:
    - leak:
        call: sys.log
        args:
          text: "Authorization: Bearer ya29.a0-secret-token-for-tests"
    - done:
        return: 1
`;

/** Sleeps a little on the real clock, so the tree can be seen following it. */
const SLOW = `main:
  steps:
    - wait:
        call: sys.sleep
        args:
          seconds: 2
    - done:
        return: "slept"
`;

suite('Run: refusals, cancellation and the log', function () {
  this.timeout(60_000);
  let api: RunApi;
  const restore: (() => Promise<void>)[] = [];

  suiteSetup(async () => {
    api = await runApi();
    restore.push(await setSetting('target', 'emulator'));
  });

  suiteTeardown(async () => {
    for (const undo of restore.reverse()) await undo();
    for (const file of ['leaky.workflows.yaml', 'slow.workflows.yaml']) {
      try {
        await vscode.workspace.fs.delete(workspaceFile(file));
      } catch {
        // Not written.
      }
    }
  });

  test('deploy refuses a file with errors, naming the first one', async () => {
    const result = await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', workspaceFile('broken.workflows.yaml'), {});
    assert.strictEqual(result, undefined);
    assert.strictEqual(
      api.lastError(),
      "broken.workflows.yaml has an error on line 7: There is no step 'nowhere' in routine 'main'. Fix it (see Problems), then try again.",
    );
  });

  test('run refuses an argument that is not JSON', async () => {
    const result = await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('hello.workflows.yaml'), { argument: '{"name": ' });
    assert.strictEqual(result, undefined);
    assert.match(api.lastError() ?? '', /^The argument is not valid JSON: /);
  });

  test('deploy refuses an invalid workflow ID', async () => {
    const result = await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', workspaceFile('hello.workflows.yaml'), { workflowId: '9lives' });
    assert.strictEqual(result, undefined);
    assert.strictEqual(
      api.lastError(),
      '"9lives" is not a valid workflow ID. A workflow ID starts with a letter, has only letters, digits, "_" and "-", ends with a letter or digit, and has at most 64 characters.',
    );
  });

  test('runs a workflow with an argument and shows its result', async () => {
    const final = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('hello.workflows.yaml'), { argument: '{"name": "Ada"}' })) as Execution | undefined;
    assert.ok(final, `run failed: ${api.lastError()}`);
    assert.deepStrictEqual([final.workflowId, final.state, final.result], ['hello', 'SUCCEEDED', '"Hello, Ada!"']);
  });

  test('cancels a running execution on the real clock', async () => {
    restore.push(await setSetting('emulator.clock', 'real'));
    await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', workspaceFile('workflow-child.yaml'), {});
    const started = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile('workflow-child.yaml'), { argument: '{"iteration": 7}', wait: false })) as
      | Execution
      | undefined;
    assert.ok(started, `run failed: ${api.lastError()}`);
    assert.strictEqual(started.state, 'ACTIVE');
    const node = await api.executionsTree.revealExecution(started);
    assert.ok(node, 'the execution is not in the tree');
    assert.strictEqual((await seen(api, node)).contextValue, 'execution.active');
    const cancelled = (await vscode.commands.executeCommand('cloudWorkflows.cancelExecution', node)) as Execution | undefined;
    assert.ok(cancelled, `cancel failed: ${api.lastError()}`);
    assert.strictEqual(cancelled.state, 'CANCELLED');
    const after = await seen(api, node);
    assert.deepStrictEqual([after.contextValue, after.description.split(' · ')[0]], ['execution', 'CANCELLED']);
  });

  test('updates a running execution in the visible view without a refresh', async () => {
    const uri = workspaceFile('slow.workflows.yaml');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(SLOW, 'utf8'));
    await vscode.commands.executeCommand('cloudWorkflows.executions.focus');
    const started = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', uri, { argument: '', wait: false })) as Execution | undefined;
    assert.ok(started, `run failed: ${api.lastError()}`);
    const node = await api.executionsTree.revealExecution(started);
    assert.ok(node, 'the execution is not in the tree');
    const done = await waitFor(() => seen(api, node), (s) => !s.contextValue.includes('.active'), 'the execution to finish in the tree');
    assert.deepStrictEqual([done.contextValue, done.description.split(' · ')[0]], ['execution', 'SUCCEEDED']);
  });

  test('says how to log in when the Google Cloud target has no credentials', async function () {
    if (process.env.GOOGLE_APPLICATION_CREDENTIALS) this.skip();
    restore.push(await setSetting('project', 'h9-no-such-project'), await setSetting('target', 'cloud'));
    const result = await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', workspaceFile('hello.workflows.yaml'), {});
    assert.strictEqual(result, undefined);
    assert.strictEqual(
      api.lastError(),
      'No usable Google Cloud credentials were found. Run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file.',
    );
    await setSetting('target', 'emulator');
  });

  test('never writes a token to the output channel', async () => {
    const uri = workspaceFile('leaky.workflows.yaml');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(LEAKY, 'utf8'));
    const final = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', uri, { argument: '' })) as Execution | undefined;
    assert.ok(final, `run failed: ${api.lastError()}`);
    assert.strictEqual(final.state, 'SUCCEEDED');
    // sys.log lines stay with their execution (Execution Details, the Logs node), out of the Output channel.
    const log = await waitFor(() => outputChannelText(api), (text) => text.includes(`started ${final.name}`), 'the run in the output channel');
    assert.strictEqual(log.includes('ya29.a0-secret-token-for-tests'), false);
    assert.strictEqual(log.includes('Authorization: Bearer'), false);
  });
});
