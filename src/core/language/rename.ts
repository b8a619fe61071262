/**
 * Renaming a step, a subworkflow or a variable: every occurrence `occurrencesAt` finds, rewritten
 * so the document still parses to the same workflow with the new name (JSON strings stay JSON
 * strings, YAML plain scalars stay plain when the new name allows it, quoted ones keep their
 * quotes). A new name that is not a name of its kind, or that is already taken where the symbol is
 * visible, is refused with a message. Pure (no editor API): edits are document offsets.
 */
import type { Span } from '../location';
import { keywordOf } from '../expr/tokens';
import type { Workflow } from '../model/types';
import { routineSemantics, SPECIAL_TARGETS, type StaticScope } from '../semantics';
import { isStdlibModule, lookupFunction } from '../stdlib/catalogue';
import { occurrenceAt, occurrencesAt, type SymbolOccurrences } from './references';

export interface TextEdit {
  span: Span;
  newText: string;
}

export type RenameResult = { ok: true; edits: TextEdit[] } | { ok: false; message: string };

export type PrepareRenameResult = { ok: true; span: Span; placeholder: string } | { ok: false; message: string };

/**
 * Step names are free text in practice (hyphens, spaces: `Create Secret` [S]): any name without
 * control characters or surrounding spaces. Subworkflow and variable names are expression identifiers.
 */
const STEP_NAME = /^(?!\s)[^\u0000-\u001f\u007f]+(?<!\s)$/;
/** A name that a YAML plain scalar can hold as it is. */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const RENAME_MESSAGES = {
  nothing: 'Only a step, a subworkflow or a variable can be renamed here.',
  main: "'main' is the workflow's entry point: it cannot be renamed.",
  undefinedVariable: (name: string) => `'${name}' is not defined in this scope: there is nothing to rename.`,
  invalidStep: (name: string) => `'${name}' is not a valid step name: it must not be empty, start or end with a space, or hold control characters.`,
  invalidIdentifier: (name: string, what: string) => `'${name}' is not a valid ${what} name: use letters, digits and '_', starting with a letter or '_'.`,
  reservedTarget: (name: string) => `'${name}' cannot be a step name: 'next: ${name}' already has a meaning of its own.`,
  keyword: (name: string) => `'${name}' is a keyword of the expression language.`,
  stdlib: (name: string) => `'${name}' is a standard-library name.`,
  stepTaken: (name: string, routine: string) => `A step named '${name}' already exists in routine '${routine}'.`,
  routineTaken: (name: string) => `A subworkflow named '${name}' already exists.`,
  variableTaken: (name: string) => `A variable named '${name}' already exists in this scope, a scope around it or a block inside it.`,
} as const;

/** What is under `offset` and can be renamed: the name's span and text, or why not. */
export function prepareRename(workflow: Workflow, offset: number): PrepareRenameResult {
  const found = occurrencesAt(workflow, offset);
  const refusal = found ? refuseSymbol(found) : RENAME_MESSAGES.nothing;
  if (refusal || !found) return { ok: false, message: refusal ?? RENAME_MESSAGES.nothing };
  const here = occurrenceAt(found, offset);
  if (!here) return { ok: false, message: RENAME_MESSAGES.nothing };
  return { ok: true, span: here.span, placeholder: found.name };
}

/** The edits that rename the symbol at `offset` to `newName`, or why it cannot be done. */
export function renameAt(workflow: Workflow, offset: number, newName: string): RenameResult {
  const found = occurrencesAt(workflow, offset);
  if (!found) return { ok: false, message: RENAME_MESSAGES.nothing };
  const refusal = refuseSymbol(found) ?? refuseName(workflow, found, newName);
  if (refusal) return { ok: false, message: refusal };
  if (newName === found.name) return { ok: true, edits: [] };
  return {
    ok: true,
    edits: found.occurrences.map((o) => (o.scalar ? { span: o.scalar, newText: encodeScalar(workflow, o.scalar, newName) } : { span: o.span, newText: newName })),
  };
}

function refuseSymbol(found: SymbolOccurrences): string | undefined {
  if (found.kind === 'subworkflow' && found.name === 'main') return RENAME_MESSAGES.main;
  if (found.kind === 'variable' && !found.scope) return RENAME_MESSAGES.undefinedVariable(found.name);
  return undefined;
}

function refuseName(workflow: Workflow, found: SymbolOccurrences, name: string): string | undefined {
  if (name === found.name) return undefined;
  switch (found.kind) {
    case 'step': {
      if (!STEP_NAME.test(name)) return RENAME_MESSAGES.invalidStep(name);
      if ((SPECIAL_TARGETS as readonly string[]).includes(name)) return RENAME_MESSAGES.reservedTarget(name);
      const routine = found.routine;
      if (routine && routineSemantics(routine).byName.has(name)) return RENAME_MESSAGES.stepTaken(name, routine.name.value);
      return undefined;
    }
    case 'subworkflow':
      if (!IDENTIFIER.test(name)) return RENAME_MESSAGES.invalidIdentifier(name, 'subworkflow');
      if (keywordOf(name)) return RENAME_MESSAGES.keyword(name);
      if (isStdlibModule(name) || lookupFunction(name)) return RENAME_MESSAGES.stdlib(name);
      if (workflow.routines.some((r) => r.name.value === name)) return RENAME_MESSAGES.routineTaken(name);
      return undefined;
    case 'variable': {
      if (!IDENTIFIER.test(name)) return RENAME_MESSAGES.invalidIdentifier(name, 'variable');
      if (keywordOf(name)) return RENAME_MESSAGES.keyword(name);
      if (isStdlibModule(name)) return RENAME_MESSAGES.stdlib(name);
      const owner = found.scope;
      if (owner && found.routine && variableTaken(routineSemantics(found.routine).scopes, owner, name)) return RENAME_MESSAGES.variableTaken(name);
      return undefined;
    }
  }
}

/**
 * Whether `name` is created in `owner`, a scope around it, or a scope inside it: in any of them
 * the renamed variable and the existing one would become one.
 */
function variableTaken(scopes: readonly StaticScope[], owner: StaticScope, name: string): boolean {
  for (let s: StaticScope | undefined = owner; s; s = s.parent) if (s.defs.has(name)) return true;
  return scopes.some((s) => s.defs.has(name) && within(s, owner));
}

function within(scope: StaticScope, ancestor: StaticScope): boolean {
  for (let s: StaticScope | undefined = scope; s; s = s.parent) if (s === ancestor) return true;
  return false;
}

/** YAML 1.1/1.2 words a plain scalar would read as something other than a string. */
const YAML_NON_STRING = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

/** `name` written as the scalar at `span` was written: same quotes, or plain when it can stay plain. */
function encodeScalar(workflow: Workflow, span: Span, name: string): string {
  const first = workflow.text[span.start];
  if (workflow.format === 'json' || first === '"') return JSON.stringify(name);
  if (first === "'") return `'${name.replace(/'/g, "''")}'`;
  return PLAIN.test(name) && !YAML_NON_STRING.test(name) ? name : JSON.stringify(name);
}
