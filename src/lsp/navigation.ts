/**
 * Hover and go-to-definition over LSP, resolved by the same pure `symbolAt` as the VS Code
 * providers: standard-library functions and constants, connectors, subworkflows, variables and
 * `next` targets. Child workflow IDs in other files need a workspace index: not served yet.
 */
import type { Hover, Location } from 'vscode-languageserver';
import { lookupConnector, lookupConstant, lookupFunction } from '../core/stdlib/catalogue';
import { symbolAt, type SymbolAt } from '../vscode/editing/symbolAt';
import { functionSignature, paramDocs, subworkflowSignature } from '../vscode/editing/signatures';
import { findStep, variablesAt } from '../vscode/editing/workflowQuery';
import type { DocumentModel } from './documentModels';

/** Markdown hover for the symbol at `offset`. */
export function hoverAt(model: DocumentModel, offset: number): Hover | null {
  const symbol = symbolAt(model.workflow, offset);
  const markdown = symbol && describe(symbol, model, offset);
  return markdown ? { contents: { kind: 'markdown', value: markdown }, range: model.lines.rangeOf(symbol.span) } : null;
}

/** Where the symbol at `offset` is defined, in the same document. */
export function definitionAt(model: DocumentModel, offset: number): Location | null {
  const symbol = symbolAt(model.workflow, offset);
  const at = (span: { start: number; end: number } | undefined): Location | null => (span ? { uri: model.uri, range: model.lines.rangeOf(span) } : null);
  switch (symbol?.kind) {
    case 'nextTarget':
      return at(findStep(symbol.routine, symbol.name)?.name.span);
    case 'callable':
      return at(model.workflow.routines.find((r) => r.name.value === symbol.name)?.name.span);
    case 'variable':
      return at(variablesAt(symbol.routine, offset).get(symbol.name)?.span);
    default:
      return null;
  }
}

function describe(symbol: SymbolAt, model: DocumentModel, offset: number): string | undefined {
  const line = (at: number): number => model.lines.positionAt(at).line + 1;
  switch (symbol.kind) {
    case 'callable': {
      const fn = lookupFunction(symbol.name) ?? lookupConnector(symbol.name);
      if (fn) {
        const blocking = 'blocking' in fn && fn.blocking ? '\n\nBlocking: call it from a `call` step.' : '';
        return [code(functionSignature(fn)), fn.doc + blocking, ...paramDocs(fn.params)].join('\n\n');
      }
      const constant = lookupConstant(symbol.name);
      if (constant) return [code(constant.name), constant.doc].join('\n\n');
      const routine = model.workflow.routines.find((r) => r.name.value === symbol.name);
      if (routine) return [code(subworkflowSignature(routine, model.text)), `Subworkflow, line ${line(routine.name.span.start)}.`].join('\n\n');
      return undefined;
    }
    case 'variable': {
      const definition = variablesAt(symbol.routine, offset).get(symbol.name);
      if (!definition) return undefined;
      const how = { param: 'Parameter', assign: 'Variable, first assigned', result: 'Call result, first assigned', loop: 'Loop variable', error: 'Error variable of `except`' }[definition.kind];
      return `${code(symbol.name)}\n\n${how} on line ${line(definition.span.start)}.`;
    }
    case 'nextTarget': {
      if (symbol.name === 'end') return 'Ends the routine without a value.';
      const step = findStep(symbol.routine, symbol.name);
      return step ? `Step ${code(step.name.value)}, line ${line(step.name.span.start)}.` : undefined;
    }
  }
}

function code(text: string): string {
  return '`' + text + '`';
}
