import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { trackWorkflowContextKey } from '../workflowFiles';
import { startLanguageClientSoon } from './languageClientLoader';
import { newParentChild } from './newParentChild';

/**
 * Registers the editing features. Every language feature comes from the language server
 * (src/lsp, started by `startLanguageClient`) — even the Run/Debug/Deploy/Graph lenses, whose
 * commands the client fills in; the extension host keeps what LSP can't express:
 * the context key of the editor-title
 * actions and the new parent/child command.
 */
export function registerEditing(context: vscode.ExtensionContext, log: Log): void {
  startLanguageClientSoon(context, log);
  context.subscriptions.push(
    trackWorkflowContextKey(),
    vscode.commands.registerCommand('cloudWorkflows.newParentChild', (base?: unknown) => newParentChild(log, base)),
  );
}
