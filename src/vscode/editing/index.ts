import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { trackWorkflowContextKey, WORKFLOW_SCHEMES } from '../workflowFiles';
import { WorkflowCompletionProvider } from './completion';
import { registerConnectorEditing } from './connectorEditing';
import { WorkflowDefinitionProvider } from './definition';
import { WorkflowDiagnostics } from './diagnostics';
import { WorkflowSymbolProvider } from './documentSymbols';
import { WorkflowHoverProvider } from './hover';
import { newParentChild } from './newParentChild';
import { WorkflowQuickFixProvider } from './quickFixes';
import { RunCodeLensProvider } from './runCodeLens';
import { WorkflowCache } from './workflowCache';
import { WorkflowIndex } from './workflowIndex';
import { WorkflowLinkProvider } from './workflowLinks';
import { workflowSnippets } from './workflowSnippets';

/** YAML and JSON documents on disk or unsaved; each provider then checks that it is a workflow. */
const SELECTOR: vscode.DocumentSelector = ['yaml', 'json', 'jsonc'].flatMap((language) => WORKFLOW_SCHEMES.map((scheme) => ({ language, scheme })));

/** Registers the editing features: diagnostics, quick fixes, completion, hover, definitions, outline, code lenses, and the new parent/child command. */
export function registerEditing(context: vscode.ExtensionContext, log: Log): void {
  const cache = new WorkflowCache();
  registerConnectorEditing(context, SELECTOR, cache);
  const index = new WorkflowIndex(log);
  const diagnostics = new WorkflowDiagnostics(cache, log, index);
  const codeLens = new RunCodeLensProvider(cache);
  context.subscriptions.push(
    cache,
    index,
    diagnostics,
    codeLens,
    trackWorkflowContextKey(),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new WorkflowQuickFixProvider(diagnostics, cache), WorkflowQuickFixProvider.metadata),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new WorkflowCompletionProvider(cache, workflowSnippets(vscode.Uri.joinPath(context.extensionUri, 'snippets').fsPath)), ...WorkflowCompletionProvider.triggerCharacters),
    vscode.languages.registerHoverProvider(SELECTOR, new WorkflowHoverProvider(cache, index)),
    vscode.languages.registerDefinitionProvider(SELECTOR, new WorkflowDefinitionProvider(cache, index)),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, new WorkflowSymbolProvider(cache)),
    vscode.languages.registerCodeLensProvider(SELECTOR, codeLens),
    vscode.languages.registerDocumentLinkProvider(SELECTOR, new WorkflowLinkProvider(cache, index)),
    vscode.commands.registerCommand('cloudWorkflows.newParentChild', (base?: unknown) => newParentChild(log, base)),
  );
}
