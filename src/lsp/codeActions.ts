/**
 * Quick fixes over LSP, from the core's `quickFixes` (the same fixes VS Code shows): "Change to 'x'"
 * for every diagnostic with a did-you-mean suggestion and "Add 'x' to shared" for an unshared
 * parallel write. The suggestion rides in the published diagnostic's `data` and the code in its
 * `code`, so the server needs no memory of what it published.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { quickFixes as coreQuickFixes } from '../core/language/quickFixes';
import type { DocumentModel } from './documentModels';

/** The quick fixes for the diagnostics the client sends back with a code-action request. */
export function quickFixes(model: DocumentModel, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const shown of diagnostics) {
    if (typeof shown.code !== 'string' || (shown.source !== undefined && shown.source !== 'cloud-workflows')) continue;
    const span = { start: model.lines.offsetAt(shown.range.start), end: model.lines.offsetAt(shown.range.end) };
    for (const fix of coreQuickFixes(model, { code: shown.code, span, data: dataOf(shown) })) {
      const edits = fix.edits.map((e) => ({ range: model.lines.rangeOf(e.span), newText: e.newText }));
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [shown], isPreferred: fix.isPreferred, edit: { changes: { [model.uri]: edits } } });
    }
  }
  return out;
}

/** Quick fixes for a code-action request, unless the client asked only for other kinds. */
export function codeActionsFor(model: DocumentModel, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === '' || kind === CodeActionKind.QuickFix || kind.startsWith(`${CodeActionKind.QuickFix}.`))) return [];
  return quickFixes(model, params.context.diagnostics);
}

/** The string entries of a diagnostic's `data`, as the server published them. */
function dataOf(shown: Diagnostic): Record<string, string> | undefined {
  const data: unknown = shown.data;
  if (typeof data !== 'object' || data === null) return undefined;
  return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
