import * as vscode from 'vscode';
import type { ExecutionInfo } from '../../cloud/types';
import { PARENT_EXECUTION_LABEL, RETRY_OF_LABEL } from '../../core/executionLabels';
import { ExecutionNode } from '../tree/executionNode';
import { isRunning } from '../tree/executionStyle';
import { executionOutputText } from './outputDocuments';
import { UserError, requireTrust } from './commandErrors';
import type { RunContext } from './runContext';

function nodeOf(arg: unknown): ExecutionNode {
  if (arg instanceof ExecutionNode) return arg;
  throw new UserError('Choose an execution in the Executions view first.');
}

/** The execution of a tree node, read again in full (results and errors may be new). */
async function fresh(ctx: RunContext, node: ExecutionNode): Promise<ExecutionInfo> {
  const info = await ctx.tree.source.getExecution(node.info.name);
  if (info.state !== node.info.state) ctx.tree.updateExecution(node, info);
  return info;
}

/** `cloudWorkflows.openExecutionOutput`: the result or error as a read-only JSON document. */
export async function openExecutionOutput(ctx: RunContext, arg: unknown): Promise<vscode.TextDocument> {
  return ctx.outputs.showExecution(await fresh(ctx, nodeOf(arg)));
}

/** `cloudWorkflows.copyExecutionOutput`: the same JSON text, to the clipboard. */
export async function copyExecutionOutput(ctx: RunContext, arg: unknown): Promise<string> {
  const text = executionOutputText(await fresh(ctx, nodeOf(arg)));
  await vscode.env.clipboard.writeText(text);
  return text;
}

/** `cloudWorkflows.copyExecutionName`: `projects/…/executions/ID` to the clipboard. */
export async function copyExecutionName(arg: unknown): Promise<string> {
  const name = nodeOf(arg).info.name;
  await vscode.env.clipboard.writeText(name);
  return name;
}

/** `cloudWorkflows.openInConsole`: the execution's page in the Google Cloud console. */
export async function openInConsole(ctx: RunContext, arg: unknown): Promise<string> {
  const e = nodeOf(arg).info;
  const url = await ctx.target.consoleUrl(e.workflowId, e.executionId);
  if (!url) throw new UserError('The Cloud console shows executions of the Google Cloud target only.', 'Switch the target to Google Cloud.');
  await vscode.env.openExternal(vscode.Uri.parse(url));
  return url;
}

/**
 * `cloudWorkflows.cancelExecution [node] [{cancelChildren}]`: cancels a running execution and
 * shows its new state. A parent's children keep running when it is cancelled (on Google Cloud as
 * on the emulator), so when some run, one modal question offers to cancel them too (or
 * `cancelChildren` answers it).
 */
export async function cancelExecution(ctx: RunContext, arg: unknown, raw?: unknown): Promise<ExecutionInfo | undefined> {
  requireTrust('Cancelling executions');
  const node = nodeOf(arg);
  const given = typeof raw === 'object' && raw !== null ? (raw as { cancelChildren?: unknown }).cancelChildren : undefined;
  node.calledIds ??= await ctx.tree.source.calledWorkflows(node.info.workflowId, node.info.workflowRevisionId);
  let running: ExecutionNode[] = [];
  if (node.calledIds.length > 0) {
    node.stale = true;
    running = (await ctx.tree.childExecutions(node)).filter((child) => isRunning(child.info));
  }
  let withChildren = false;
  if (running.length > 0) {
    if (typeof given === 'boolean') {
      withChildren = given;
    } else {
      const all = `Cancel It and ${running.length === 1 ? 'Its Running Child' : `${running.length} Running Children`}`;
      const choice = await vscode.window.showWarningMessage(
        `Cancel ${node.info.workflowId} ${node.info.executionId}?`,
        { modal: true, detail: `${running.length} of its children ${running.length === 1 ? 'is' : 'are'} still running; cancelling the parent does not stop them.` },
        all,
        'Cancel Only the Parent',
      );
      if (choice === undefined) return undefined;
      withChildren = choice === all;
    }
  }
  const cancelled = await ctx.tree.source.call((c) => c.cancelExecution(node.info.name));
  ctx.log.info(`cancelled ${cancelled.name}: ${cancelled.state}`);
  ctx.tree.updateExecution(node, cancelled);
  if (withChildren) {
    for (const child of running) {
      try {
        ctx.tree.updateExecution(child, await ctx.tree.source.call((c) => c.cancelExecution(child.info.name)));
        ctx.log.info(`cancelled the child ${child.info.name}`);
      } catch (err) {
        // It may have ended in the meantime: say so and go on with the others.
        ctx.log.warn(`could not cancel the child ${child.info.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    ctx.tree.refresh(node);
  }
  return cancelled;
}

/**
 * `cloudWorkflows.retryFailedChildren`: runs each failed child (the latest attempt per child)
 * again with its original argument, labelled `retry-of` (the attempt it re-runs) and
 * `parent-execution` (the parent), so the new runs appear under the same parent, after the
 * attempt they retry. Returns the new executions.
 */
export async function retryFailedChildren(ctx: RunContext, arg: unknown): Promise<ExecutionInfo[]> {
  requireTrust('Retrying executions');
  const node = nodeOf(arg);
  node.stale = true;
  await ctx.tree.childExecutions(node);
  const failed = node.childSet?.failed ?? [];
  if (failed.length === 0) {
    void vscode.window.showInformationMessage(`${node.info.executionId} has no failed children.`);
    return [];
  }
  const started: ExecutionInfo[] = [];
  for (const child of failed) {
    started.push(await ctx.tree.source.call((c) => c.runExecution(child.workflowId, child.argument, { [RETRY_OF_LABEL]: child.executionId, [PARENT_EXECUTION_LABEL]: node.info.executionId })));
  }
  ctx.log.info(`retried ${started.length} failed children of ${node.info.name}`);
  ctx.tree.refresh(node);
  void vscode.window.showInformationMessage(`Retrying ${started.length} failed ${started.length === 1 ? 'child' : 'children'} of ${node.info.workflowId}.`);
  return started;
}

/** `cloudWorkflows.showStepHistory`: the step entries as a JSON tree in a read-only document. */
export async function showStepHistory(ctx: RunContext, arg: unknown): Promise<vscode.TextDocument> {
  const node = nodeOf(arg);
  const { entries } = await ctx.tree.source.stepEntries(node.info.name);
  return ctx.outputs.showSteps(node.info, entries);
}
