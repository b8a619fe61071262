/**
 * Quick fixes over LSP: "Change to 'x'" for every diagnostic carrying a did-you-mean suggestion
 * (keys, `next` targets, functions, call targets). The suggestion rides in the published
 * diagnostic's `data`, so the server needs no memory of what it published.
 * "Add 'x' to shared" stays VS Code-only for now.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { DocumentModel } from './documentModels';

/** The quick fixes for the diagnostics the client sends back with a code-action request. */
export function quickFixes(model: DocumentModel, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const shown of diagnostics) {
    const data: unknown = shown.data;
    const suggestion = typeof data === 'object' && data !== null && 'suggestion' in data ? (data as { suggestion: unknown }).suggestion : undefined;
    if (typeof suggestion !== 'string') continue;
    let { start, end } = { start: model.lines.offsetAt(shown.range.start), end: model.lines.offsetAt(shown.range.end) };
    const text = model.text.slice(start, end);
    // Keep the quotes of a quoted key or value: replace only what is between them.
    if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) {
      start++;
      end--;
    }
    out.push({
      title: `Change to '${suggestion}'`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [shown],
      isPreferred: true,
      edit: { changes: { [model.uri]: [{ range: model.lines.rangeOf({ start, end }), newText: suggestion }] } },
    });
  }
  return out;
}

/** Quick fixes for a code-action request, unless the client asked only for other kinds. */
export function codeActionsFor(model: DocumentModel, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === '' || kind === CodeActionKind.QuickFix || kind.startsWith(`${CodeActionKind.QuickFix}.`))) return [];
  return quickFixes(model, params.context.diagnostics);
}
