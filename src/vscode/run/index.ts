import * as vscode from 'vscode';
import { ExecutionsTreeProvider } from '../tree/executionsTree';
import type { TreeNode } from '../tree/treeNode';
import { WorkflowNode } from '../tree/workflowNode';
import { switchTarget } from '../target/switchTarget';
import { createTargetStatusBar } from '../target/targetStatusBar';
import { TargetService } from '../target/targetService';
import type { TargetInfo } from '../target/targetService';
import type { Log } from '../util/log';
import { lastInputTitle } from './argumentInput';
import { failureText, reportFailure } from './commandErrors';
import { Deployer } from './deployer';
import { deployWorkflow } from './deployCommand';
import {
  cancelExecution,
  copyExecutionName,
  copyExecutionOutput,
  openExecutionOutput,
  openInConsole,
  retryFailedChildren,
  showStepHistory,
} from './executionCommands';
import { OutputDocuments } from './outputDocuments';
import { runWorkflow } from './runCommand';
import type { RunContext } from './runContext';
import { runExample } from './runExample';
import { clearExecutionsFilter, copyEffectiveResult, deleteExecution, filterExecutions } from './treeCommands';
import { compareWithLocal, deleteWorkflow, deployFromWorkflow, openRevision, runDeployedWorkflow } from './workflowCommands';

/** What `activate` returns, for the integration tests. */
export interface RunFeaturesApi {
  executionsTree: ExecutionsTreeProvider;
  /** The local emulator's URL (starting it if needed). */
  emulatorUrl(): Promise<string>;
  target(): TargetInfo;
  /** The last failure a command showed, as shown (without the command's name). */
  lastError(): string | undefined;
  /** The extension's log folder (the output channel's file lies beside it). */
  logFolder: vscode.Uri;
  /** The title of the last input box Deploy or Run showed. */
  lastPrompt(): string | undefined;
}

/**
 * Registers deploy, run, the target (status bar, switch command, emulator process) and the
 * Executions view. Nothing is started here: the emulator and the Google client load on first use.
 */
export function registerRunFeatures(context: vscode.ExtensionContext, log: Log): RunFeaturesApi {
  const target = new TargetService(context, log);
  const tree = new ExecutionsTreeProvider(target, log);
  const view = vscode.window.createTreeView<TreeNode>('cloudWorkflows.executions', { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const outputs = new OutputDocuments();
  const ctx: RunContext = { extension: context, target, deployer: new Deployer(context, target, log), tree, outputs, log };
  let lastError: string | undefined;

  /** Every command catches: logs, shows one message, and returns undefined. */
  const command = <A extends unknown[]>(id: string, action: string, run: (...args: A) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: A) => {
      try {
        return await run(...args);
      } catch (err) {
        lastError = failureText(err);
        reportFailure(log, action, err);
        return undefined;
      }
    });

  context.subscriptions.push(
    target,
    tree,
    view,
    outputs,
    createTargetStatusBar(target),
    command('cloudWorkflows.deployWorkflow', 'Deploy failed', (uri?: unknown, options?: unknown) => deployWorkflow(ctx, uri, options)),
    command('cloudWorkflows.runWorkflow', 'Run failed', (uri?: unknown, options?: unknown) => runWorkflow(ctx, uri, options)),
    command('cloudWorkflows.runExample', 'The example failed', (options?: unknown) => runExample(ctx, options)),
    command('cloudWorkflows.switchTarget', 'Switching the target failed', (kind?: unknown) => switchTarget(target, kind)),
    command('cloudWorkflows.refreshExecutions', 'Refresh failed', () => tree.refresh()),
    command('cloudWorkflows.loadMore', 'Loading more failed', (node?: unknown) => (node instanceof WorkflowNode ? tree.loadMore(node) : undefined)),
    command('cloudWorkflows.cancelExecution', 'Cancel failed', (node?: unknown, options?: unknown) => cancelExecution(ctx, node, options)),
    command('cloudWorkflows.retryFailedChildren', 'Retry failed', (node?: unknown) => retryFailedChildren(ctx, node)),
    command('cloudWorkflows.showStepHistory', 'Step history failed', (node?: unknown) => showStepHistory(ctx, node)),
    command('cloudWorkflows.openExecutionOutput', 'Opening the output failed', (node?: unknown) => openExecutionOutput(ctx, node)),
    command('cloudWorkflows.copyExecutionOutput', 'Copying the output failed', (node?: unknown) => copyExecutionOutput(ctx, node)),
    command('cloudWorkflows.copyExecutionName', 'Copying the name failed', (node?: unknown) => copyExecutionName(node)),
    command('cloudWorkflows.openInConsole', 'Opening the console failed', (node?: unknown) => openInConsole(ctx, node)),
    command('cloudWorkflows.filterExecutions', 'Filtering failed', (filter?: unknown) => filterExecutions(ctx, filter)),
    command('cloudWorkflows.clearExecutionsFilter', 'Clearing the filter failed', () => clearExecutionsFilter(ctx)),
    command('cloudWorkflows.deleteExecution', 'Delete failed', (node?: unknown, options?: unknown) => deleteExecution(ctx, node, options)),
    command('cloudWorkflows.copyEffectiveResult', 'Copying the effective result failed', (node?: unknown) => copyEffectiveResult(node)),
    command('cloudWorkflows.runDeployedWorkflow', 'Run failed', (node?: unknown, options?: unknown) => runDeployedWorkflow(ctx, node, options)),
    command('cloudWorkflows.deployFromWorkflow', 'Deploy failed', (node?: unknown) => deployFromWorkflow(ctx, node)),
    command('cloudWorkflows.deleteWorkflow', 'Delete failed', (node?: unknown, options?: unknown) => deleteWorkflow(ctx, node, options)),
    command('cloudWorkflows.openRevision', 'Opening the revision failed', (node?: unknown) => openRevision(ctx, node)),
    command('cloudWorkflows.compareWithLocal', 'Comparing failed', (node?: unknown) => compareWithLocal(ctx, node)),
  );

  return {
    executionsTree: tree,
    emulatorUrl: () => target.emulatorUrl(),
    target: () => target.info,
    lastError: () => lastError,
    logFolder: context.logUri,
    lastPrompt: lastInputTitle,
  };
}
