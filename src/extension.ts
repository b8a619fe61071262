import * as vscode from 'vscode';
import { registerEditing } from './vscode/editing';
import { registerRunFeatures } from './vscode/run';
import { registerWorkflowTests } from './vscode/testing';
import type { RunFeaturesApi } from './vscode/run';
import { Log } from './vscode/util/log';

/**
 * Wires the extension and nothing more: the editing features (diagnostics, completion, quick
 * fixes, navigation, the parent/child command) and the run features (deploy, run, emulator,
 * executions tree). Nothing heavy happens here: the emulator and the Google client load on first use.
 */
export function activate(context: vscode.ExtensionContext): RunFeaturesApi {
  const log = new Log();
  context.subscriptions.push(log, vscode.commands.registerCommand('cloudWorkflows.showOutput', () => log.show()));
  registerEditing(context, log);
  registerWorkflowTests(context, log);
  return registerRunFeatures(context, log);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
