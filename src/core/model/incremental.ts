/**
 * Incremental re-parse for the common edit: a few characters typed inside one step. Only that
 * step's lines are read again (by the fast reader, with the same offsets as in the whole text) and
 * the new step is spliced into a copy of the previous model, every span after the edit shifted.
 * The result is the model `parseWorkflow` would build from the new text (the differential test in
 * test/unit/model/incremental.test.ts checks it on thousands of random edits).
 *
 * Anything outside the safe case returns undefined and the caller parses the whole text: JSON, a
 * previous model with problems or not read by the fast reader (anchors, aliases, tags, several
 * documents), an edit outside a step or on a step's first line (its name and indentation), an
 * edited step that the fast reader cannot read alone, that reads with problems, that stops
 * elsewhere or that swallows or spills lines.
 */
import type { ParseResult } from '../expr/ast';
import type { Span } from '../location';
import type { Step, Workflow } from './types';
import { markReadFast, wasReadFast } from './buildWorkflow';
import { readFastYaml } from './fastYaml';
import { buildStep } from './steps';
import { ALIAS_BUDGET, type BuildContext, type Node } from './values';
import { isSeq } from './yamlGuards';

/** The one region where two texts differ: `[start, end)` of the old text became `[start, newEnd)`. */
export interface TextChange {
  start: number;
  end: number;
  newEnd: number;
}

/** The smallest single region that turns `before` into `after` (common prefix and suffix). */
export function changedRegion(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  // Whole blocks first (a native comparison), then character by character.
  let start = 0;
  while (start + BLOCK <= shorter && before.substring(start, start + BLOCK) === after.substring(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = before.length;
  let newEnd = after.length;
  while (end - BLOCK >= start && newEnd - BLOCK >= start && before.substring(end - BLOCK, end) === after.substring(newEnd - BLOCK, newEnd)) {
    end -= BLOCK;
    newEnd -= BLOCK;
  }
  while (end > start && newEnd > start && before.charCodeAt(end - 1) === after.charCodeAt(newEnd - 1)) {
    end--;
    newEnd--;
  }
  return { start, end, newEnd };
}

const BLOCK = 256;

/** Thrown by the span shifter on a span that straddles the edit: the caller parses everything. */
const UNSAFE = Symbol('unsafe');

/**
 * The model of `text` built from `previous` (the model of the text before the edit) by re-reading
 * only the edited step, or undefined when the edit is not one this can take (parse everything then).
 */
export function reparseIncrementally(previous: Workflow, text: string, parseExpression: (text: string) => ParseResult): Workflow | undefined {
  if (previous.format !== 'yaml' || previous.problems.length > 0 || !wasReadFast(previous)) return undefined;
  if (previous.text === text) return undefined;
  const change = changedRegion(previous.text, text);
  const target = editedStep(previous, change);
  if (!target) return undefined;
  const delta = change.newEnd - change.end;
  try {
    const step = rereadStep(target, text, previous.text, delta, parseExpression);
    if (!step) return undefined;
    const shifter = new Shifter(target.span.start, target.span.end, delta, target, step);
    const workflow: Workflow = { text, format: previous.format, form: previous.form, routines: shifter.list(previous.routines), problems: [] };
    markReadFast(workflow);
    return workflow;
  } catch (error) {
    if (error === UNSAFE) return undefined;
    throw error;
  }
}

/**
 * The innermost step written as a list item whose lines after the first hold the whole change (of
 * the text `workflow` was built from), if any.
 */
export function editedStep(workflow: Workflow, change: TextChange): Step | undefined {
  const text = workflow.text;
  const holds = (step: Step): boolean => {
    if (step.span.start >= change.start || change.end > step.span.end) return false;
    const firstBreak = text.indexOf('\n', step.span.start);
    return firstBreak >= 0 && change.start > firstBreak;
  };
  let found: Step | undefined;
  let lists: Step[][] = workflow.routines.map((r) => r.steps);
  for (;;) {
    let inner: Step | undefined;
    for (const list of lists) {
      inner = list.find(holds);
      if (inner) break;
    }
    if (!inner) return found;
    found = inner;
    lists = childLists(inner);
  }
}

/** The lists of steps written as list items inside a step (inline bodies are not list items). */
function childLists(step: Step): Step[][] {
  switch (step.kind) {
    case 'switch':
      return step.cases.flatMap((c) => (c.steps ? [c.steps] : []));
    case 'for':
      return [step.for.steps];
    case 'parallel':
      return [...(step.parallel.branches ?? []).map((b) => b.steps), ...(step.parallel.for ? [step.parallel.for.steps] : [])];
    case 'try':
      return [...(step.inline ? [] : [step.try]), ...(step.except ? [step.except.steps] : [])];
    case 'steps':
      return [step.steps];
    default:
      return [];
  }
}

/**
 * Reads the edited step alone: its lines of the new text, up to the next line with content, then
 * a sibling item standing for whatever line comes next; its spans are then moved to the offsets
 * of the whole text.
 */
function rereadStep(old: Step, text: string, oldText: string, delta: number, parseExpression: (text: string) => ParseResult): Step | undefined {
  const lineStart = oldText.lastIndexOf('\n', old.span.start - 1) + 1;
  const lead = /^( *)- +$/.exec(oldText.slice(lineStart, old.span.start));
  if (!lead) return undefined;
  const dashColumn = lead[1].length;
  const end = old.span.end + delta;
  const next = nextContentLine(text, end);
  if (next === undefined) return undefined;
  let piece = text.slice(lineStart, next.start);
  const items = next.start < text.length ? 2 : 1;
  if (items === 2) {
    if (next.indent > dashColumn) return undefined;
    piece += ' '.repeat(dashColumn) + '- x: 0\n';
  }
  const doc = readFastYaml(piece);
  const list = doc?.contents;
  if (!doc || !list || !isSeq(list) || list.flow || list.items.length !== items) return undefined;
  const ctx: BuildContext = { text: piece, doc, problems: [], parseExpression, repaired: new Set(), aliasBudget: ALIAS_BUDGET };
  const read = buildStep(ctx, list.items[0] as Node, { start: 0, end: piece.length });
  if (!read || ctx.problems.length > 0) return undefined;
  const step = new Shifter(-1, -1, lineStart).value(read);
  if (step.span.start !== old.span.start || step.span.end !== end || step.name.value !== old.name.value) return undefined;
  return step;
}

/** The start and indentation of the first line after `from`'s line that has content (not blank, not only a comment). */
function nextContentLine(text: string, from: number): { start: number; indent: number } | undefined {
  let lineEnd = text.indexOf('\n', from);
  for (;;) {
    if (lineEnd < 0) return { start: text.length, indent: 0 };
    const start = lineEnd + 1;
    let i = start;
    while (text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    if (i >= text.length) return { start: text.length, indent: 0 };
    // A blank line (LF or CRLF) or a comment: part of what follows the step, read with it.
    if (c !== 10 && c !== 13 && c !== 35) return { start, indent: i - start };
    if (c === 13 && text.charCodeAt(i + 1) !== 10) return undefined;
    lineEnd = text.indexOf('\n', i);
  }
}

/**
 * Copies the model with the edited step replaced and every span after it moved by `delta`. What
 * ends before the step is shared, not copied; a span that starts before the step and ends after
 * its start must hold it whole (its end moves), anything else is `UNSAFE`.
 */
class Shifter {
  /**
   * `[start, end)` is the edited step's span in the old text (what ends by `start` stays, what
   * starts from `end` moves); `old`, when given, is replaced by `replacement`.
   */
  constructor(
    private readonly start: number,
    private readonly end: number,
    private readonly delta: number,
    private readonly old?: Step,
    private readonly replacement?: Step,
  ) {}

  list<T>(items: T[]): T[] {
    let copy: T[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = this.value(items[i]);
      if (item !== items[i]) {
        copy ??= items.slice();
        copy[i] = item;
      }
    }
    return copy ?? items;
  }

  value<T>(value: T): T {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return this.list(value) as T;
    if (this.old && (value as unknown) === this.old) return this.replacement as T;
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'number' && typeof record.end === 'number') return this.span(record as unknown as Span) as T;
    const span = record.span as Span | undefined;
    if (span && span.end <= this.start) return value;
    // A spread keeps the object's shape (and is much faster than building it key by key).
    const copy = { ...record };
    for (const key in copy) {
      const field = copy[key];
      // Expression trees have spans relative to the expression text: they never move.
      if (key === 'parsed') continue;
      if (key === 'toDocumentOffset') copy[key] = this.offsetMapper(field as (offset: number) => number, span);
      else if (field !== null && typeof field === 'object') copy[key] = this.value(field);
    }
    return copy as T;
  }

  private offsetMapper(map: (offset: number) => number, span: Span | undefined): (offset: number) => number {
    if (!span || span.start < this.end) throw UNSAFE;
    const delta = this.delta;
    return (offset: number) => map(offset) + delta;
  }

  private span(span: Span): Span {
    if (span.end <= this.start) return span;
    if (span.start >= this.end) return { start: span.start + this.delta, end: span.end + this.delta };
    if (span.start <= this.start && span.end >= this.end) return { start: span.start, end: span.end + this.delta };
    throw UNSAFE;
  }
}
