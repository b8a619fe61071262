/**
 * Hover and go-to-definition over LSP, resolved by the same pure `symbolAt` as the VS Code
 * providers: standard-library functions and constants, connectors and their arguments (described
 * from the connector catalogue), subworkflows, variables and `next` targets. Child workflow IDs
 * are answered first, from the workspace index (childWorkflows.ts).
 */
import type { Hover, Location } from 'vscode-languageserver';
import { connectorHoverAt } from '../core/language/connectorHover';
import { describeSymbol } from '../core/language/describeSymbol';
import { symbolAt } from '../core/language/symbolAt';
import { findStep, variablesAt } from '../core/language/workflowQuery';
import type { DocumentModel } from './documentModels';

/** Markdown hover for the connector, connector argument or symbol at `offset`. */
export function hoverAt(model: DocumentModel, offset: number): Hover | null {
  const connector = connectorHoverAt(model.workflow, offset);
  if (connector) return { contents: { kind: 'markdown', value: connector.markdown }, range: model.lines.rangeOf(connector.span) };
  const symbol = symbolAt(model.workflow, offset);
  const markdown = symbol && describeSymbol(symbol, model.workflow, offset, (at) => model.lines.positionAt(at).line + 1);
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
