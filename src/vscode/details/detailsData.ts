/**
 * Reads everything the Execution Details panel shows, through the Executions tree's source (so
 * the requests are counted and go to the current target): the execution, its step entries in the
 * DETAILED view, its logs, its children when its workflow starts any, and the source its rows
 * link to (the workspace file when it is the deployed revision, else the deployed revision).
 */
import * as vscode from 'vscode';
import type { ExecutionInfo, ExecutionLogs } from '../../cloud/types';
import { workflowIdFromPath } from '../run/workflowIds';
import type { ExecutionsSource } from '../tree/executionsSource';
import type { DeployedSources } from './deployedSources';
import type { DetailsInput } from './detailsModel';

/** Workspace files looked at when matching a workflow ID to a local file. */
const MAX_CANDIDATES = 500;

/** Where a row's line is opened. */
export interface LinkedSource {
  uri: vscode.Uri;
  text: string;
  label: string;
}

export interface DetailsData {
  input: DetailsInput;
  source: LinkedSource | undefined;
}

export async function readDetails(source: ExecutionsSource, deployed: DeployedSources, name: string, known?: LinkedSource): Promise<DetailsData> {
  const execution = await source.getExecution(name);
  const [steps, logs, children, linked] = await Promise.all([
    source.stepEntries(name, true),
    source.call((c) => c.listExecutionLogs(name)).catch((err: unknown): ExecutionLogs => ({ lines: [], unavailable: { reason: `The logs could not be read: ${messageOf(err)}` } })),
    readChildren(source, execution),
    known ?? linkSource(source, deployed, execution).catch(() => undefined),
  ]);
  const input: DetailsInput = { execution, entries: steps.entries, entriesTruncated: steps.truncated, logs, children };
  if (linked) input.source = { text: linked.text, label: linked.label };
  return { input, source: linked };
}

async function readChildren(source: ExecutionsSource, execution: ExecutionInfo): Promise<ExecutionInfo[] | undefined> {
  const called = await source.calledWorkflows(execution.workflowId, execution.workflowRevisionId).catch(() => []);
  if (called.length === 0) return undefined;
  const children = await source.children(execution, called);
  return children.sort((a, b) => (a.createTime ?? '').localeCompare(b.createTime ?? ''));
}

/** The workspace file with exactly the deployed revision's text, else the deployed revision itself. */
async function linkSource(source: ExecutionsSource, deployed: DeployedSources, execution: ExecutionInfo): Promise<LinkedSource | undefined> {
  const workflow = await source.call((c) => c.getWorkflow(execution.workflowId, execution.workflowRevisionId));
  const text = workflow.sourceContents ?? '';
  const files = await vscode.workspace.findFiles('**/*.{yaml,yml,json}', '**/node_modules/**', MAX_CANDIDATES);
  for (const uri of files.filter((f) => workflowIdFromPath(f.path) === execution.workflowId)) {
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() === text) return { uri, text, label: vscode.workspace.asRelativePath(uri) };
  }
  if (!text) return undefined;
  const uri = deployed.put(execution.workflowId, workflow.revisionId, text);
  return { uri, text, label: `deployed revision ${workflow.revisionId} (no workspace file has this source)` };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

