import * as vscode from 'vscode';
import { connectorHoverAt } from '../../core/language/connectorHover';
import { toRange } from '../util/ranges';
import { isWorkflowDocument } from '../workflowFiles';
import type { WorkflowCache } from './workflowCache';

/** The core's `connectorHoverAt` (as the language server serves it): a connector name, or an argument under a connector call's `args:`. */
export class ConnectorHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: WorkflowCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isWorkflowDocument(document)) return undefined;
    const found = connectorHoverAt(this.cache.workflow(document), document.offsetAt(position));
    return found && new vscode.Hover(new vscode.MarkdownString(found.markdown), toRange(document, found.span));
  }
}
