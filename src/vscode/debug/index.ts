import * as vscode from 'vscode';
import { reportFailure } from '../run/commandErrors';
import type { Log } from '../util/log';
import { WorkflowDebugAdapterFactory } from './adapterFactory';
import { DEBUG_TYPE, WorkflowDebugConfigurationProvider, dynamicConfigurations } from './configurationProvider';
import { debugWorkflow } from './debugCommand';
import { WorkflowEvaluatableExpressionProvider } from './hoverExpressions';

/** Registers the `cloud-workflows` debugger: configurations, the adapter, hover expressions and the Debug Workflow command. */
export function registerDebugging(context: vscode.ExtensionContext, log: Log): void {
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new WorkflowDebugConfigurationProvider()),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, dynamicConfigurations, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new WorkflowDebugAdapterFactory(context)),
    vscode.languages.registerEvaluatableExpressionProvider(['yaml', 'json'], new WorkflowEvaluatableExpressionProvider()),
    vscode.commands.registerCommand('cloudWorkflows.debugWorkflow', async (uri?: unknown, options?: unknown) => {
      try {
        return await debugWorkflow(context, uri, options);
      } catch (err) {
        reportFailure(log, 'Debug failed', err);
        return false;
      }
    }),
  );
}
