/**
 * Semantic tokens over LSP for the `${…}` expressions (the core's `semanticTokens`), full and by
 * range, in the relative encoding of the protocol. A token that spans lines (a string in a block
 * scalar) is sent as one token per line, since clients need not accept multi-line tokens.
 */
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokens } from '../core/language/semanticTokens';
import type { DocumentModel } from './documentModels';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] };

/** The tokens of the document, or of `range` when given. */
export function semanticTokensOf(model: DocumentModel, range?: Range): SemanticTokens {
  const within = range && { start: model.lines.offsetAt(range.start), end: model.lines.offsetAt(range.end) };
  const data: number[] = [];
  let line = 0;
  let character = 0;
  const push = (at: { line: number; character: number }, length: number, type: number, modifiers: number): void => {
    if (length <= 0) return;
    data.push(at.line - line, at.line === line ? at.character - character : at.character, length, type, modifiers);
    line = at.line;
    character = at.character;
  };
  for (const token of semanticTokens(model.workflow, within)) {
    const type = SEMANTIC_TOKEN_TYPES.indexOf(token.type);
    const modifiers = token.defaultLibrary ? 1 : 0;
    const start = model.lines.positionAt(token.span.start);
    const end = model.lines.positionAt(token.span.end);
    for (let l = start.line; l <= end.line; l++) {
      // A continuation line's indentation is not part of the scalar.
      const from = l === start.line ? token.span.start : indentEnd(model.text, model.lines.offsetAt({ line: l, character: 0 }));
      const lineEnd = l === end.line ? token.span.end : lineContentEnd(model.text, model.lines.offsetAt({ line: l + 1, character: 0 }));
      push(model.lines.positionAt(from), lineEnd - from, type, modifiers);
    }
  }
  return { data };
}

/** The offset of the line break before `nextLineStart`. */
function lineContentEnd(text: string, nextLineStart: number): number {
  let at = nextLineStart;
  if (text[at - 1] === '\n') at--;
  if (text[at - 1] === '\r') at--;
  return at;
}

function indentEnd(text: string, lineStart: number): number {
  let at = lineStart;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}
