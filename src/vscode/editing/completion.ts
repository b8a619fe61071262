import * as vscode from 'vscode';
import { lookupFunction, STDLIB_CONSTANTS, STDLIB_FUNCTIONS, STDLIB_MODULES } from '../../core/stdlib/catalogue';
import type { StdlibFunction } from '../../core/stdlib/catalogue';
import type { Routine, StepKind, Workflow } from '../../core/model/types';
import { routineAt, stepAt } from '../../core/model/query';
import { ACTION_KEYS, BLOCK_KEYS, KEYS_BY_KIND } from '../../core/validate/keys';
import { toRange } from '../util/ranges';
import { formatOf, isWorkflowDocument } from '../workflowFiles';
import { cursorContext } from './cursorContext';
import { functionSignature } from './signatures';
import type { WorkflowCache } from './workflowCache';
import { innermostLoop, stepsOf, variablesAt } from './workflowQuery';

/** Keys whose value is a list of items or a nested map: completing them opens the block. */
const LIST_KEYS = new Set(['steps', 'assign', 'switch', 'branches']);
const MAP_KEYS = new Set(['for', 'parallel', 'retry', 'except', 'backoff', 'args', 'try']);

/**
 * Completes step keys valid at the cursor, function and subworkflow names in `call:` and `${}`,
 * step names in `next:`, and variables in scope inside `${}`.
 */
export class WorkflowCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['.', ' ', '{'];

  constructor(private readonly cache: WorkflowCache) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    if (!isWorkflowDocument(document)) return undefined;
    const offset = document.offsetAt(position);
    const context = cursorContext(document.getText(), offset);
    if (!context) return undefined;
    const range = toRange(document, context.span);
    const workflow = this.cache.workflow(document);
    switch (context.kind) {
      case 'key':
        if (formatOf(document) !== 'yaml') return undefined;
        if (context.path[context.path.length - 1] === 'args') return argumentItems(workflow, offset, context.siblings, range);
        return keyItems(keysAt(context.path, context.siblings, workflow), range);
      case 'call':
        return callItems(workflow, context.prefix, range);
      case 'next':
        return nextItems(workflow, offset, range);
      case 'expression':
        return expressionItems(workflow, offset, context.prefix, range);
    }
  }
}

/** The keys that may be added at a key position, given the enclosing path and the keys already there. */
export function keysAt(path: string[], siblings: string[], workflow: Workflow): string[] {
  const n = path.length;
  const [last, parent, grandparent] = [path[n - 1], path[n - 2], path[n - 3]];
  let keys: readonly string[] = [];
  if (n === 1 && workflow.form !== 'steps') keys = BLOCK_KEYS.routine;
  else if (last === '-' && parent === 'switch') keys = BLOCK_KEYS.switchCase;
  else if (parent === '-' && grandparent === 'branches') keys = BLOCK_KEYS.branch;
  else if (parent === '-' && (grandparent === 'steps' || n === 2)) keys = stepKeys(siblings);
  else if (last === 'try') keys = stepKeys(siblings).filter((k) => !['try', 'retry', 'except', 'next'].includes(k));
  else if (last === 'for' || last === 'parallel' || last === 'retry' || last === 'backoff' || last === 'except') keys = BLOCK_KEYS[last];
  return keys.filter((k) => !siblings.includes(k));
}

function stepKeys(siblings: string[]): readonly string[] {
  const kind = ACTION_KEYS.find((k) => siblings.includes(k));
  return kind ? KEYS_BY_KIND[kind as StepKind] : [...ACTION_KEYS, 'next'];
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
  const here = stepAt(workflow, offset);
  const routine = here?.routine ?? routineAt(workflow, offset);
  if (!routine) return [];
  // Jumps stay within one loop body [R]: offer the steps whose innermost loop is the cursor's.
  const loop = innermostLoop(here);
  const steps = stepsOf(routine).filter((v) => innermostLoop(v)?.loop === loop?.loop && v.step !== here?.step);
  const items = steps.map((v) => {
    const item = new vscode.CompletionItem(v.step.name.value, vscode.CompletionItemKind.Reference);
    item.range = range;
    return item;
  });
  const specials = loop?.kind === 'for' ? ['end', 'break', 'continue'] : ['end'];
  for (const special of specials) {
    const item = new vscode.CompletionItem(special, vscode.CompletionItemKind.Keyword);
    item.range = range;
    item.sortText = `~${special}`;
    items.push(item);
  }
  return items;
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
