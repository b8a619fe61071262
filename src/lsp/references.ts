/**
 * References, prepare-rename and rename over LSP: the core's `occurrencesAt` and `renameAt`
 * (steps, subworkflows, variables, scoped as the engine scopes them), mapped to ranges and a
 * `WorkspaceEdit`. A refused rename is a `ResponseError` whose message says why.
 */
import { ErrorCodes, ResponseError, type Location, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { occurrencesAt } from '../core/language/references';
import { prepareRename, renameAt } from '../core/language/rename';
import type { DocumentModel } from './documentModels';

/** Every place the symbol at `offset` is named; its definition only when `includeDeclaration`. */
export function referencesAt(model: DocumentModel, offset: number, includeDeclaration: boolean): Location[] | null {
  const found = occurrencesAt(model.workflow, offset);
  if (!found) return null;
  return found.occurrences.filter((o) => includeDeclaration || !o.declaration).map((o) => ({ uri: model.uri, range: model.lines.rangeOf(o.span) }));
}

/** The range and current name of what can be renamed at `offset`; refuses with the reason otherwise. */
export function prepareRenameAt(model: DocumentModel, offset: number): { range: Range; placeholder: string } {
  const prepared = prepareRename(model.workflow, offset);
  if (!prepared.ok) throw new ResponseError(ErrorCodes.InvalidRequest, prepared.message);
  return { range: model.lines.rangeOf(prepared.span), placeholder: prepared.placeholder };
}

/** The edits renaming the symbol at `offset` to `newName`; refuses an invalid or taken name. */
export function renameEdits(model: DocumentModel, offset: number, newName: unknown): WorkspaceEdit {
  if (typeof newName !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'newName must be a string');
  const result = renameAt(model.workflow, offset, newName);
  if (!result.ok) throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
  return { changes: { [model.uri]: result.edits.map((e) => ({ range: model.lines.rangeOf(e.span), newText: e.newText })) } };
}
