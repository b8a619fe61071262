import * as vscode from 'vscode';
import { argumentProblem, askArgument } from '../run/argumentInput';
import { UserError, requireTrust } from '../run/commandErrors';
import { isWorkflowDocument } from '../workflowFiles';
import { configurationFor } from './configurationProvider';
import { workflowIdOf } from '../../emulator/sourceDirs';

/** Options of `cloudWorkflows.debugWorkflow` for scripts and tests (no prompt when given). */
interface DebugOptions {
  argument?: string;
  stopOnEntry?: boolean;
}

function optionsOf(raw: unknown): DebugOptions | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  return { argument: typeof o.argument === 'string' ? o.argument : undefined, stopOnEntry: typeof o.stopOnEntry === 'boolean' ? o.stopOnEntry : undefined };
}

/**
 * `cloudWorkflows.debugWorkflow [uri] [options]`: asks for the argument (remembered with Run's),
 * saves the file and starts a `cloud-workflows` debug session on it. Without breakpoints in the
 * file it stops on entry, so the command always shows something to step through.
 */
export async function debugWorkflow(context: vscode.ExtensionContext, uri: unknown, rawOptions: unknown): Promise<boolean> {
  requireTrust('Debugging workflows');
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target) throw new UserError('Open a workflow file to debug it.');
  const document = await vscode.workspace.openTextDocument(target);
  if (document.uri.scheme !== 'file' || !isWorkflowDocument(document)) throw new UserError(`${vscode.workspace.asRelativePath(target)} is not a workflow file on disk.`);
  if (document.isDirty) await document.save();
  const options = optionsOf(rawOptions);
  const workflowId = workflowIdOf(document.uri.fsPath) ?? 'workflow';
  const argument = options ? (options.argument ?? '') : await askArgument(context.workspaceState, workflowId);
  if (argument === undefined) return false;
  const problem = argumentProblem(argument);
  if (problem) throw new UserError(`The argument is not valid JSON: ${problem.replace(/^Not JSON: /, '')}`);
  const file = document.uri.fsPath;
  const hasBreakpoints = vscode.debug.breakpoints.some((b) => b instanceof vscode.SourceBreakpoint && b.enabled && b.location.uri.fsPath === file);
  const config = configurationFor(file, { argumentJson: argument, stopOnEntry: options?.stopOnEntry ?? !hasBreakpoints });
  return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(document.uri), config);
}
