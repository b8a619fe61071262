/**
 * The problems the model builder reports: one table of stable codes and messages, shared by the
 * builder, the validator (which turns them into diagnostics) and the tests.
 */
import type { Span } from '../location';
import { INT64_MAX, INT64_MIN } from '../numbers';
import type { ModelProblem } from './types';

/** Every model problem code with its message. Messages name the thing that was expected. */
export const MODEL_MESSAGES = {
  'yaml-syntax': (detail: string) => `YAML syntax error: ${detail}`,
  'yaml-indentation-compat': () =>
    'This quoted string continues on lines indented less than its key: YAML 1.2 rejects this, ' +
    'lenient parsers accept it. Indent the continuation lines further than the key.',
  'yaml-flow-expression-compat': () =>
    'An expression inside `[...]` or `{...}` should be quoted: YAML reads its `{` as the start of a map. ' +
    'Write it as "${...}".',
  'empty-document': () => 'The document is empty: a workflow is a map of routines (with `main`) or a list of steps.',
  'multiple-documents': () => 'Only one YAML document is allowed in a workflow source; this one is ignored.',
  'expected-workflow': () => 'Expected a map of routines (with `main`) or a list of steps.',
  'expected-map': (what: string) => `Expected a map for ${what}.`,
  'expected-list': (what: string) => `Expected a list for ${what}.`,
  'expected-step': () => 'Expected a step: a map with a single key, the step name, whose value is the step body.',
  'expected-assignment': () => 'Expected an assignment: a map with a single key, `- name: value`.',
  'expected-branch': () => 'Expected a branch: a map with a single key, the branch name, whose value has `steps`.',
  'expected-param': () => 'Expected a parameter: a name, or a single-key map `name: default`.',
  'expected-string': (what: string) => `Expected a name (a string) for ${what}.`,
  'unsupported-key': () => 'Map keys must be strings, numbers or `${...}` expressions.',
  'duplicate-key': (key: string) => `Duplicate key '${key}'.`,
  'alias-cycle': () => 'This alias refers to a node that contains it.',
  'integer-out-of-range': (literal: string) =>
    `The integer ${literal} does not fit in 64 bits (from ${INT64_MIN} to ${INT64_MAX}); write it as a string or a double.`,
  'alias-limit': () => 'Too many alias expansions in this document; the remaining aliases are read as null.',
} satisfies Record<string, (...args: string[]) => string>;

export type ModelProblemCode = keyof typeof MODEL_MESSAGES;

/** Builds a problem with the message from the table. */
export function modelProblem<C extends ModelProblemCode>(
  code: C,
  span: Span,
  ...args: Parameters<(typeof MODEL_MESSAGES)[C]>
): ModelProblem {
  const message = (MODEL_MESSAGES[code] as (...a: string[]) => string)(...(args as string[]));
  return { code, message, span: { start: span.start, end: span.end } };
}
