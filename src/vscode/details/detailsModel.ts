/**
 * What the Execution Details panel shows, computed from the API's plain data: no `vscode` import,
 * so it is unit-tested in Node. Values are pretty-printed with the engine's codec, so integers keep
 * their exact digits; the webview only ever receives text.
 */
import type { ExecutionInfo, ExecutionLogs, StepEntryInfo } from '../../cloud/types';
import { parseWorkflow } from '../../core/model/parse';
import { childBlocks, walkSteps } from '../../core/model/query';
import { LineIndex } from '../../core/location';
import { decodeJson, encodeJson } from '../../engine/json';
import { argumentSummary } from '../tree/childExecutions';

/** One row of the steps table. */
export interface StepRow {
  entryId: number;
  routine: string;
  step: string;
  /** `assign`, `call`, `for iteration`, … (the step type without its `STEP_` prefix). */
  type: string;
  /** `SUCCEEDED`, `FAILED` or `IN_PROGRESS`. */
  state: string;
  /** ISO time the step started. */
  start: string;
  /** `0.120s`, or `running`. */
  duration: string;
  /** `iteration 2 of 3`, `branch 1 of 2`, `retry 1`, `case 2`, or empty. */
  progress: string;
  /** Parallel thread, empty on the main thread. */
  thread: string;
  /** How deep the entry nests under the entries that started it. */
  depth: number;
  /** 1-based line of the step in the source the panel links to, when found. */
  line?: number;
  column?: number;
  /** The error's message, for failed steps. */
  error?: string;
  hasVariables: boolean;
}

export interface LogRow {
  time: string;
  severity: string;
  text: string;
}

export interface ChildRow {
  name: string;
  executionId: string;
  label: string;
  state: string;
  outcome: string;
}

export interface StackRow {
  routine: string;
  step: string;
  line: number;
  column: number;
}

export interface DetailsModel {
  name: string;
  workflowId: string;
  executionId: string;
  state: string;
  running: boolean;
  startTime: string;
  endTime: string;
  duration: string;
  revision: string;
  /** Pretty JSON text. */
  argument?: string;
  result?: string;
  error?: { message: string; payload: string; context: string; stack: StackRow[] };
  steps: StepRow[];
  /** Why the steps table is empty or partial, when it is. */
  stepsNote?: string;
  /** True when at least one entry carries variables (detailed history). */
  variablesRecorded: boolean;
  logs: LogRow[];
  logsNote?: string;
  logsConsoleUrl?: string;
  /** Undefined for an execution whose workflow starts no children. */
  children?: ChildRow[];
  /** Which source the line links open: the local file or the deployed revision. */
  sourceLabel: string;
}

/** What the panel reads before building the model. */
export interface DetailsInput {
  execution: ExecutionInfo;
  entries: StepEntryInfo[];
  entriesTruncated?: boolean;
  logs: ExecutionLogs;
  children?: ExecutionInfo[];
  /** The source whose lines the rows link to, and how to name it. */
  source?: { text: string; label: string };
}

const PROGRESS_WORDS: Record<string, string> = {
  PROGRESS_TYPE_FOR: 'iteration',
  PROGRESS_TYPE_PARALLEL_FOR: 'iteration',
  PROGRESS_TYPE_PARALLEL_BRANCH: 'branch',
  PROGRESS_TYPE_RETRY: 'retry',
  PROGRESS_TYPE_SWITCH: 'case',
};

export function buildDetailsModel(input: DetailsInput): DetailsModel {
  const e = input.execution;
  const lines = input.source ? stepLines(input.source.text) : new Map<string, { line: number; column: number }>();
  const model: DetailsModel = {
    name: e.name,
    workflowId: e.workflowId,
    executionId: e.executionId,
    state: e.state,
    running: e.state === 'ACTIVE' || e.state === 'QUEUED',
    startTime: e.startTime ?? e.createTime ?? '',
    endTime: e.endTime ?? '',
    duration: e.durationSeconds === undefined ? '' : secondsText(e.durationSeconds),
    revision: e.workflowRevisionId ?? '',
    steps: stepRows(input.entries, lines),
    variablesRecorded: input.entries.some((s) => s.variablesJson !== undefined),
    logs: input.logs.lines.map((l) => ({ time: l.time, severity: l.severity, text: l.text ?? l.json ?? '' })),
    sourceLabel: input.source?.label ?? 'no source found',
  };
  if (e.argument && e.argument !== 'null') model.argument = pretty(e.argument);
  if (e.result !== undefined) model.result = pretty(e.result);
  if (e.error) {
    model.error = {
      message: messageOf(e.error.payload) ?? e.error.context,
      payload: pretty(e.error.payload),
      context: e.error.context,
      stack: e.error.stackTrace.map((s) => ({ routine: s.routine, step: s.step, line: s.line, column: s.column })),
    };
  }
  if (input.entries.length === 0) model.stepsNote = model.running ? 'No step has run yet.' : 'No step entries were recorded.';
  else if (input.entriesTruncated) model.stepsNote = `Showing the first ${input.entries.length} step entries.`;
  const dropped = input.logs.dropped ? `${input.logs.dropped} older lines were not kept. ` : '';
  if (input.logs.unavailable) {
    model.logsNote = input.logs.unavailable.reason;
    if (input.logs.unavailable.consoleUrl) model.logsConsoleUrl = input.logs.unavailable.consoleUrl;
  } else if (dropped) {
    model.logsNote = dropped.trim();
  }
  if (input.children) {
    model.children = input.children.map((c) => ({
      name: c.name,
      executionId: c.executionId,
      label: argumentSummary(c) || c.executionId,
      state: c.state,
      outcome: c.state === 'SUCCEEDED' ? compact(c.result) : c.error ? messageOf(c.error.payload) ?? c.error.context : '',
    }));
  }
  return model;
}

/** Each step's 1-based line and column by `routine/step` (branches of parallel steps included). */
export function stepLines(source: string): Map<string, { line: number; column: number }> {
  const out = new Map<string, { line: number; column: number }>();
  let workflow;
  try {
    workflow = parseWorkflow(source);
  } catch {
    return out;
  }
  const index = new LineIndex(workflow.text);
  const put = (routine: string, step: string, offset: number): void => {
    const key = `${routine}/${step}`;
    if (out.has(key)) return;
    const p = index.positionAt(offset);
    out.set(key, { line: p.line + 1, column: p.character + 1 });
  };
  for (const routine of workflow.routines) {
    walkSteps(routine, ({ step }) => {
      put(routine.name.value, step.name.value, step.name.span.start);
      for (const [container] of childBlocks(step)) {
        if (container.kind === 'branch') put(routine.name.value, container.branch.name.value, container.branch.name.span.start);
      }
    });
  }
  return out;
}

function stepRows(entries: StepEntryInfo[], lines: Map<string, { line: number; column: number }>): StepRow[] {
  const depth = new Map<number, number>();
  return [...entries]
    .sort((a, b) => a.entryId - b.entryId)
    .map((s) => {
      const d = s.parentEntryId !== undefined && depth.has(s.parentEntryId) ? (depth.get(s.parentEntryId) as number) + 1 : 0;
      depth.set(s.entryId, d);
      const row: StepRow = {
        entryId: s.entryId,
        routine: s.routine,
        step: s.step,
        type: s.stepType.replace(/^STEP_/, '').toLowerCase().replace(/_/g, ' '),
        state: s.state.replace(/^STATE_/, ''),
        start: s.createTime ?? '',
        duration: durationOf(s),
        progress: progressText(s),
        thread: s.threadId ?? '',
        depth: d,
        hasVariables: s.variablesJson !== undefined,
      };
      const at = lines.get(`${s.routine}/${s.step}`);
      if (at) {
        row.line = at.line;
        row.column = at.column;
      }
      if (s.exceptionPayload !== undefined) row.error = messageOf(s.exceptionPayload) ?? s.exceptionPayload;
      return row;
    });
}

function progressText(s: StepEntryInfo): string {
  if (!s.progressType || s.progressNumber === undefined) return '';
  const word = PROGRESS_WORDS[s.progressType] ?? 'progress';
  return s.expectedIteration !== undefined ? `${word} ${s.progressNumber} of ${s.expectedIteration}` : `${word} ${s.progressNumber}`;
}

function durationOf(s: StepEntryInfo): string {
  if (s.state === 'STATE_IN_PROGRESS') return 'running';
  if (!s.createTime || !s.updateTime) return '';
  return secondsText((Date.parse(s.updateTime) - Date.parse(s.createTime)) / 1000);
}

/** `0.120s`, `12.5s`, `3m 05s`. */
export function secondsText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(3) : seconds.toFixed(1)}s`;
  const m = Math.floor(seconds / 60);
  return `${m}m ${String(Math.round(seconds - m * 60)).padStart(2, '0')}s`;
}

/** JSON text pretty-printed exactly; text that is not JSON as it is. */
export function pretty(text: string): string {
  try {
    return encodeJson(decodeJson(text), true);
  } catch {
    return text;
  }
}

function compact(text: string | undefined): string {
  if (text === undefined) return '';
  try {
    const value = decodeJson(text);
    return typeof value === 'string' ? value : encodeJson(value);
  } catch {
    return text;
  }
}

/** The `message` of an error map, a string error itself, else undefined. */
function messageOf(payload: string): string | undefined {
  try {
    const value = decodeJson(payload);
    if (typeof value === 'string') return value;
    if (value instanceof Map && typeof value.get('message') === 'string') return value.get('message') as string;
  } catch {
    return payload || undefined;
  }
  return undefined;
}
