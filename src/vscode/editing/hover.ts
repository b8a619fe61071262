import * as vscode from 'vscode';
import { lookupConstant, lookupFunction } from '../../core/stdlib/catalogue';
import type { Workflow } from '../../core/model/types';
import { toRange } from '../util/ranges';
import { isWorkflowDocument } from '../workflowFiles';
import { functionSignature, paramDocs, subworkflowSignature } from './signatures';
import { symbolAt } from './symbolAt';
import type { SymbolAt } from './symbolAt';
import type { WorkflowCache } from './workflowCache';
import type { WorkflowIndex } from './workflowIndex';
import { describeChild, referenceAt } from './workflowLinks';
import { findStep, variablesAt } from './workflowQuery';

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
    const markdown = symbol && describe(symbol, workflow, document, offset);
    return markdown ? new vscode.Hover(new vscode.MarkdownString(markdown), toRange(document, symbol.span)) : undefined;
  }
}

function describe(symbol: SymbolAt, workflow: Workflow, document: vscode.TextDocument, offset: number): string | undefined {
  switch (symbol.kind) {
    case 'callable': {
      const fn = lookupFunction(symbol.name);
      if (fn) {
        const blocking = 'blocking' in fn && fn.blocking ? '\n\nBlocking: call it from a `call` step.' : '';
        return [code(functionSignature(fn)), fn.doc + blocking, ...paramDocs(fn.params)].join('\n\n');
      }
      const constant = lookupConstant(symbol.name);
      if (constant) return [code(constant.name), constant.doc].join('\n\n');
      const routine = workflow.routines.find((r) => r.name.value === symbol.name);
      if (routine) return [code(subworkflowSignature(routine, workflow.text)), `Subworkflow, line ${lineOf(document, routine.name.span.start)}.`].join('\n\n');
      return undefined;
    }
    case 'variable': {
      const definition = variablesAt(symbol.routine, offset).get(symbol.name);
      if (!definition) return undefined;
      const how = { param: 'Parameter', assign: 'Variable, first assigned', result: 'Call result, first assigned', loop: 'Loop variable', error: 'Error variable of `except`' }[definition.kind];
      return `${code(symbol.name)}\n\n${how} on line ${lineOf(document, definition.span.start)}.`;
    }
    case 'nextTarget': {
      if (symbol.name === 'end') return 'Ends the routine without a value.';
      const step = findStep(symbol.routine, symbol.name);
      return step ? `Step ${code(step.name.value)}, line ${lineOf(document, step.name.span.start)}.` : undefined;
    }
  }
}

function code(text: string): string {
  return '`' + text + '`';
}

function lineOf(document: vscode.TextDocument, offset: number): number {
  return document.positionAt(offset).line + 1;
}
