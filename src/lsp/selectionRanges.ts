/**
 * Selection ranges over LSP (expand/shrink selection): the core's `selectionSpans` as a chain of
 * `SelectionRange` parents, one chain per requested position.
 */
import { ErrorCodes, ResponseError, type Position, type SelectionRange } from 'vscode-languageserver';
import { selectionSpans } from '../core/language/selectionRanges';
import type { DocumentModel } from './documentModels';

/** One chain per position, innermost first; an empty range at the position where nothing holds it. */
export function selectionRangesOf(model: DocumentModel, positions: Position[]): SelectionRange[] {
  if (!Array.isArray(positions) || !positions.every((p) => typeof p === 'object' && p !== null && Number.isSafeInteger(p.line) && Number.isSafeInteger(p.character) && p.line >= 0 && p.character >= 0)) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'positions must be a list of non-negative integer lines and characters');
  }
  return positions.map((position) => {
    const spans = selectionSpans(model.workflow, model.lines.offsetAt(position));
    let chain: SelectionRange | undefined;
    for (const span of spans.reverse()) chain = chain ? { range: model.lines.rangeOf(span), parent: chain } : { range: model.lines.rangeOf(span) };
    return chain ?? { range: { start: position, end: position } };
  });
}
