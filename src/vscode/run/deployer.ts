import * as vscode from 'vscode';
import type { CloudClient } from '../../cloud';
import type { WorkflowInfo } from '../../cloud/types';
import { LineIndex } from '../../core/location';
import { lintText } from '../../core/validate';
import { loadCloud } from '../target/cloudModule';
import type { TargetService } from '../target/targetService';
import type { Log } from '../util/log';
import { formatOf, isWorkflowDocument } from '../workflowFiles';
import { askInput } from './argumentInput';
import { UserError } from './commandErrors';
import { calledWorkflowIds, workflowIdFromPath, workflowIdProblem } from './workflowIds';

/** A workflow file in the workspace that a parent starts. */
export interface ChildFile {
  workflowId: string;
  uri: vscode.Uri;
}

/**
 * Deploys workflow documents to the current target after checking them, and tells whether the
 * target already has a document's exact source (so Run deploys only on change).
 */
export class Deployer {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly target: TargetService,
    private readonly log: Log,
  ) {}

  /** The document of `uri`, or of the active editor; refuses anything that is not a workflow. */
  async document(uri: unknown): Promise<vscode.TextDocument> {
    const document =
      uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) throw new UserError('Open a workflow file first.', 'Deploy and Run work on the workflow in the active editor.');
    if (!isWorkflowDocument(document)) {
      throw new UserError(`${vscode.workspace.asRelativePath(document.uri)} is not a workflow file.`, 'Workflow files are named *.workflows.yaml or contain a workflow with main and steps.');
    }
    return document;
  }

  /**
   * The workflow ID for a document: `given`, else the ID remembered for the file, else from the
   * file name. When `interactive`, the first deploy of a file confirms it in an input box.
   */
  async workflowId(document: vscode.TextDocument, given: unknown, interactive: boolean): Promise<string | undefined> {
    if (typeof given === 'string' && given !== '') {
      const problem = workflowIdProblem(given);
      if (problem) throw new UserError(`"${given}" is not a valid workflow ID.`, problem);
      return given;
    }
    const key = `workflowId:${document.uri.toString()}`;
    const remembered = this.context.workspaceState.get<string>(key);
    if (remembered) return remembered;
    const derived = workflowIdFromPath(document.fileName);
    if (!interactive && !workflowIdProblem(derived)) return derived;
    if (!interactive) throw new UserError(`Cannot derive a workflow ID from ${derived}.`, 'Pass a workflowId option.');
    const chosen = await askInput({
      title: 'Workflow ID',
      prompt: `The ID of ${vscode.workspace.asRelativePath(document.uri)} on ${this.target.info.label}`,
      value: workflowIdProblem(derived) ? derived.replace(/[^A-Za-z0-9_-]/g, '-') : derived,
      validateInput: workflowIdProblem,
    });
    if (chosen === undefined) return undefined;
    await this.context.workspaceState.update(key, chosen);
    return chosen;
  }

  /**
   * The current target's client once it can be used: the emulator started, or for Google Cloud the
   * credentials and project resolved (a missing login fails here, before any question is asked).
   */
  async readyClient(): Promise<CloudClient> {
    const client = await this.target.client();
    await client.project();
    return client;
  }

  /** Refuses a document with errors: one message, and the Problems view revealed. */
  check(document: vscode.TextDocument): void {
    const text = document.getText();
    const errors = lintText(text, { format: formatOf(document) }).diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) return;
    const first = errors[0];
    const line = new LineIndex(text).positionAt(first.span.start).line + 1;
    const file = vscode.workspace.asRelativePath(document.uri);
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    const one = errors.length === 1;
    throw new UserError(
      one ? `${file} has an error on line ${line}: ${first.message}` : `${file} has ${errors.length} errors; the first, on line ${line}: ${first.message}`,
      `Fix ${one ? 'it' : 'them'} (see Problems), then try again.`,
    );
  }

  /**
   * True when the target's latest revision of `workflowId` has exactly this source. Asked of the
   * target rather than remembered: another window, machine or emulator data folder may have
   * deployed something else under the same ID since.
   */
  async isCurrent(client: CloudClient, workflowId: string, text: string): Promise<boolean> {
    try {
      return (await client.getWorkflow(workflowId)).sourceContents === text;
    } catch (err) {
      if (loadCloud().statusOf(err) === 404) return false;
      throw err;
    }
  }

  /** Checks and deploys the document as `workflowId`; returns the deployed revision. */
  async deploy(client: CloudClient, document: vscode.TextDocument, workflowId: string): Promise<WorkflowInfo> {
    this.check(document);
    this.log.info(`deploying ${vscode.workspace.asRelativePath(document.uri)} as ${workflowId} to ${this.target.info.label}`);
    const deployed = await client.deployWorkflow(workflowId, document.getText());
    this.log.info(`deployed ${workflowId}: revision ${deployed.revisionId}`);
    return deployed;
  }

  /**
   * The workspace file deployed as `workflowId`: the file last deployed or run under that ID, else
   * one named after it (`<id>.workflows.yaml`, `<id>.yaml`, …).
   */
  async localFile(workflowId: string): Promise<vscode.Uri | undefined> {
    const state = this.context.workspaceState;
    for (const key of state.keys()) {
      if (!key.startsWith('workflowId:') || state.get(key) !== workflowId) continue;
      const uri = vscode.Uri.parse(key.slice('workflowId:'.length));
      if (await exists(uri)) return uri;
    }
    return inWorkspace(workflowId);
  }

  /**
   * The files of the workflows `document` starts: beside it (`<id>.workflows.yaml`, `<id>.yaml`, …)
   * or else anywhere in the workspace.
   */
  async childFiles(document: vscode.TextDocument): Promise<ChildFile[]> {
    const ids = calledWorkflowIds(lintText(document.getText(), { format: formatOf(document) }).workflow);
    const own = workflowIdFromPath(document.fileName);
    const found: ChildFile[] = [];
    for (const workflowId of ids.filter((id) => id !== own)) {
      const uri = (await sibling(document.uri, workflowId)) ?? (await inWorkspace(workflowId));
      if (uri) found.push({ workflowId, uri });
    }
    return found;
  }
}

const SOURCE_EXTENSIONS = ['.workflows.yaml', '.workflows.yml', '.workflows.json', '.yaml', '.yml', '.json'];

async function sibling(uri: vscode.Uri, workflowId: string): Promise<vscode.Uri | undefined> {
  for (const extension of SOURCE_EXTENSIONS) {
    const candidate = vscode.Uri.joinPath(uri, '..', `${workflowId}${extension}`);
    if (await exists(candidate)) return candidate;
  }
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function inWorkspace(workflowId: string): Promise<vscode.Uri | undefined> {
  const candidates = await vscode.workspace.findFiles(`**/${workflowId}{${SOURCE_EXTENSIONS.join(',')}}`, '**/node_modules/**', 20);
  return candidates.sort((a, b) => a.fsPath.localeCompare(b.fsPath))[0];
}
