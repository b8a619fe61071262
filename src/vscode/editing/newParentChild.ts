import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { checkBaseName, childWorkflow, parentWorkflow } from './parentChildTemplates';

/**
 * `cloudWorkflows.newParentChild`: writes `<base>-parent.workflows.yaml` and
 * `<base>-child.workflows.yaml` into the workspace folder and opens the parent. The base name may
 * come as the command argument (tests and links pass it); otherwise it is asked for.
 * Refuses to overwrite. Resolves to the two URIs, or undefined when nothing was written.
 */
export async function newParentChild(log: Log, baseArgument?: unknown): Promise<vscode.Uri[] | undefined> {
  const folder = targetFolder();
  if (!folder) {
    void vscode.window.showErrorMessage('Open a folder first: the workflows are written into it.');
    return undefined;
  }
  const base =
    typeof baseArgument === 'string'
      ? baseArgument
      : await vscode.window.showInputBox({ prompt: 'Base name of the two workflows', value: 'batch', validateInput: checkBaseName });
  if (base === undefined) return undefined;
  const problem = checkBaseName(base);
  if (problem) {
    void vscode.window.showErrorMessage(`'${base}' is not a valid base name. ${problem}`);
    return undefined;
  }
  const parent = vscode.Uri.joinPath(folder.uri, `${base}-parent.workflows.yaml`);
  const child = vscode.Uri.joinPath(folder.uri, `${base}-child.workflows.yaml`);
  for (const uri of [parent, child]) {
    if (await exists(uri)) {
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} already exists; choose another base name.`);
      return undefined;
    }
  }
  try {
    await vscode.workspace.fs.writeFile(child, Buffer.from(childWorkflow(base), 'utf8'));
    await vscode.workspace.fs.writeFile(parent, Buffer.from(parentWorkflow(base), 'utf8'));
  } catch (error) {
    log.error(`Could not write the ${base} workflows`, error);
    void vscode.window.showErrorMessage(`Could not write the workflows: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  log.info(`Wrote ${parent.fsPath} and ${child.fsPath}`);
  await vscode.window.showTextDocument(parent);
  return [parent, child];
}

function targetFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
