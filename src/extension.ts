import * as vscode from 'vscode';
import { registerDebugging } from './vscode/debug';
import { registerEditing } from './vscode/editing';
import { registerGraphView } from './vscode/graph';
import { registerRunFeatures } from './vscode/run';
import { registerWorkflowTests } from './vscode/testing';
import type { RunFeaturesApi } from './vscode/run';
import { Log } from './vscode/util/log';

/**
 * Wires the extension and nothing more: the editing features (diagnostics, completion, quick
 * fixes, navigation, the parent/child command), the run features (deploy, run, emulator,
 * executions tree) and the workflow graph. Nothing heavy happens here: the emulator and the Google client load on first use.
 */
export function activate(context: vscode.ExtensionContext): RunFeaturesApi {
  const log = new Log();
  context.subscriptions.push(log, vscode.commands.registerCommand('cloudWorkflows.showOutput', () => log.show()));
  registerEditing(context, log);
  registerWorkflowTests(context, log);
  registerDebugging(context, log);
  const run = registerRunFeatures(context, log);
  registerGraphView(context, log, run);
  return run;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
