import * as vscode from 'vscode';
import { installConnectorData } from '../../engine/connectors/dataFiles';
import { ConnectorHoverProvider } from './connectorHover';
import { ConnectorSignatureHelpProvider } from './connectorSignatureHelp';
import type { WorkflowCache } from './workflowCache';

/**
 * Connector editing: installs the catalogue's data reader (each API version is read from
 * `dist/connectors` when a document first names it) and registers connector hover and signature
 * help beside the general providers (connector completion is part of the general completion).
 */
export function registerConnectorEditing(context: vscode.ExtensionContext, selector: vscode.DocumentSelector, cache: WorkflowCache): void {
  installConnectorData();
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, new ConnectorHoverProvider(cache)),
    vscode.languages.registerSignatureHelpProvider(selector, new ConnectorSignatureHelpProvider(), ...ConnectorSignatureHelpProvider.triggerCharacters),
  );
}
