import * as vscode from 'vscode';
import type { ExecutionInfo } from '../../cloud/types';
import { executionOverlay, type OverlayChild } from '../../graph/overlay';
import { UserError } from '../run/commandErrors';
import { workflowIdFromPath } from '../run/workflowIds';
import { argumentSummary } from '../tree/childExecutions';
import { ExecutionNode } from '../tree/executionNode';
import type { ExecutionsTreeProvider } from '../tree/executionsTree';
import type { GraphPanel } from './graphPanel';

/** How often a running execution's overlay is read again. */
const LIVE_INTERVAL_MS = 1000;

/** The local file of a workflow ID (its name without `.workflows.yaml` etc.), else its deployed source. */
async function workflowDocument(tree: ExecutionsTreeProvider, workflowId: string): Promise<vscode.TextDocument> {
  const files = await vscode.workspace.findFiles('**/*.{yaml,yml,json}', '**/{node_modules,.git}/**', 5000);
  const local = files.filter((f) => workflowIdFromPath(f.fsPath) === workflowId).sort((a, b) => a.fsPath.length - b.fsPath.length)[0];
  if (local) return vscode.workspace.openTextDocument(local);
  const deployed = await tree.source.call((c) => c.getWorkflow(workflowId));
  if (!deployed.sourceContents) throw new UserError(`No local file for workflow ${workflowId}, and its deployed source is not readable.`);
  const language = /^\s*[{[]/.test(deployed.sourceContents) ? 'json' : 'yaml';
  return vscode.workspace.openTextDocument({ content: deployed.sourceContents, language });
}

function errorMessage(info: ExecutionInfo): string | undefined {
  if (!info.error) return undefined;
  try {
    const payload = JSON.parse(info.error.payload) as unknown;
    if (typeof payload === 'string') return payload;
    if (typeof payload === 'object' && payload !== null && typeof (payload as { message?: unknown }).message === 'string') return (payload as { message: string }).message;
  } catch {
    // Not JSON: the context says it.
  }
  return info.error.context.split('\n')[0];
}

/**
 * "Show on Graph": opens the graph of an execution's workflow (the local file with that ID, else the
 * deployed source) and draws the execution on it, live while it runs. `arg` is a node of the
 * Executions view or an execution's full name (a child badge clicked in the graph).
 */
export async function showExecutionOnGraph(tree: ExecutionsTreeProvider, open: (document: vscode.TextDocument) => GraphPanel, arg: unknown): Promise<GraphPanel> {
  const node = arg instanceof ExecutionNode ? arg : undefined;
  const name = node?.info.name ?? (typeof arg === 'string' && arg.includes('/executions/') ? arg : undefined);
  if (!name) throw new UserError('Choose an execution in the Executions view first.');
  let info = await tree.source.getExecution(name);
  const panel = open(await workflowDocument(tree, info.workflowId));
  const update = async (): Promise<void> => {
    info = await tree.source.getExecution(name);
    const { entries } = await tree.source.stepEntries(name);
    const children: OverlayChild[] = node
      ? (await tree.childExecutions(node)).map((c) => ({ name: c.info.name, workflowId: c.info.workflowId, state: c.info.state, label: argumentSummary(c.info, 24) || c.info.executionId.slice(0, 8) }))
      : [];
    const top = info.error?.stackTrace[0];
    const { decorations, summary } = executionOverlay(panel.model, {
      entries,
      state: info.state,
      failedAt: top ? { routine: top.routine, step: top.step } : undefined,
      errorMessage: errorMessage(info),
      children,
    });
    panel.setOverlay({ executionName: name, decorations, summary: `${info.executionId.slice(0, 8)} ${summary}` });
  };
  await update();
  // Live: read again while the execution runs and the view still shows it.
  const timer = setInterval(() => {
    if (info.state !== 'ACTIVE' && info.state !== 'QUEUED') return clearInterval(timer);
    if (panel.overlay?.executionName !== name) return clearInterval(timer);
    update().catch(() => clearInterval(timer));
  }, LIVE_INTERVAL_MS);
  panel.onDidDispose(() => clearInterval(timer));
  return panel;
}
