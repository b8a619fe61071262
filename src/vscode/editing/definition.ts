import * as vscode from 'vscode';
import { toLocation } from '../util/ranges';
import { isWorkflowDocument } from '../workflowFiles';
import { symbolAt } from '../../core/language/symbolAt';
import type { WorkflowCache } from './workflowCache';
import type { WorkflowIndex } from './workflowIndex';
import { referenceAt } from './workflowLinks';
import { findStep, variablesAt } from '../../core/language/workflowQuery';

/** Go to definition: `next` targets, subworkflows (in `call:` and expressions), variables' first assignment, and child workflows' files. */
export class WorkflowDefinitionProvider implements vscode.DefinitionProvider {
  constructor(
    private readonly cache: WorkflowCache,
    private readonly index: WorkflowIndex,
  ) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Location | vscode.Location[] | undefined {
    if (token.isCancellationRequested || !isWorkflowDocument(document)) return undefined;
    const workflow = this.cache.workflow(document);
    if (token.isCancellationRequested) return undefined;
    const offset = document.offsetAt(position);
    const reference = referenceAt(workflow, offset);
    if (reference) return this.index.find(reference.id).map((child) => new vscode.Location(child.uri, child.target));
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
