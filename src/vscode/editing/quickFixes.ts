import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../../core/diagnostic';
import { stepAt } from '../../core/model/query';
import type { ParallelStep } from '../../core/model/types';
import { toRange } from '../util/ranges';
import { formatOf } from '../workflowFiles';
import type { WorkflowDiagnostics } from './diagnostics';
import type { WorkflowCache } from './workflowCache';

/** The core code for a write to a parent variable from a parallel branch that is not `shared`. */
export const UNSHARED_PARALLEL_WRITE = 'unshared-parallel-write';

/**
 * Quick fixes: "Change to 'x'" for every diagnostic carrying a did-you-mean suggestion (keys,
 * `next` targets, functions, call targets), and "Add 'x' to shared" for unshared parallel writes.
 */
export class WorkflowQuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly diagnostics: WorkflowDiagnostics,
    private readonly cache: WorkflowCache,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const shown of context.diagnostics) {
      if (token.isCancellationRequested) return [];
      const core = this.diagnostics.coreDiagnostic(document.uri, shown);
      if (!core) continue;
      const suggestion = core.data?.suggestion;
      if (suggestion !== undefined) actions.push(replaceWith(document, shown, suggestion));
      if (core.code === UNSHARED_PARALLEL_WRITE) {
        const action = this.addToShared(document, shown, core);
        if (action) actions.push(action);
      }
    }
    return actions;
  }

  private addToShared(document: vscode.TextDocument, shown: vscode.Diagnostic, core: CoreDiagnostic): vscode.CodeAction | undefined {
    const name = /[A-Za-z_]\w*/.exec(document.getText(shown.range))?.[0];
    const ancestry = stepAt(this.cache.workflow(document), core.span.start)?.ancestry ?? [];
    const parallel = ancestry.flatMap((c) => (c.kind === 'branch' || c.kind === 'parallel-for' ? [c.step] : [])).pop();
    if (!name || !parallel) return undefined;
    const edit = new vscode.WorkspaceEdit();
    const [offset, text] = sharedInsertion(document, parallel, name);
    edit.insert(document.uri, document.positionAt(offset), text);
    const action = new vscode.CodeAction(`Add '${name}' to shared`, vscode.CodeActionKind.QuickFix);
    action.edit = edit;
    action.diagnostics = [shown];
    action.isPreferred = true;
    return action;
  }
}

function replaceWith(document: vscode.TextDocument, shown: vscode.Diagnostic, suggestion: string): vscode.CodeAction {
  let range = shown.range;
  const text = document.getText(range);
  // Keep the quotes of a quoted key or value: replace only what is between them.
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) {
    range = new vscode.Range(range.start.translate(0, 1), range.end.translate(0, -1));
  }
  const action = new vscode.CodeAction(`Change to '${suggestion}'`, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, range, suggestion);
  action.diagnostics = [shown];
  action.isPreferred = true;
  return action;
}

/** Where and what to insert to list `name` in the parallel block's `shared`, in YAML or JSON. */
function sharedInsertion(document: vscode.TextDocument, step: ParallelStep, name: string): [number, string] {
  const text = document.getText();
  const json = formatOf(document) === 'json';
  const shared = step.parallel.shared;
  if (shared.length > 0) {
    const last = shared[shared.length - 1];
    const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1;
    const before = text.slice(lineStart, last.span.start);
    if (!json && /^\s*-\s*$/.test(before)) {
      const lineEnd = text.indexOf('\n', last.span.end);
      return [lineEnd < 0 ? text.length : lineEnd, `\n${before}${name}`];
    }
    const end = json && text[last.span.end] === '"' ? last.span.end + 1 : last.span.end;
    return [end, json ? `, "${name}"` : `, ${name}`];
  }
  const sharedKey = step.parallel.keys.find((k) => k.value === 'shared');
  const emptyList = sharedKey && /^"?\s*:\s*\[\s*/.exec(text.slice(sharedKey.span.end));
  if (sharedKey && emptyList && text[sharedKey.span.end + emptyList[0].length] === ']') {
    return [sharedKey.span.end + emptyList[0].length, json ? `"${name}"` : name];
  }
  const first = step.parallel.keys[0];
  let at = first ? first.span.start : step.parallel.span.start;
  if (json && text[at - 1] === '"') at--;
  const indent = toRange(document, { start: at, end: at }).start.character;
  if (json) return [at, `"shared": ["${name}"], `];
  return [at, `shared: [${name}]\n${' '.repeat(indent)}`];
}
