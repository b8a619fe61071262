import * as vscode from 'vscode';
import { isConnectorNamespace, lookupConnectorMethod } from '../../core/connectors/catalogue';
import { toRange } from '../util/ranges';
import { isWorkflowDocument } from '../workflowFiles';
import { connectorHover } from './connectorDocs';
import { symbolAt } from './symbolAt';
import type { WorkflowCache } from './workflowCache';

/** Hover on a connector name: description, HTTP method and URL, the LRO note and Google's reference page. */
export class ConnectorHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: WorkflowCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isWorkflowDocument(document)) return undefined;
    const symbol = symbolAt(this.cache.workflow(document), document.offsetAt(position));
    if (symbol?.kind !== 'callable' || !isConnectorNamespace(symbol.name)) return undefined;
    const method = lookupConnectorMethod(symbol.name);
    if (!method) return undefined;
    const markdown = new vscode.MarkdownString(connectorHover(method));
    return new vscode.Hover(markdown, toRange(document, symbol.span));
  }
}
