/**
 * Completion, one implementation for the language server and the VS Code glue: step keys valid at
 * the cursor (YAML and JSON), arguments of the called function, subworkflow or connector under
 * `args:`, `connector_params` and `polling_policy` keys, call targets (functions, subworkflows,
 * connectors level by level), `next:` targets exactly as the validator accepts them, variables,
 * functions, modules and connectors inside `${}`, and the `wf-…` snippets where they fit. Items are
 * plain data with offsets; each editor maps them once. Pure (no `vscode` import).
 */
import type { Span } from '../location';
import { routineAt, walkSteps } from '../model/query';
import type { Routine, Workflow } from '../model/types';
import { SPECIAL_TARGETS } from '../semantics';
import { lookupFunction, STDLIB_CONSTANTS, STDLIB_FUNCTIONS, STDLIB_MODULES, type StdlibFunction } from '../stdlib/catalogue';
import { connectorKeyCandidates, connectorNameCompletions } from './connectorCompletion';
import { cursorContext, expressionAt } from './cursorContext';
import { jsonCursorContext } from './jsonCursorContext';
import { keysAt } from './keysAt';
import { functionSignature } from './signatures';
import type { SnippetCatalogue, SnippetPlace } from './snippets';
import { nextTargetsAt, variablesAt } from './workflowQuery';

/** The kinds of item, mapped by each editor to its own icons. */
export type CompletionKind = 'property' | 'field' | 'function' | 'method' | 'constant' | 'variable' | 'module' | 'folder' | 'reference' | 'keyword' | 'snippet';

export interface Documentation {
  kind: 'plaintext' | 'markdown';
  value: string;
}

export interface Completion {
  label: string;
  /** Shown beside the label, dimmed (a connector's product or HTTP call). */
  description?: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: Documentation;
  /** The text that replaces `range`: a TextMate snippet when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  range: Span;
  sortText?: string;
  filterText?: string;
  /** Accepting the item should open completion again (a module or a connector level ends with a dot). */
  retrigger?: boolean;
}

/** A key offered at a key position, before it is written out for YAML or JSON. */
export interface KeyCandidate {
  name: string;
  kind: 'property' | 'field';
  detail?: string;
  documentation?: string;
  sortText: string;
  /** The shape of its value: what completing it opens. */
  value: 'list' | 'map' | 'string' | 'scalar';
}

export interface CompletionSource {
  readonly text: string;
  readonly format: 'yaml' | 'json';
  readonly workflow: Workflow;
}

export interface CompletionOptions {
  /** The `wf-…` snippets; none are offered without. */
  snippets?: SnippetCatalogue;
  /** False for editors that insert only plain text: keys then insert `key: ` and no snippet is offered. Default true. */
  snippetSupport?: boolean;
}

/** Characters that open completion; space is not one (`:` is, so `next:` lists the targets). */
export const COMPLETION_TRIGGERS: readonly string[] = ['.', '{', ':'];

/** Keys whose value is a list of items or a nested map: completing them opens the block. */
const LIST_KEYS = new Set(['steps', 'assign', 'switch', 'branches']);
const MAP_KEYS = new Set(['for', 'parallel', 'retry', 'except', 'backoff', 'args', 'try']);
/** Keys whose value is a name: completing them in JSON opens a string. */
const STRING_KEYS = new Set(['call', 'next', 'result', 'as', 'value', 'index']);

interface KeyContext {
  path: string[];
  siblings: string[];
  span: Span;
  indent?: number;
  colon: boolean;
}

/** The items at `offset` of a workflow document, or an empty list where nothing is offered. */
export function completionsAt(source: CompletionSource, offset: number, options: CompletionOptions = {}): Completion[] {
  const { text, format, workflow } = source;
  const context = format === 'json' ? (expressionAt(text, offset) ?? jsonCursorContext(text, offset)) : cursorContext(text, offset);
  if (!context) return [];
  // Trigger characters fire everywhere; only `call:` and `next:` complete right after a colon.
  if (text[offset - 1] === ':' && context.kind !== 'call' && context.kind !== 'next') return [];
  const range = context.span;
  switch (context.kind) {
    case 'key':
      return keyCompletions(source, offset, context, options);
    case 'item':
      return context.path[context.path.length - 1] === 'steps' ? snippetItems(format, 'step', range, options) : [];
    case 'call':
      return padded([...callItems(workflow, context.prefix, range), ...connectorNameCompletions(context.prefix, range)], text, range.start);
    case 'next':
      return padded(nextItems(workflow, offset, range), text, range.start);
    case 'expression':
      return [...expressionItems(workflow, offset, context.prefix, range), ...connectorNameCompletions(context.prefix, range)];
  }
}

/**
 * The whole-workflow snippets for a YAML or JSON document that is not a workflow yet because it
 * holds at most one word on at most three lines; the word at the cursor is what they replace.
 */
export function newFileCompletions(text: string, offset: number, format: 'yaml' | 'json', options: CompletionOptions = {}): Completion[] {
  let breaks = 0;
  for (let at = text.indexOf('\n'); at >= 0 && breaks < 3; at = text.indexOf('\n', at + 1)) breaks++;
  if (breaks >= 3 || !/^[\w-]*$/.test(text.trim())) return [];
  let start = offset;
  let end = offset;
  while (start > 0 && /[\w-]/.test(text[start - 1])) start--;
  while (end < text.length && /[\w-]/.test(text[end])) end++;
  return snippetItems(format, 'workflow', { start, end }, options);
}

function keyCompletions(source: CompletionSource, offset: number, context: KeyContext, options: CompletionOptions): Completion[] {
  const { text, format, workflow } = source;
  const { path, siblings } = context;
  const n = path.length;
  const [last, parent] = [path[n - 1], path[n - 2]];
  const callee = last === 'args' || last === 'connector_params' ? calleeAt(workflow, offset) : undefined;
  const candidates = connectorKeyCandidates(callee, last, parent, siblings) ?? (last === 'args' ? argumentCandidates(workflow, callee, siblings) : stepKeyCandidates(keysAt(path, siblings, workflow)));
  const keys = candidates.map((k) => keyItem(k, format, context, options.snippetSupport !== false));
  if (format === 'yaml' && last === '-' && parent === 'steps' && siblings.length === 0) {
    // `- ` already typed in a steps list: a step snippet replaces it, dash included.
    const lineStart = text.lastIndexOf('\n', context.span.start - 1) + 1;
    const dash = text.lastIndexOf('-', context.span.start);
    const snippets = dash >= lineStart ? snippetItems(format, 'step', { start: dash, end: context.span.end }, options) : [];
    for (const s of snippets) s.filterText = `- ${s.label}`;
    return [...keys, ...snippets];
  }
  return [...keys, ...snippetItems(format, snippetPlace(path, workflow), context.span, options)];
}

/** Which snippets fit a key position: steps in a steps list, routines (or a whole file) at the top level. */
function snippetPlace(path: string[], workflow: Workflow): SnippetPlace | 'none' {
  if (path[path.length - 1] === 'steps') return 'step';
  if (path.length > 0) return 'none';
  if (workflow.form === 'steps') return 'step';
  return workflow.routines.length === 0 ? 'workflow' : 'routine';
}

function snippetItems(format: 'yaml' | 'json', place: SnippetPlace | 'none', range: Span, options: CompletionOptions): Completion[] {
  if (place === 'none' || !options.snippets || options.snippetSupport === false) return [];
  return options.snippets.at(format, place).map((s) => ({ label: s.prefix, kind: 'snippet', detail: s.description, insertText: s.body, snippet: true, range, sortText: `~${s.prefix}` }));
}

function stepKeyCandidates(keys: string[]): KeyCandidate[] {
  return keys.map((key, i) => ({ name: key, kind: 'property', sortText: String(i).padStart(2, '0'), value: LIST_KEYS.has(key) ? 'list' : MAP_KEYS.has(key) ? 'map' : STRING_KEYS.has(key) ? 'string' : 'scalar' }));
}

/**
 * A key written out for where it lands: JSON keys quoted with their value's brackets, YAML blocks
 * opened, keys pushed into an empty step body (`indent`), and no second `:` when one already follows.
 */
function keyItem(key: KeyCandidate, format: 'yaml' | 'json', context: KeyContext, snippetSupport: boolean): Completion {
  const item: Completion = { label: key.name, kind: key.kind, insertText: key.name, snippet: false, range: context.span, sortText: key.sortText };
  if (key.detail !== undefined) item.detail = key.detail;
  if (key.documentation) item.documentation = { kind: 'plaintext', value: key.documentation };
  if (format === 'json') {
    item.filterText = `"${key.name}"`;
    const value = { list: '[$0]', map: '{$0}', string: '"$0"', scalar: '$0' }[key.value];
    if (context.colon) item.insertText = `"${key.name}"`;
    else if (snippetSupport) Object.assign(item, { insertText: `"${key.name}": ${value}`, snippet: true });
    else item.insertText = `"${key.name}": `;
    return item;
  }
  if (context.colon) item.insertText = key.name;
  else if (snippetSupport && key.value === 'list') Object.assign(item, { insertText: `${key.name}:\n\t- $0`, snippet: true });
  else if (snippetSupport && key.value === 'map') Object.assign(item, { insertText: `${key.name}:\n\t$0`, snippet: true });
  else item.insertText = `${key.name}: `;
  if (context.indent) {
    item.filterText = key.name;
    item.insertText = ' '.repeat(context.indent) + item.insertText;
  }
  return item;
}

/** The callee of the call step the cursor is in: the last call step starting before it (the cursor may sit below its last parsed line). */
function calleeAt(workflow: Workflow, offset: number): string | undefined {
  const routine = workflow.routines.filter((r) => r.span.start <= offset).pop();
  let callee: string | undefined;
  if (routine) {
    // Steps come in source order, and a step's children after it: a later step skips its children.
    walkSteps(routine, ({ step }) => {
      if (step.span.start > offset) return 'skip';
      if (step.kind === 'call') callee = step.call.value;
      return undefined;
    });
  }
  return callee;
}

/** The parameters of the standard-library function or subworkflow `callee` not in `present`, required ones first. */
function argumentCandidates(workflow: Workflow, callee: string | undefined, present: string[]): KeyCandidate[] {
  if (callee === undefined) return [];
  const known = lookupFunction(callee);
  const params = known ? known.params : (workflow.routines.find((r) => r.name.value === callee)?.params ?? []).map((p) => ({ name: p.name.value, optional: p.default !== undefined, doc: undefined }));
  return params.filter((p) => !present.includes(p.name)).map((p, i) => ({ name: p.name, kind: 'field', detail: p.optional ? 'optional' : 'required', documentation: p.doc, sortText: `${p.optional ? 1 : 0}${String(i).padStart(2, '0')}`, value: 'scalar' }));
}

/** Values right after `call:` or `next:` with no space get one, so `next:` + Enter gives `next: end`. */
function padded(items: Completion[], text: string, start: number): Completion[] {
  if (text[start - 1] !== ':') return items;
  for (const item of items) {
    item.filterText ??= item.label;
    item.insertText = ` ${item.insertText}`;
  }
  return items;
}

function callItems(workflow: Workflow, prefix: string, range: Span): Completion[] {
  const module = prefix.includes('.') ? prefix.slice(0, prefix.lastIndexOf('.') + 1) : '';
  const items = [...STDLIB_FUNCTIONS.filter((f) => f.module !== '').map((f) => functionItem(f, range)), ...subworkflows(workflow).map((r) => subworkflowItem(r, range))];
  return items.filter((i) => i.label.startsWith(module));
}

function nextItems(workflow: Workflow, offset: number, range: Span): Completion[] {
  // Exactly the targets the validator and the engine accept from here (core/semantics).
  return nextTargetsAt(workflow, offset).map((target) => {
    const special = (SPECIAL_TARGETS as readonly string[]).includes(target);
    const item = named(target, special ? 'keyword' : 'reference', range);
    if (special) item.sortText = `~${target}`;
    return item;
  });
}

function expressionItems(workflow: Workflow, offset: number, prefix: string, range: Span): Completion[] {
  if (prefix.includes('.')) {
    const module = prefix.slice(0, prefix.lastIndexOf('.') + 1);
    const functions = STDLIB_FUNCTIONS.filter((f) => !f.blocking && f.name.startsWith(module)).map((f) => functionItem(f, range));
    const constants = STDLIB_CONSTANTS.filter((c) => c.name.startsWith(module)).map((c) => ({ ...named(c.name, 'constant', range), documentation: plain(c.doc) }));
    return [...functions, ...constants];
  }
  const routine = routineAt(workflow, offset);
  const variables = routine ? [...variablesAt(routine, offset).values()] : [];
  return [
    ...variables.map((v) => ({ ...named(v.name, 'variable', range), sortText: `0${v.name}` })),
    ...STDLIB_FUNCTIONS.filter((f) => f.module === '').map((f) => functionItem(f, range)),
    ...STDLIB_MODULES.map((m) => ({ ...named(m, 'module', range), insertText: `${m}.`, retrigger: true })),
    ...subworkflows(workflow).map((r) => subworkflowItem(r, range)),
  ];
}

function named(label: string, kind: CompletionKind, range: Span): Completion {
  return { label, kind, insertText: label, snippet: false, range };
}

function plain(value: string): Documentation {
  return { kind: 'plaintext', value };
}

function functionItem(f: StdlibFunction, range: Span): Completion {
  return { ...named(f.name, 'function', range), detail: functionSignature(f), documentation: plain(f.doc) };
}

function subworkflows(workflow: Workflow): Routine[] {
  return workflow.form === 'routines' ? workflow.routines.filter((r) => r.name.value !== 'main') : [];
}

function subworkflowItem(routine: Routine, range: Span): Completion {
  return { ...named(routine.name.value, 'function', range), detail: `subworkflow(${routine.params.map((p) => p.name.value).join(', ')})` };
}
