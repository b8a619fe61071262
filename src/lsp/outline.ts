/**
 * Document symbols (routines, steps, parallel branches, nested as in the source) and folding
 * ranges (every routine, step and branch spanning more than one line) over LSP.
 */
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { Span } from '../core/location';
import { childBlocks } from '../core/model/query';
import type { Routine, Step } from '../core/model/types';
import type { DocumentModel } from './documentModels';

/** The outline of the document. */
export function documentSymbols(model: DocumentModel): DocumentSymbol[] {
  const { workflow } = model;
  if (workflow.form === 'steps') return workflow.routines.flatMap((r) => r.steps.map((s) => stepSymbol(model, s)));
  return workflow.routines.map((r) => routineSymbol(model, r));
}

/** One folding range per symbol of the outline that spans several lines, outermost first. */
export function foldingRanges(model: DocumentModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (symbol: DocumentSymbol): void => {
    if (symbol.range.end.line > symbol.range.start.line) out.push({ startLine: symbol.range.start.line, endLine: symbol.range.end.line });
    symbol.children?.forEach(visit);
  };
  documentSymbols(model).forEach(visit);
  return out;
}

function symbol(model: DocumentModel, name: string, detail: string, kind: SymbolKind, span: Span, nameSpan: Span): DocumentSymbol {
  return { name, detail, kind, range: rangeOf(model, span), selectionRange: model.lines.rangeOf(nameSpan) };
}

/** A span's range, not counting the line break(s) a block's span ends with. */
function rangeOf(model: DocumentModel, span: Span): ReturnType<DocumentModel['lines']['rangeOf']> {
  let end = span.end;
  while (end > span.start && /\s/.test(model.text[end - 1])) end--;
  return model.lines.rangeOf({ start: span.start, end });
}

function routineSymbol(model: DocumentModel, routine: Routine): DocumentSymbol {
  const params = routine.params.map((p) => p.name.value).join(', ');
  const out = symbol(model, routine.name.value, params ? `(${params})` : '', SymbolKind.Function, routine.span, routine.name.span);
  out.children = routine.steps.map((s) => stepSymbol(model, s));
  return out;
}

function stepSymbol(model: DocumentModel, step: Step): DocumentSymbol {
  const out = symbol(model, step.name.value, step.kind === 'call' ? step.call.value : step.kind, SymbolKind.Field, step.span, step.name.span);
  out.children = childBlocks(step).flatMap(([container, steps]) => {
    if (container.kind === 'branch') {
      const b = container.branch;
      const branch = symbol(model, b.name.value, 'branch', SymbolKind.Namespace, b.span, b.name.span);
      branch.children = steps.map((s) => stepSymbol(model, s));
      return [branch];
    }
    // An inline try body or switch case body is the step itself, not a child.
    const inline = (container.kind === 'try' && container.step.inline) || (container.kind === 'switch-case' && container.inline);
    return inline ? [] : steps.map((s) => stepSymbol(model, s));
  });
  return out;
}
