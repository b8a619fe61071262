import * as vscode from 'vscode';
import { COMPLETION_TRIGGERS, completionsAt, newFileCompletions, type Completion, type CompletionKind } from '../../core/language/completion';
import type { SnippetCatalogue } from '../../core/language/snippets';
import { toRange } from '../util/ranges';
import { formatOf, isWorkflowDocument } from '../workflowFiles';
import type { WorkflowCache } from './workflowCache';

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  field: vscode.CompletionItemKind.Field,
  function: vscode.CompletionItemKind.Function,
  method: vscode.CompletionItemKind.Method,
  constant: vscode.CompletionItemKind.Constant,
  variable: vscode.CompletionItemKind.Variable,
  module: vscode.CompletionItemKind.Module,
  folder: vscode.CompletionItemKind.Folder,
  reference: vscode.CompletionItemKind.Reference,
  keyword: vscode.CompletionItemKind.Keyword,
  snippet: vscode.CompletionItemKind.Snippet,
};

/**
 * The core's completion (`completionsAt`, the items the language server serves too) as VS Code
 * items: step keys, arguments, call and `next:` targets, connectors level by level, `${}` names and
 * the `wf-…` snippets where they fit, and the whole-workflow snippets in an empty YAML or JSON file.
 */
export class WorkflowCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = COMPLETION_TRIGGERS;

  constructor(
    private readonly cache: WorkflowCache,
    private readonly snippets: SnippetCatalogue,
  ) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.CompletionItem[] | undefined {
    if (token.isCancellationRequested) return undefined;
    const format = formatOf(document);
    const offset = document.offsetAt(position);
    const options = { snippets: this.snippets };
    if (!isWorkflowDocument(document)) {
      if (document.lineCount > 3) return undefined;
      return newFileCompletions(document.getText(), offset, format, options).map((c) => toItem(document, c));
    }
    const workflow = this.cache.workflow(document);
    if (token.isCancellationRequested) return undefined;
    const items = completionsAt({ text: document.getText(), format, workflow }, offset, options);
    return items.length > 0 ? items.map((c) => toItem(document, c)) : undefined;
  }
}

function toItem(document: vscode.TextDocument, c: Completion): vscode.CompletionItem {
  const item = new vscode.CompletionItem(c.description === undefined ? c.label : { label: c.label, description: c.description }, KINDS[c.kind]);
  item.range = toRange(document, c.range);
  item.insertText = c.snippet ? new vscode.SnippetString(c.insertText) : c.insertText;
  if (c.detail !== undefined) item.detail = c.detail;
  if (c.documentation) item.documentation = c.documentation.kind === 'markdown' ? new vscode.MarkdownString(c.documentation.value) : c.documentation.value;
  if (c.sortText !== undefined) item.sortText = c.sortText;
  if (c.filterText !== undefined) item.filterText = c.filterText;
  if (c.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}
