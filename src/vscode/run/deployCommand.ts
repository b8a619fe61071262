import * as vscode from 'vscode';
import type { WorkflowInfo } from '../../cloud/types';
import { requireTrust } from './commandErrors';
import type { ChildFile } from './deployer';
import { commandOptions } from './runContext';
import type { RunContext } from './runContext';

/** What Deploy Workflow returns: the deployed workflow and the children deployed with it. */
export interface DeployResult {
  workflow: WorkflowInfo;
  children: WorkflowInfo[];
}

/**
 * `cloudWorkflows.deployWorkflow [uri] [options]`: checks the file, deploys it to the current
 * target, and offers to deploy the child workflows it starts that are in the workspace.
 */
export async function deployWorkflow(ctx: RunContext, uri: unknown, rawOptions: unknown): Promise<DeployResult | undefined> {
  requireTrust('Deploying workflows');
  const options = commandOptions(rawOptions);
  const interactive = options === undefined;
  const document = await ctx.deployer.document(uri);
  // Errors in the file and missing credentials are said before any question is asked.
  ctx.deployer.check(document);
  const client = await ctx.deployer.readyClient();
  const workflowId = await ctx.deployer.workflowId(document, options?.workflowId, interactive);
  if (!workflowId) return undefined;
  const childFiles = await ctx.deployer.childFiles(document);
  const children = await chooseChildren(childFiles, workflowId, options?.deployChildren, interactive);
  const label = ctx.target.info.label;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Deploying ${workflowId} to ${label}` },
    async (progress): Promise<DeployResult> => {
      const workflow = await ctx.deployer.deploy(client, document, workflowId);
      const deployedChildren: WorkflowInfo[] = [];
      for (const child of children) {
        progress.report({ message: child.workflowId });
        deployedChildren.push(await ctx.deployer.deploy(client, await vscode.workspace.openTextDocument(child.uri), child.workflowId));
      }
      return { workflow, children: deployedChildren };
    },
  );
  ctx.tree.refresh();
  const also = result.children.length > 0 ? ` (and ${result.children.map((c) => c.workflowId).join(', ')})` : '';
  void vscode.window.showInformationMessage(`Deployed ${workflowId}${also} to ${label}: revision ${result.workflow.revisionId}.`);
  return result;
}

async function chooseChildren(files: ChildFile[], workflowId: string, deployChildren: boolean | undefined, interactive: boolean): Promise<ChildFile[]> {
  if (files.length === 0 || deployChildren === false) return [];
  if (deployChildren === true) return files;
  if (!interactive) return [];
  const names = files.map((f) => f.workflowId).join(', ');
  const choice = await vscode.window.showInformationMessage(
    `${workflowId} starts ${names}, found in this workspace. Deploy ${files.length === 1 ? 'it' : 'them'} too?`,
    'Deploy All',
    `Only ${workflowId}`,
  );
  return choice === 'Deploy All' ? files : [];
}
