/**
 * Completion over LSP, from the same pure pieces as the VS Code provider: step keys valid at the
 * cursor (YAML and JSON), call targets (functions, connectors, subworkflows), `next:` targets
 * exactly as the validator accepts them, and variables, functions and modules inside `${}`.
 * The `wf-…` snippets stay VS Code-only for now.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver';
import { routineAt } from '../core/model/query';
import type { Routine, Workflow } from '../core/model/types';
import { SPECIAL_TARGETS } from '../core/semantics';
import { STDLIB_CONSTANTS, STDLIB_FUNCTIONS, STDLIB_MODULES, lookupFunction } from '../core/stdlib/catalogue';
import type { StdlibFunction } from '../core/stdlib/catalogue';
import { cursorContext } from '../core/language/cursorContext';
import { jsonCursorContext } from '../core/language/jsonCursorContext';
import { keysAt } from '../core/language/keysAt';
import { functionSignature } from '../core/language/signatures';
import { nextTargetsAt, stepsOf, variablesAt } from '../core/language/workflowQuery';
import type { DocumentModel } from './documentModels';

/** Characters that open completion; space is not one (`:` is, so `next:` lists the targets). */
export const COMPLETION_TRIGGERS = ['.', '{', ':'];

const LIST_KEYS = new Set(['steps', 'assign', 'switch', 'branches']);
const MAP_KEYS = new Set(['for', 'parallel', 'retry', 'except', 'backoff', 'args', 'try']);
const STRING_KEYS = new Set(['call', 'next', 'result', 'as', 'value', 'index']);

/** The completion items at `offset`, or an empty list where nothing is offered. */
export function completionItems(model: DocumentModel, offset: number): CompletionItem[] {
  const { text, workflow, format } = model;
  const context = format === 'json' ? jsonCursorContext(text, offset) : cursorContext(text, offset);
  if (!context) return [];
  // Trigger characters fire everywhere; only `call:` and `next:` complete right after a colon.
  if (text[offset - 1] === ':' && context.kind !== 'call' && context.kind !== 'next') return [];
  const range = model.lines.rangeOf(context.span);
  switch (context.kind) {
    case 'key': {
      const args = context.path[context.path.length - 1] === 'args';
      const names = args ? argumentNames(workflow, offset, context.siblings) : keysAt(context.path, context.siblings, workflow).map((key) => ({ key, detail: undefined }));
      return names.map(({ key, detail }, i) => keyItem(key, detail, i, range, format, context.colon, (context as { indent?: number }).indent ?? 0, args));
    }
    case 'item':
      return [];
    case 'call':
      return padded(callItems(workflow, context.prefix, range), text, context.span.start);
    case 'next':
      return padded(nextItems(workflow, offset, range), text, context.span.start);
    case 'expression':
      return expressionItems(workflow, offset, context.prefix, range);
  }
}

function keyItem(key: string, detail: string | undefined, i: number, range: Range, format: 'yaml' | 'json', colon: boolean, indent: number, argument: boolean): CompletionItem {
  const item: CompletionItem = { label: key, kind: argument ? CompletionItemKind.Field : CompletionItemKind.Property, sortText: String(i).padStart(2, '0') };
  if (detail) item.detail = detail;
  let insert: string;
  let snippet = false;
  if (format === 'json') {
    item.filterText = `"${key}"`;
    const value = LIST_KEYS.has(key) ? '[$0]' : MAP_KEYS.has(key) ? '{$0}' : STRING_KEYS.has(key) ? '"$0"' : '$0';
    insert = colon ? `"${key}"` : `"${key}": ${value}`;
    snippet = !colon;
  } else if (colon) {
    insert = key;
  } else if (!argument && LIST_KEYS.has(key)) {
    insert = `${key}:\n\t- $0`;
    snippet = true;
  } else if (!argument && MAP_KEYS.has(key)) {
    insert = `${key}:\n\t$0`;
    snippet = true;
  } else {
    insert = `${key}: `;
  }
  if (indent > 0) {
    item.filterText = key;
    insert = ' '.repeat(indent) + insert;
  }
  item.textEdit = { range, newText: insert };
  if (snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  return item;
}

/** Values right after `call:` or `next:` with no space get one, so `next:` + Enter gives `next: end`. */
function padded(items: CompletionItem[], text: string, start: number): CompletionItem[] {
  if (text[start - 1] !== ':') return items;
  for (const item of items) {
    item.filterText = item.label;
    if (item.textEdit) item.textEdit.newText = ` ${item.textEdit.newText}`;
  }
  return items;
}

/** The parameters of the function, connector or subworkflow the call step before `offset` names. */
function argumentNames(workflow: Workflow, offset: number, present: string[]): { key: string; detail: string }[] {
  const routine = workflow.routines.filter((r) => r.span.start <= offset).pop();
  const call = routine && stepsOf(routine).map((v) => v.step).filter((s) => s.kind === 'call' && s.span.start <= offset).pop();
  if (call?.kind !== 'call') return [];
  const callee = call.call.value;
  const known = lookupFunction(callee);
  const params = known ? known.params : (workflow.routines.find((r) => r.name.value === callee)?.params ?? []).map((p) => ({ name: p.name.value, optional: p.default !== undefined }));
  return params.filter((p) => !present.includes(p.name)).map((p) => ({ key: p.name, detail: p.optional ? 'optional' : 'required' }));
}

function named(label: string, kind: CompletionItemKind, range: Range, extra: Partial<CompletionItem> = {}): CompletionItem {
  return { label, kind, textEdit: { range, newText: label }, ...extra };
}

function callItems(workflow: Workflow, prefix: string, range: Range): CompletionItem[] {
  const module = prefix.includes('.') ? prefix.slice(0, prefix.lastIndexOf('.') + 1) : '';
  const items = [
    ...STDLIB_FUNCTIONS.filter((f) => f.module !== '').map((f) => functionItem(f, range)),
    ...subworkflows(workflow).map((r) => subworkflowItem(r, range)),
  ];
  return items.filter((i) => i.label.startsWith(module));
}

function nextItems(workflow: Workflow, offset: number, range: Range): CompletionItem[] {
  return nextTargetsAt(workflow, offset).map((target) => {
    const special = (SPECIAL_TARGETS as readonly string[]).includes(target);
    return named(target, special ? CompletionItemKind.Keyword : CompletionItemKind.Reference, range, special ? { sortText: `~${target}` } : {});
  });
}

function expressionItems(workflow: Workflow, offset: number, prefix: string, range: Range): CompletionItem[] {
  if (prefix.includes('.')) {
    const module = prefix.slice(0, prefix.lastIndexOf('.') + 1);
    const functions = STDLIB_FUNCTIONS.filter((f) => !f.blocking && f.name.startsWith(module)).map((f) => functionItem(f, range));
    const constants = STDLIB_CONSTANTS.filter((c) => c.name.startsWith(module)).map((c) => named(c.name, CompletionItemKind.Constant, range, { documentation: c.doc }));
    return [...functions, ...constants];
  }
  const routine = routineAt(workflow, offset);
  const variables = routine ? [...variablesAt(routine, offset).values()] : [];
  return [
    ...variables.map((v) => named(v.name, CompletionItemKind.Variable, range, { sortText: `0${v.name}` })),
    ...STDLIB_FUNCTIONS.filter((f) => f.module === '').map((f) => functionItem(f, range)),
    ...STDLIB_MODULES.map((m) => ({ label: m, kind: CompletionItemKind.Module, textEdit: { range, newText: `${m}.` } })),
    ...subworkflows(workflow).map((r) => subworkflowItem(r, range)),
  ];
}

function functionItem(f: StdlibFunction, range: Range): CompletionItem {
  return named(f.name, CompletionItemKind.Function, range, { detail: functionSignature(f), documentation: f.doc });
}

function subworkflows(workflow: Workflow): Routine[] {
  return workflow.form === 'routines' ? workflow.routines.filter((r) => r.name.value !== 'main') : [];
}

function subworkflowItem(routine: Routine, range: Range): CompletionItem {
  return named(routine.name.value, CompletionItemKind.Function, range, { detail: `subworkflow(${routine.params.map((p) => p.name.value).join(', ')})` });
}
