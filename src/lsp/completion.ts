/**
 * Completion over LSP: the core's `completionsAt` (the same items VS Code shows), mapped to LSP
 * items with text edits. Snippet items and snippet keys go only to clients that take snippets.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver';
import { LineIndex } from '../core/location';
import { completionsAt, newFileCompletions, type Completion, type CompletionKind, type CompletionOptions } from '../core/language/completion';
import type { DocumentModel } from './documentModels';

export { COMPLETION_TRIGGERS } from '../core/language/completion';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  field: CompletionItemKind.Field,
  function: CompletionItemKind.Function,
  method: CompletionItemKind.Method,
  constant: CompletionItemKind.Constant,
  variable: CompletionItemKind.Variable,
  module: CompletionItemKind.Module,
  folder: CompletionItemKind.Folder,
  reference: CompletionItemKind.Reference,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
};

/** The completion items at `offset` of a workflow document. */
export function completionItems(model: DocumentModel, offset: number, options: CompletionOptions): CompletionItem[] {
  return completionsAt(model, offset, options).map((c) => toLsp(c, model.lines));
}

/**
 * The items as a list whose shared replace range is said once (`itemDefaults.editRange`, LSP
 * 3.17) for a client that supports it: each item then carries its text only when it differs from
 * its label. At the end of a 5,000-step routine that is 1,795 items, and the answer shrinks by about
 * two thirds. Items with different ranges (none today, but nothing forbids it) keep their own edits.
 */
export function withEditRangeDefault(items: CompletionItem[]): CompletionList | CompletionItem[] {
  const first = items[0]?.textEdit;
  if (!first || !('range' in first)) return items;
  const { start, end } = first.range;
  const same = (r: Range): boolean => r.start.line === start.line && r.start.character === start.character && r.end.line === end.line && r.end.character === end.character;
  if (!items.every((i) => i.textEdit && 'range' in i.textEdit && same(i.textEdit.range))) return items;
  return {
    isIncomplete: false,
    itemDefaults: { editRange: first.range },
    items: items.map(({ textEdit, ...rest }) => (textEdit && textEdit.newText !== rest.label ? { ...rest, textEditText: textEdit.newText } : rest)),
  };
}

/** The whole-workflow snippets for a YAML or JSON document that holds at most a word. */
export function newFileItems(text: string, offset: number, format: 'yaml' | 'json', options: CompletionOptions): CompletionItem[] {
  const found = newFileCompletions(text, offset, format, options);
  if (found.length === 0) return [];
  const lines = new LineIndex(text);
  return found.map((c) => toLsp(c, lines));
}

function toLsp(c: Completion, lines: LineIndex): CompletionItem {
  const item: CompletionItem = { label: c.label, kind: KINDS[c.kind], textEdit: { range: lines.rangeOf(c.range), newText: c.insertText } };
  if (c.description !== undefined) item.labelDetails = { description: c.description };
  if (c.detail !== undefined) item.detail = c.detail;
  if (c.documentation) item.documentation = c.documentation;
  if (c.sortText !== undefined) item.sortText = c.sortText;
  if (c.filterText !== undefined) item.filterText = c.filterText;
  if (c.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  // The command VS Code's own JSON and YAML servers send for the same purpose.
  if (c.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}
