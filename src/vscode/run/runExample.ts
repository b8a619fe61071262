import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExecutionInfo } from '../../cloud/types';
import { UserError, requireTrust } from './commandErrors';
import { runWorkflow } from './runCommand';
import type { RunContext } from './runContext';

const PARENT = 'workflow-parent.yaml';
const CHILD = 'workflow-child.yaml';

/**
 * `cloudWorkflows.runExample`: opens the parent/child example (the workspace's copy when it has
 * one, else a copy of the extension's in global storage) and runs the parent: Run deploys both
 * workflows first. Returns the parent's final execution.
 */
export async function runExample(ctx: RunContext, rawOptions: unknown): Promise<ExecutionInfo | undefined> {
  requireTrust('Running the example');
  const parent = (await workspaceExample()) ?? (await copiedExample(ctx));
  const document = await vscode.workspace.openTextDocument(parent);
  await vscode.window.showTextDocument(document, { preview: false });
  const wait = typeof rawOptions === 'object' && rawOptions !== null && (rawOptions as { wait?: unknown }).wait === false ? false : true;
  return runWorkflow(ctx, parent, { workflowId: 'workflow-parent', argument: '', wait });
}

async function workspaceExample(): Promise<vscode.Uri | undefined> {
  const parents = await vscode.workspace.findFiles(`**/${PARENT}`, '**/node_modules/**', 10);
  for (const uri of parents.sort((a, b) => a.fsPath.localeCompare(b.fsPath))) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(uri, '..', CHILD));
      return uri;
    } catch {
      // A parent without its child beside it is someone else's file.
    }
  }
  return undefined;
}

async function copiedExample(ctx: RunContext): Promise<vscode.Uri> {
  const from = path.join(ctx.extension.extensionPath, 'examples', 'parent-child');
  const to = path.join(ctx.extension.globalStorageUri.fsPath, 'examples', 'parent-child');
  const shipped = await fs.stat(path.join(from, PARENT)).then(() => true, () => false);
  if (!shipped) throw new UserError('The parent/child example is missing from this installation of the extension.', 'Create one with Cloud Workflows: New Parent/Child Workflows.');
  try {
    await fs.mkdir(to, { recursive: true });
    for (const file of [PARENT, CHILD]) {
      // An earlier copy may hold the user's edits: keep it.
      await fs.copyFile(path.join(from, file), path.join(to, file), fsConstants.COPYFILE_EXCL).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
    }
  } catch (err) {
    throw new UserError(`The example could not be copied (${err instanceof Error ? err.message : String(err)}).`);
  }
  ctx.log.info(`the parent/child example is in ${to}`);
  return vscode.Uri.file(path.join(to, PARENT));
}
