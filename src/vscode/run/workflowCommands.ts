import * as vscode from 'vscode';
import type { ExecutionInfo, WorkflowInfo } from '../../cloud/types';
import { RevisionNode } from '../tree/revisionNode';
import { WorkflowNode } from '../tree/workflowNode';
import { argumentProblem, askArgument } from './argumentInput';
import { UserError, requireTrust } from './commandErrors';
import { deployWorkflow } from './deployCommand';
import type { DeployResult } from './deployCommand';
import { follow } from './runCommand';
import type { RunContext } from './runContext';

/** Options of the workflow-node commands when called programmatically (tests). */
interface NodeCommandOptions {
  /** Skip the confirmation of a delete (false). */
  confirm?: boolean;
  /** Run: the argument as JSON text (no input box). */
  argument?: string;
  /** Run: follow the execution to a terminal state (default true). */
  wait?: boolean;
}

function options(value: unknown): NodeCommandOptions | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as NodeCommandOptions) : undefined;
}

function workflowOf(arg: unknown): WorkflowNode {
  if (arg instanceof WorkflowNode) return arg;
  throw new UserError('Choose a workflow in the Executions view first.');
}

/**
 * `cloudWorkflows.runDeployedWorkflow` on a workflow node: runs the revision deployed on the
 * target as it is (nothing is deployed: the tree shows what the target has), asking for the
 * argument, then follows it like Run Workflow.
 */
export async function runDeployedWorkflow(ctx: RunContext, arg: unknown, raw: unknown): Promise<ExecutionInfo | undefined> {
  requireTrust('Running workflows');
  const node = workflowOf(arg);
  const given = options(raw);
  const workflowId = node.info.workflowId;
  const argument = given?.argument ?? (await askArgument(ctx.extension.workspaceState, workflowId));
  if (argument === undefined) return undefined;
  const problem = argumentProblem(argument);
  if (problem) throw new UserError(`The argument is not valid JSON: ${problem.replace(/^Not JSON: /, '')}`);
  const client = await ctx.deployer.readyClient();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Running ${workflowId} (revision ${node.info.revisionId}) on ${ctx.target.info.label}`, cancellable: true },
    async (progress, token) => {
      const started = await client.runExecution(workflowId, argument === '' ? undefined : argument);
      return follow(ctx, client, started, given?.wait !== false, progress, token);
    },
  );
}

/**
 * `cloudWorkflows.deployFromWorkflow` on a workflow node: deploys its workspace file again, under
 * the node's ID, without asking (the children it starts are not deployed with it).
 */
export async function deployFromWorkflow(ctx: RunContext, arg: unknown): Promise<DeployResult | undefined> {
  const node = workflowOf(arg);
  const uri = await ctx.deployer.localFile(node.info.workflowId);
  if (!uri) throw new UserError(`No workspace file is deployed as ${node.info.workflowId}.`, `Name the file ${node.info.workflowId}.workflows.yaml, or deploy it from its editor.`);
  return deployWorkflow(ctx, uri, { workflowId: node.info.workflowId });
}

/**
 * `cloudWorkflows.deleteWorkflow` on a workflow node, after a modal confirmation: deletes the
 * workflow, its revisions and (on the emulator) its executions. Returns the deleted workflow ID.
 */
export async function deleteWorkflow(ctx: RunContext, arg: unknown, raw: unknown): Promise<string | undefined> {
  requireTrust('Deleting workflows');
  const node = workflowOf(arg);
  const workflowId = node.info.workflowId;
  const where = ctx.target.info.label;
  if (options(raw)?.confirm !== false) {
    const detail =
      ctx.target.info.kind === 'cloud'
        ? 'Its revisions go with it; its executions stop being listed. This cannot be undone.'
        : 'Its revisions and executions go with it. This cannot be undone.';
    const choice = await vscode.window.showWarningMessage(`Delete the workflow ${workflowId} from ${where}?`, { modal: true, detail }, 'Delete');
    if (choice !== 'Delete') return undefined;
  }
  const client = await ctx.deployer.readyClient();
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Deleting ${workflowId} from ${where}` }, () =>
    client.deleteWorkflow(workflowId),
  );
  ctx.log.info(`deleted the workflow ${workflowId} from ${where}`);
  ctx.tree.refresh();
  return workflowId;
}

/** The revision a node stands for: a revision node's, or a workflow node's current one. */
async function revisionOf(ctx: RunContext, arg: unknown): Promise<WorkflowInfo> {
  if (arg instanceof RevisionNode) {
    if (arg.info.sourceContents !== undefined) return arg.info;
    return ctx.tree.source.call((c) => c.getWorkflow(arg.info.workflowId, arg.info.revisionId));
  }
  const node = workflowOf(arg);
  return ctx.tree.source.call((c) => c.getWorkflow(node.info.workflowId));
}

/** `cloudWorkflows.openRevision`: a revision's source as a read-only document. */
export async function openRevision(ctx: RunContext, arg: unknown): Promise<vscode.TextDocument> {
  const revision = await revisionOf(ctx, arg);
  const uri = ctx.outputs.sourceUri(revision.workflowId, revision.revisionId, revision.sourceContents ?? '');
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true });
  return document;
}

/**
 * `cloudWorkflows.compareWithLocal` on a workflow or revision node: the deployed source (left)
 * against the workspace file deployed under that ID (right), in VS Code's diff editor. Returns
 * the two URIs.
 */
export async function compareWithLocal(ctx: RunContext, arg: unknown): Promise<[vscode.Uri, vscode.Uri]> {
  const revision = await revisionOf(ctx, arg);
  const local = await ctx.deployer.localFile(revision.workflowId);
  if (!local) throw new UserError(`No workspace file is deployed as ${revision.workflowId}.`, `Name the file ${revision.workflowId}.workflows.yaml to compare it.`);
  const deployed = ctx.outputs.sourceUri(revision.workflowId, revision.revisionId, revision.sourceContents ?? '');
  const title = `${revision.workflowId} ${revision.revisionId} (${ctx.target.info.label}) ↔ ${vscode.workspace.asRelativePath(local)}`;
  await vscode.commands.executeCommand('vscode.diff', deployed, local, title, { preview: true });
  return [deployed, local];
}
