import * as vscode from 'vscode';
import { toRange } from '../util/ranges';
import { isWorkflowDocument } from '../workflowFiles';
import { describeSymbol } from '../../core/language/describeSymbol';
import { symbolAt } from '../../core/language/symbolAt';
import type { WorkflowCache } from './workflowCache';
import type { WorkflowIndex } from './workflowIndex';
import { describeChild, referenceAt } from './workflowLinks';

/** Hover for standard-library functions and constants, connectors, subworkflows, variables, `next` targets and child workflows. */
export class WorkflowHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly cache: WorkflowCache,
    private readonly index: WorkflowIndex,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    if (token.isCancellationRequested || !isWorkflowDocument(document)) return undefined;
    const workflow = this.cache.workflow(document);
    if (token.isCancellationRequested) return undefined;
    const offset = document.offsetAt(position);
    const reference = referenceAt(workflow, offset);
    if (reference) return new vscode.Hover(new vscode.MarkdownString(describeChild(reference.id, this.index.find(reference.id))), toRange(document, reference.span));
    const symbol = symbolAt(workflow, offset);
    const markdown = symbol && describeSymbol(symbol, workflow, offset, (at) => lineOf(document, at));
    return markdown ? new vscode.Hover(new vscode.MarkdownString(markdown), toRange(document, symbol.span)) : undefined;
  }
}

function lineOf(document: vscode.TextDocument, offset: number): number {
  return document.positionAt(offset).line + 1;
}
