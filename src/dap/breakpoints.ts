/**
 * Source breakpoints of one workflow file: which step a line stands for, and the condition, hit
 * count and log message of each breakpoint.
 *
 * A breakpoint on any line of a step (its name or anywhere in its body) stops before that step
 * runs; the innermost step wins for nested steps. A line outside every step (a comment, `main:`,
 * `params:`) moves to the next step below it, and the breakpoint is reported at that step's line.
 * The inline body of a switch case or a `try` is part of its step, not a step of its own.
 */
import { LineIndex } from '../core/location';
import { isInline, walkSteps } from '../core/model/query';
import type { Workflow } from '../core/model/types';

/** A step a breakpoint can stop at, by the offset of its name (stable across parses of one text). */
interface StepLines {
  offset: number;
  startLine: number;
  endLine: number;
}

/** The lines of every step of a workflow, for mapping breakpoint lines to steps (0-based lines). */
export class StepIndex {
  private readonly steps: StepLines[] = [];

  constructor(workflow: Workflow) {
    const lines = new LineIndex(workflow.text);
    for (const routine of workflow.routines) {
      walkSteps(routine, (visit) => {
        if (isInline(visit)) return;
        const { step } = visit;
        let end = step.span.end;
        while (end > step.span.start && /\s/.test(workflow.text[end - 1])) end--;
        this.steps.push({ offset: step.name.span.start, startLine: lines.positionAt(step.name.span.start).line, endLine: lines.positionAt(end).line });
      });
    }
  }

  /** The step a breakpoint on `line` stops at, and the line to report it at; undefined past the last step. */
  resolve(line: number): { offset: number; line: number } | undefined {
    let inside: StepLines | undefined;
    for (const s of this.steps) {
      if (s.startLine <= line && line <= s.endLine && (!inside || s.startLine >= inside.startLine)) inside = s;
    }
    if (inside) return { offset: inside.offset, line };
    let next: StepLines | undefined;
    for (const s of this.steps) if (s.startLine > line && (!next || s.startLine < next.startLine)) next = s;
    return next ? { offset: next.offset, line: next.startLine } : undefined;
  }
}

export type HitCondition = { op: '>=' | '>' | '==' | '<=' | '<' | '%'; count: number };

/** Parses `5`, `>= 5`, `== 5`, `% 2` …; a bare number means "from the Nth hit on" (`>= N`). */
export function parseHitCondition(text: string): HitCondition | string {
  const m = /^\s*(>=|>|==|=|<=|<|%)?\s*(\d+)\s*$/.exec(text);
  if (!m) return `Invalid hit count "${text}": use a number, optionally after >, >=, ==, <, <= or %`;
  const op = (m[1] === '=' ? '==' : (m[1] ?? '>=')) as HitCondition['op'];
  const count = Number(m[2]);
  if (op === '%' && count === 0) return `Invalid hit count "${text}": % needs a number above 0`;
  return { op, count };
}

export function hitMatches(condition: HitCondition, hits: number): boolean {
  switch (condition.op) {
    case '>=':
      return hits >= condition.count;
    case '>':
      return hits > condition.count;
    case '==':
      return hits === condition.count;
    case '<=':
      return hits <= condition.count;
    case '<':
      return hits < condition.count;
    case '%':
      return hits % condition.count === 0;
  }
}

/** A logpoint message split into text and `{expression}` parts; `{{` and `}}` are literal braces. */
export type LogPart = { text: string } | { expression: string };

export function parseLogMessage(message: string): LogPart[] | string {
  const parts: LogPart[] = [];
  let text = '';
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if ((c === '{' || c === '}') && message[i + 1] === c) {
      text += c;
      i++;
    } else if (c === '{') {
      const close = message.indexOf('}', i + 1);
      if (close < 0) return `Invalid log message: "{" at ${i + 1} is not closed (write "{{" for a literal brace)`;
      if (text) parts.push({ text });
      text = '';
      parts.push({ expression: message.slice(i + 1, close).trim() });
      i = close;
    } else if (c === '}') {
      return `Invalid log message: "}" at ${i + 1} has no "{" (write "}}" for a literal brace)`;
    } else {
      text += c;
    }
  }
  if (text) parts.push({ text });
  return parts;
}

/** One verified source breakpoint. */
export interface SourceBreakpoint {
  id: number;
  /** Offset of the name of the step it stops before. */
  offset: number;
  line: number;
  condition?: string;
  hitCondition?: HitCondition;
  logMessage?: LogPart[];
  hits: number;
}
