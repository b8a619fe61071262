/**
 * Two commands that write workflow tests for the user to finish: **Generate Tests** for the open
 * workflow (one test per ending of `main`, stubs for every external call) and **Create Test from
 * Execution** on an execution of the Executions view (its argument, its outcome as `expect`).
 * Both write into the test file beside the workflow (`<id>.workflows.test.yaml`), creating it when
 * missing and never overwriting a test already there, and open it.
 */
import * as vscode from 'vscode';
import type { ExecutionInfo } from '../../cloud/types';
import { parseWorkflow } from '../../core/model/parse';
import { generateTests, parseData, testFromExecution, type FinishedExecution } from '../../core/testing';
import type { Log } from '../util/log';

const WORKFLOW_FILE = /^(.*?)(\.workflows)?\.(ya?ml|json)$/i;

function testFileFor(workflow: vscode.Uri): vscode.Uri {
  const name = workflow.path.slice(workflow.path.lastIndexOf('/') + 1);
  const stem = name.replace(WORKFLOW_FILE, '$1');
  return vscode.Uri.joinPath(workflow, '..', `${stem}.workflows.test.yaml`);
}

function exists(uri: vscode.Uri): Thenable<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function show(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** Generates tests for `target` (default: the active editor's workflow); resolves to the test file. */
async function generateForWorkflow(target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a workflow file to generate tests for it.');
    return undefined;
  }
  const text = (await vscode.workspace.openTextDocument(uri)).getText();
  const testFile = testFileFor(uri);
  const generated = generateTests(parseWorkflow(text), uri.path.slice(uri.path.lastIndexOf('/') + 1));
  if (await exists(testFile)) {
    // Never overwrite tests someone wrote: show the generated ones beside them instead.
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: generated });
    await vscode.window.showTextDocument(doc, { preview: false });
    void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(testFile)} exists: the generated tests are in a new editor to copy from.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(testFile, new TextEncoder().encode(generated));
  await show(testFile);
  return testFile;
}

/** The local workflow file of `workflowId`, if the workspace has one. */
async function workflowFileOf(workflowId: string): Promise<vscode.Uri | undefined> {
  const found = await vscode.workspace.findFiles(`**/${workflowId}{.workflows,}.{yaml,yml,json}`, '**/node_modules/**', 5);
  return found.find((u) => !/\.test\.(ya?ml|json)$/i.test(u.path));
}

function finished(info: ExecutionInfo): FinishedExecution {
  const state = info.state === 'SUCCEEDED' || info.state === 'FAILED' || info.state === 'CANCELLED' ? info.state : 'SUCCEEDED';
  const out: FinishedExecution = { id: info.executionId, state };
  if (info.argument) out.argument = parseData(info.argument);
  if (info.result !== undefined) out.result = parseData(info.result);
  if (info.error) out.error = parseData(info.error.payload) ?? info.error.context;
  return out;
}

/** Appends a test reproducing the execution to its workflow's test file; resolves to that file. */
async function createFromExecution(node: { info?: ExecutionInfo } | undefined): Promise<vscode.Uri | undefined> {
  const info = node?.info;
  if (!info) return undefined;
  if (info.state === 'ACTIVE') {
    void vscode.window.showInformationMessage('The execution is still running: create a test once it has finished.');
    return undefined;
  }
  const workflowUri = await workflowFileOf(info.workflowId);
  const workflow = workflowUri ? parseWorkflow(await readText(workflowUri)) : undefined;
  const test = testFromExecution(finished(info), workflow);
  if (!workflowUri) {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: `# No local file of workflow ${info.workflowId} was found: save this beside it as ${info.workflowId}.workflows.test.yaml.\ntests:\n${test}` });
    await vscode.window.showTextDocument(doc, { preview: false });
    return undefined;
  }
  const testFile = testFileFor(workflowUri);
  const name = workflowUri.path.slice(workflowUri.path.lastIndexOf('/') + 1);
  const before = (await exists(testFile)) ? await readText(testFile) : `# Tests of ${name}.\nworkflow: ${name}\ntests:\n`;
  const separator = before.endsWith('\n') ? '' : '\n';
  await vscode.workspace.fs.writeFile(testFile, new TextEncoder().encode(`${before}${separator}${test}`));
  await show(testFile);
  return testFile;
}

export function registerGenerateCommands(context: vscode.ExtensionContext, log: Log): void {
  const guarded =
    <A>(what: string, fn: (arg: A) => Promise<vscode.Uri | undefined>) =>
    async (arg: A): Promise<vscode.Uri | undefined> => {
      try {
        return await fn(arg);
      } catch (err) {
        log.error(`${what} failed`, err);
        void vscode.window.showErrorMessage(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    };
  context.subscriptions.push(
    vscode.commands.registerCommand('cloudWorkflows.generateTests', guarded('Generate Tests', generateForWorkflow)),
    vscode.commands.registerCommand('cloudWorkflows.createTestFromExecution', guarded('Create Test from Execution', createFromExecution)),
  );
}
