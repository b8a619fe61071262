import * as vscode from 'vscode';
import type { Routine, Step } from '../../core/model/types';
import { toRange } from '../util/ranges';
import { isWorkflowDocument } from '../workflowFiles';
import type { WorkflowCache } from './workflowCache';
import { childBlocks } from '../../core/model/query';

/** The outline: routines, then their steps, nested as in the source (parallel branches included). */
export class WorkflowSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly cache: WorkflowCache) {}

  provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentSymbol[] | undefined {
    if (token.isCancellationRequested || !isWorkflowDocument(document)) return undefined;
    const workflow = this.cache.workflow(document);
    if (token.isCancellationRequested) return undefined;
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
  symbol.children = childBlocks(step).flatMap(([container, steps]) => {
    if (container.kind === 'branch') {
      const b = container.branch;
      const branch = new vscode.DocumentSymbol(b.name.value, 'branch', vscode.SymbolKind.Namespace, toRange(document, b.span), toRange(document, b.name.span));
      branch.children = steps.map((s) => stepSymbol(document, s));
      return [branch];
    }
    // An inline try body or switch case body is the step itself, not a child.
    const inline = (container.kind === 'try' && container.step.inline) || (container.kind === 'switch-case' && container.inline);
    return inline ? [] : steps.map((s) => stepSymbol(document, s));
  });
  return symbol;
}
