import * as vscode from 'vscode';
import type { Routine, Step } from '../../core/model/types';
import { toRange } from '../util/ranges';
import { isWorkflowDocument } from '../workflowFiles';
import type { WorkflowCache } from './workflowCache';
import { childSteps } from './workflowQuery';

/** The outline: routines, then their steps, nested as in the source (parallel branches included). */
export class WorkflowSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly cache: WorkflowCache) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    if (!isWorkflowDocument(document)) return [];
    const workflow = this.cache.workflow(document);
    if (workflow.form === 'steps') return workflow.routines.flatMap((r) => r.steps.map((s) => stepSymbol(document, s)));
    return workflow.routines.map((r) => routineSymbol(document, r));
  }
}

function routineSymbol(document: vscode.TextDocument, routine: Routine): vscode.DocumentSymbol {
  const params = routine.params.map((p) => p.name.value).join(', ');
  const symbol = new vscode.DocumentSymbol(
    routine.name.value,
    params ? `(${params})` : '',
    vscode.SymbolKind.Function,
    toRange(document, routine.span),
    toRange(document, routine.name.span),
  );
  symbol.children = routine.steps.map((s) => stepSymbol(document, s));
  return symbol;
}

function stepSymbol(document: vscode.TextDocument, step: Step): vscode.DocumentSymbol {
  const detail = step.kind === 'call' ? step.call.value : step.kind;
  const symbol = new vscode.DocumentSymbol(step.name.value, detail, vscode.SymbolKind.Field, toRange(document, step.span), toRange(document, step.name.span));
  if (step.kind === 'parallel' && step.parallel.branches) {
    symbol.children = step.parallel.branches.map((b) => {
      const branch = new vscode.DocumentSymbol(b.name.value, 'branch', vscode.SymbolKind.Namespace, toRange(document, b.span), toRange(document, b.name.span));
      branch.children = b.steps.map((s) => stepSymbol(document, s));
      return branch;
    });
    symbol.children.push(...(step.parallel.for?.steps ?? []).map((s) => stepSymbol(document, s)));
  } else {
    symbol.children = childSteps(step)
      .flat()
      .filter((s) => s !== step && s.span.start !== step.span.start)
      .map((s) => stepSymbol(document, s));
  }
  return symbol;
}
