import * as vscode from 'vscode';
import type { CloudClient } from '../../cloud';
import type { ExecutionInfo } from '../../cloud/types';
import { loadCloud } from '../target/cloudModule';
import { durationText, errorMessage, isRunning } from '../tree/executionStyle';
import { argumentProblem, askArgument } from './argumentInput';
import { UserError, requireTrust } from './commandErrors';
import { commandOptions } from './runContext';
import type { RunContext } from './runContext';

/** How often a followed execution is read. */
const FOLLOW_INTERVAL_MS = 500;

/**
 * `cloudWorkflows.runWorkflow [uri] [options]`: asks for the argument (or takes
 * `options.argument`), deploys the file, and the child workflows it starts from the workspace, when
 * they changed since their last deploy, starts an execution, reveals it in the tree, follows it to
 * a terminal state and shows its result or error. Returns the last execution seen.
 */
export async function runWorkflow(ctx: RunContext, uri: unknown, rawOptions: unknown): Promise<ExecutionInfo | undefined> {
  requireTrust('Running workflows');
  const options = commandOptions(rawOptions);
  const interactive = options === undefined;
  const document = await ctx.deployer.document(uri);
  // What can fail without the user's input fails first: errors in the file, then the target's
  // credentials; only then are the workflow ID and the argument asked for.
  ctx.deployer.check(document);
  const client = await ctx.deployer.readyClient();
  const workflowId = await ctx.deployer.workflowId(document, options?.workflowId, interactive);
  if (!workflowId) return undefined;
  const argument = interactive ? await askArgument(ctx.extension.workspaceState, workflowId) : (options.argument ?? '');
  if (argument === undefined) return undefined;
  const problem = argumentProblem(argument);
  if (problem) throw new UserError(`The argument is not valid JSON: ${problem.replace(/^Not JSON: /, '')}`);
  const label = ctx.target.info.label;

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Running ${workflowId} on ${label}`, cancellable: true },
    async (progress, token) => {
      if (!(await ctx.deployer.isCurrent(client, workflowId, document.getText()))) {
        progress.report({ message: 'deploying…' });
        ctx.tree.workflowDeployed(await ctx.deployer.deploy(client, document, workflowId));
      }
      for (const child of await ctx.deployer.childFiles(document)) {
        const childDocument = await vscode.workspace.openTextDocument(child.uri);
        if (await ctx.deployer.isCurrent(client, child.workflowId, childDocument.getText())) continue;
        progress.report({ message: `deploying ${child.workflowId}…` });
        ctx.tree.workflowDeployed(await ctx.deployer.deploy(client, childDocument, child.workflowId));
      }
      progress.report({ message: 'starting…' });
      const started = await start(ctx, client, document, workflowId, argument);
      return follow(ctx, client, started, options?.wait !== false, progress, token);
    },
  );
}

/**
 * Shows a started execution in the tree and, when `wait`, follows it to a terminal state, then
 * shows its result or error. Cancelling the progress stops following, not the execution.
 */
export async function follow(
  ctx: RunContext,
  client: CloudClient,
  started: ExecutionInfo,
  wait: boolean,
  progress: vscode.Progress<{ message?: string }>,
  token: vscode.CancellationToken,
): Promise<ExecutionInfo> {
  ctx.log.info(`started ${started.name}`);
  await ctx.tree.revealExecution(started).catch((err: unknown) => ctx.log.warn(`could not show ${started.name} in the tree: ${String(err)}`));
  if (!wait) return started;
  progress.report({ message: 'running… (cancel stops following, not the execution)' });
  const abort = new AbortController();
  const subscription = token.onCancellationRequested(() => abort.abort());
  let final: ExecutionInfo;
  try {
    final = await client.waitForExecution(started.name, { intervalMs: FOLLOW_INTERVAL_MS, signal: abort.signal });
  } catch (err) {
    if (!abort.signal.aborted) throw err;
    void vscode.window.showInformationMessage(`Stopped following ${started.workflowId}; it keeps running (see the Executions view).`);
    return started;
  } finally {
    subscription.dispose();
  }
  await ctx.tree.revealExecution(final).catch(() => undefined);
  await ctx.outputs.showExecution(final, { preserveFocus: true });
  announce(started.workflowId, final);
  return final;
}

/** Starts the execution; when the target lost the workflow (404), deploys it again and retries once. */
async function start(ctx: RunContext, client: CloudClient, document: vscode.TextDocument, workflowId: string, argument: string): Promise<ExecutionInfo> {
  try {
    return await client.runExecution(workflowId, argument === '' ? undefined : argument);
  } catch (err) {
    if (loadCloud().statusOf(err) !== 404) throw err;
    ctx.log.info(`${workflowId} is not deployed on ${ctx.target.info.label}: deploying it`);
    ctx.tree.workflowDeployed(await ctx.deployer.deploy(client, document, workflowId));
    return client.runExecution(workflowId, argument === '' ? undefined : argument);
  }
}

function announce(workflowId: string, execution: ExecutionInfo): void {
  const took = durationText(execution.durationSeconds);
  const time = took ? ` in ${took}` : '';
  if (execution.state === 'SUCCEEDED') {
    void vscode.window.showInformationMessage(`${workflowId} succeeded${time}.`);
  } else if (!isRunning(execution)) {
    const reason = errorMessage(execution);
    void vscode.window.showErrorMessage(`${workflowId} ${execution.state === 'CANCELLED' ? 'was cancelled' : 'failed'}${time}${reason ? `: ${reason}` : '.'}`);
  }
}
