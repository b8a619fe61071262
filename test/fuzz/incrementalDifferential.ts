/**
 * The differential check of the incremental re-parse (src/core/model/incremental.ts): whenever it
 * takes an edit, its model must equal `parseWorkflow` of the new text (values, spans, parsed
 * expressions, problems, and every offset map sampled on each offset), and the fast reader must
 * accept the new text (the incremental path only ever starts from such models). Shared by the unit
 * test and the fuzz target `incremental-differential`.
 */
import { deepStrictEqual, ok } from 'node:assert/strict';
import fc from 'fast-check';
import { parseExpression } from '../../src/core/expr/parser';
import { readFastYaml } from '../../src/core/model/fastYaml';
import { reparseIncrementally } from '../../src/core/model/incremental';
import { parseWorkflow } from '../../src/core/model/parse';
import type { Workflow } from '../../src/core/model/types';
import { corpusWorkflows } from './corpus';
import { sampled } from './yamlDifferential';

/** A small edit: `[start, end)` of the text replaced by `insert`. */
export interface SmallEdit {
  start: number;
  end: number;
  insert: string;
}

/** What edits insert: YAML and expression punctuation, line breaks, indentation and letters. */
export const EDIT_PIECES = ['a', 'x', '1', ' ', '  ', '\n', '\n  ', ':', ': ', '"', "'", '${', '}', '{', '[', ']', '-', '- ', '#', '|', '>', '&', '*', '!', ',', '.', '\\', '\t', '\r\n'];

/** The text after `edit`. */
export function applyEdit(text: string, edit: SmallEdit): string {
  return text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
}

/**
 * A random insertion, deletion or replacement of 1–3 characters at `offset`, drawn with `random`
 * (a function returning numbers in [0, 1)).
 */
export function randomEdit(text: string, offset: number, random: () => number): SmallEdit {
  const pick = (): string => EDIT_PIECES[Math.floor(random() * EDIT_PIECES.length)];
  const length = 1 + Math.floor(random() * 3);
  const kind = Math.floor(random() * 3);
  let insert = '';
  if (kind !== 1) {
    while (insert.length < length) insert += pick();
    insert = insert.slice(0, length);
  }
  const end = kind === 0 ? offset : Math.min(text.length, offset + length);
  return { start: offset, end, insert };
}

/**
 * The incremental model of `after` from `previous`, checked against a full parse when the
 * incremental path takes the edit (throws on any difference); undefined when it does not.
 */
export function incrementalAgrees(previous: Workflow, after: string): Workflow | undefined {
  const incremental = reparseIncrementally(previous, after, parseExpression);
  if (!incremental) return undefined;
  deepStrictEqual(sampled(incremental), sampled(parseWorkflow(after, { format: previous.format })));
  ok(readFastYaml(after), 'the fast reader accepts the text of an incrementally built model');
  return incremental;
}

/**
 * Inputs of the fuzz target: a YAML workflow of the corpus and a few small edits, as JSON
 * (`{"file": …, "edits": [{"at": fraction of the length, "remove": n, "insert": text}]}`).
 */
export function editScripts(): fc.Arbitrary<string> {
  const files = corpusWorkflows().filter((f) => !f.file.endsWith('.json'));
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.integer({ min: 0, max: 3 }),
    insert: fc.array(fc.constantFrom(...EDIT_PIECES), { maxLength: 2 }).map((pieces) => pieces.join('').slice(0, 3)),
  });
  return fc
    .tuple(fc.constantFrom(...files.map((f) => f.file)), fc.array(edit, { minLength: 1, maxLength: 6 }))
    .map(([file, edits]) => JSON.stringify({ file, edits }));
}

/**
 * Replays an edit script: each edit goes through the incremental path from the previous model
 * (the incremental one when taken, else a full parse) and must agree with a full parse. Returns
 * how many edits were taken.
 */
export function checkEditScript(script: string): number {
  const { file, edits } = JSON.parse(script) as { file: string; edits: { at: number; remove: number; insert: string }[] };
  const source = corpusWorkflows().find((f) => f.file === file);
  if (!source) throw new Error(`no corpus workflow ${file}`);
  let text = source.text;
  let previous = parseWorkflow(text, { format: 'yaml' });
  let taken = 0;
  for (const { at, remove, insert } of edits) {
    const start = Math.min(text.length, Math.floor(at * (text.length + 1)));
    const after = applyEdit(text, { start, end: Math.min(text.length, start + remove), insert });
    const model = incrementalAgrees(previous, after);
    if (model) taken++;
    text = after;
    previous = model ?? parseWorkflow(text, { format: 'yaml' });
  }
  return taken;
}
