import * as vscode from 'vscode';
import { lookupFunction, STDLIB_CONSTANTS, STDLIB_FUNCTIONS, STDLIB_MODULES } from '../../core/stdlib/catalogue';
import type { StdlibFunction } from '../../core/stdlib/catalogue';
import type { Routine, Workflow } from '../../core/model/types';
import { routineAt } from '../../core/model/query';
import { SPECIAL_TARGETS } from '../../core/semantics';
import { toRange } from '../util/ranges';
import { formatOf, isWorkflowDocument } from '../workflowFiles';
import { cursorContext } from '../../core/language/cursorContext';
import { jsonCursorContext } from '../../core/language/jsonCursorContext';
import { keysAt } from '../../core/language/keysAt';
import { functionSignature } from '../../core/language/signatures';
import type { WorkflowCache } from './workflowCache';
import type { SnippetPlace, WorkflowSnippets } from './workflowSnippets';
import { nextTargetsAt, stepsOf, variablesAt } from '../../core/language/workflowQuery';

/** Keys whose value is a list of items or a nested map: completing them opens the block. */
const LIST_KEYS = new Set(['steps', 'assign', 'switch', 'branches']);
const MAP_KEYS = new Set(['for', 'parallel', 'retry', 'except', 'backoff', 'args', 'try']);
/** Keys whose value is a name: completing them in JSON opens a string. */
const STRING_KEYS = new Set(['call', 'next', 'result', 'as', 'value', 'index']);

/**
 * Completes step keys valid at the cursor (YAML and JSON), function and subworkflow names in
 * `call:` and `${}`, step names in `next:`, variables in scope inside `${}`, and the `wf-…`
 * snippets where they fit. Space is not a trigger: `:` is, so `next:` opens the list and each item
 * brings its own space.
 */
export class WorkflowCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['.', '{', ':'];

  constructor(
    private readonly cache: WorkflowCache,
    private readonly snippets: WorkflowSnippets,
  ) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.CompletionItem[] | undefined {
    if (token.isCancellationRequested) return undefined;
    const format = formatOf(document);
    if (!isWorkflowDocument(document)) return this.newFileSnippets(document, position, format);
    const offset = document.offsetAt(position);
    const text = document.getText();
    const context = format === 'json' ? jsonCursorContext(text, offset) : cursorContext(text, offset);
    if (!context || token.isCancellationRequested) return undefined;
    // Trigger characters fire everywhere; only `call:` and `next:` complete right after a colon.
    if (text[offset - 1] === ':' && context.kind !== 'call' && context.kind !== 'next') return undefined;
    const range = toRange(document, context.span);
    const workflow = this.cache.workflow(document);
    if (token.isCancellationRequested) return undefined;
    switch (context.kind) {
      case 'key': {
        const items = context.path[context.path.length - 1] === 'args' ? argumentItems(workflow, offset, context.siblings, range) : keyItems(keysAt(context.path, context.siblings, workflow), range);
        const keys = items.map((item) => asKey(item, format, context));
        const n = context.path.length;
        if (format === 'yaml' && context.path[n - 1] === '-' && context.path[n - 2] === 'steps' && context.siblings.length === 0) {
          // `- ` already typed in a steps list: a step snippet replaces it, dash included.
          const dash = document.lineAt(position.line).text.lastIndexOf('-', range.start.character);
          return [...keys, ...this.snippets.items(format, 'step', range.with(new vscode.Position(position.line, dash)), true)];
        }
        return [...keys, ...this.snippets.items(format, snippetPlace(context.path, workflow), range)];
      }
      case 'item':
        return context.path[context.path.length - 1] === 'steps' ? this.snippets.items(format, 'step', range) : undefined;
      case 'call':
        return padded(callItems(workflow, context.prefix, range), text, context.span.start);
      case 'next':
        return padded(nextItems(workflow, offset, range), text, context.span.start);
      case 'expression':
        return expressionItems(workflow, offset, context.prefix, range);
    }
  }

  /** A YAML or JSON document with nothing in it yet is offered the whole-workflow snippets. */
  private newFileSnippets(document: vscode.TextDocument, position: vscode.Position, format: 'yaml' | 'json'): vscode.CompletionItem[] | undefined {
    if (document.lineCount > 3 || !/^[\w-]*$/.test(document.getText().trim())) return undefined;
    const word = document.getWordRangeAtPosition(position, /[\w-]+/) ?? new vscode.Range(position, position);
    return this.snippets.items(format, 'workflow', word);
  }
}

/** Which snippets fit a key position: steps in a steps list, routines (or a whole file) at the top level. */
function snippetPlace(path: string[], workflow: Workflow): SnippetPlace | 'none' {
  if (path[path.length - 1] === 'steps') return 'step';
  if (path.length > 0) return 'none';
  if (workflow.form === 'steps') return 'step';
  return workflow.routines.length === 0 ? 'workflow' : 'routine';
}

/**
 * Rewrites a key item for where it lands: JSON keys quoted with their value's brackets, YAML keys
 * pushed into an empty step body (`indent`), and no second `:` when one already follows.
 */
function asKey(item: vscode.CompletionItem, format: 'yaml' | 'json', context: { indent?: number; colon: boolean }): vscode.CompletionItem {
  const key = item.label as string;
  if (format === 'json') {
    item.filterText = `"${key}"`;
    const value = LIST_KEYS.has(key) ? '[$0]' : MAP_KEYS.has(key) ? '{$0}' : STRING_KEYS.has(key) ? '"$0"' : '$0';
    item.insertText = context.colon ? `"${key}"` : new vscode.SnippetString(`"${key}": ${value}`);
    return item;
  }
  if (context.colon) item.insertText = key;
  if (context.indent) {
    item.filterText = key;
    const body = item.insertText ?? key;
    item.insertText = typeof body === 'string' ? ' '.repeat(context.indent) + body : new vscode.SnippetString(' '.repeat(context.indent) + body.value);
  }
  return item;
}

/** Values right after `call:` or `next:` with no space get one, so `next:` + Enter gives `next: end`. */
function padded(items: vscode.CompletionItem[], text: string, start: number): vscode.CompletionItem[] {
  if (text[start - 1] !== ':') return items;
  for (const item of items) {
    const label = typeof item.label === 'string' ? item.label : item.label.label;
    item.filterText = label;
    item.insertText = ` ${typeof item.insertText === 'string' ? item.insertText : label}`;
  }
  return items;
}

function keyItems(keys: string[], range: vscode.Range): vscode.CompletionItem[] {
  return keys.map((key, i) => {
    const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
    item.range = range;
    item.sortText = String(i).padStart(2, '0');
    if (LIST_KEYS.has(key)) item.insertText = new vscode.SnippetString(`${key}:\n\t- $0`);
    else if (MAP_KEYS.has(key)) item.insertText = new vscode.SnippetString(`${key}:\n\t$0`);
    else item.insertText = `${key}: `;
    return item;
  });
}

/**
 * The parameters of the function, connector or subworkflow a call step names, for its `args` map.
 * The cursor may sit below the step's last parsed line, so the call is the last one starting before it.
 */
function argumentItems(workflow: Workflow, offset: number, present: string[], range: vscode.Range): vscode.CompletionItem[] {
  const routine = workflow.routines.filter((r) => r.span.start <= offset).pop();
  const call = routine && stepsOf(routine).map((v) => v.step).filter((s) => s.kind === 'call' && s.span.start <= offset).pop();
  if (call?.kind !== 'call') return [];
  const callee = call.call.value;
  const known = lookupFunction(callee);
  const params = known ? known.params : (workflow.routines.find((r) => r.name.value === callee)?.params ?? []).map((p) => ({ name: p.name.value, optional: p.default !== undefined, doc: undefined }));
  return params
    .filter((p) => !present.includes(p.name))
    .map((p, i) => {
      const item = new vscode.CompletionItem(p.name, vscode.CompletionItemKind.Field);
      item.detail = p.optional ? 'optional' : 'required';
      item.documentation = p.doc;
      item.insertText = `${p.name}: `;
      item.sortText = `${p.optional ? 1 : 0}${String(i).padStart(2, '0')}`;
      item.range = range;
      return item;
    });
}

function callItems(workflow: Workflow, prefix: string, range: vscode.Range): vscode.CompletionItem[] {
  const module = prefix.includes('.') ? prefix.slice(0, prefix.lastIndexOf('.') + 1) : '';
  const items = [
    ...STDLIB_FUNCTIONS.filter((f) => f.module !== '').map((f) => functionItem(f, range)),
    ...subworkflows(workflow).map((r) => subworkflowItem(r, range)),
  ];
  return items.filter((i) => (i.label as string).startsWith(module));
}

function nextItems(workflow: Workflow, offset: number, range: vscode.Range): vscode.CompletionItem[] {
  // Exactly the targets the validator and the engine accept from here (core/semantics).
  return nextTargetsAt(workflow, offset).map((target) => {
    const special = (SPECIAL_TARGETS as readonly string[]).includes(target);
    const item = new vscode.CompletionItem(target, special ? vscode.CompletionItemKind.Keyword : vscode.CompletionItemKind.Reference);
    item.range = range;
    if (special) item.sortText = `~${target}`;
    return item;
  });
}

function expressionItems(workflow: Workflow, offset: number, prefix: string, range: vscode.Range): vscode.CompletionItem[] {
  if (prefix.includes('.')) {
    const module = prefix.slice(0, prefix.lastIndexOf('.') + 1);
    const functions = STDLIB_FUNCTIONS.filter((f) => !f.blocking && f.name.startsWith(module)).map((f) => functionItem(f, range));
    const constants = STDLIB_CONSTANTS.filter((c) => c.name.startsWith(module)).map((c) => {
      const item = new vscode.CompletionItem(c.name, vscode.CompletionItemKind.Constant);
      item.documentation = c.doc;
      item.range = range;
      return item;
    });
    return [...functions, ...constants];
  }
  const routine = routineAt(workflow, offset);
  const variables = routine ? [...variablesAt(routine, offset).values()] : [];
  return [
    ...variables.map((v) => {
      const item = new vscode.CompletionItem(v.name, vscode.CompletionItemKind.Variable);
      item.range = range;
      item.sortText = `0${v.name}`;
      return item;
    }),
    ...STDLIB_FUNCTIONS.filter((f) => f.module === '').map((f) => functionItem(f, range)),
    ...STDLIB_MODULES.map((m) => {
      const item = new vscode.CompletionItem(m, vscode.CompletionItemKind.Module);
      item.insertText = `${m}.`;
      item.range = range;
      item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
      return item;
    }),
    ...subworkflows(workflow).map((r) => subworkflowItem(r, range)),
  ];
}

function functionItem(f: StdlibFunction, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem(f.name, vscode.CompletionItemKind.Function);
  item.detail = functionSignature(f);
  item.documentation = f.doc;
  item.range = range;
  return item;
}

function subworkflows(workflow: Workflow): Routine[] {
  return workflow.form === 'routines' ? workflow.routines.filter((r) => r.name.value !== 'main') : [];
}

function subworkflowItem(routine: Routine, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem(routine.name.value, vscode.CompletionItemKind.Function);
  item.detail = `subworkflow(${routine.params.map((p) => p.name.value).join(', ')})`;
  item.range = range;
  return item;
}
