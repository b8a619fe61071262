import * as vscode from 'vscode';
import { toLocation } from '../util/ranges';
import { isWorkflowDocument } from '../workflowFiles';
import { symbolAt } from './symbolAt';
import type { WorkflowCache } from './workflowCache';
import { findStep, variablesAt } from './workflowQuery';

/** Go to definition: `next` targets, subworkflows (in `call:` and expressions) and variables' first assignment. */
export class WorkflowDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly cache: WorkflowCache) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Location | undefined {
    if (token.isCancellationRequested || !isWorkflowDocument(document)) return undefined;
    const workflow = this.cache.workflow(document);
    if (token.isCancellationRequested) return undefined;
    const offset = document.offsetAt(position);
    const symbol = symbolAt(workflow, offset);
    switch (symbol?.kind) {
      case 'nextTarget': {
        const step = findStep(symbol.routine, symbol.name);
        return step && toLocation(document, step.name.span);
      }
      case 'callable': {
        const routine = workflow.routines.find((r) => r.name.value === symbol.name);
        return routine && toLocation(document, routine.name.span);
      }
      case 'variable': {
        const definition = variablesAt(symbol.routine, offset).get(symbol.name);
        return definition && toLocation(document, definition.span);
      }
      default:
        return undefined;
    }
  }
}
