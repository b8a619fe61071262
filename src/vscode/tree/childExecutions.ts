/**
 * Which executions are children of a parent execution, and how to sum them up. Pure: no `vscode`
 * import.
 *
 * [R] A child is an execution of a workflow the parent's source starts (`executions.run`/`create`
 * with a literal ID). It belongs to the parent exactly when
 * 1. its `parent-execution` label (set by the local emulator and by Retry Failed Children) names
 *    the parent's execution ID; else
 * 2. its argument has `parent_execution_id` equal to the parent's execution ID; else
 * 3. it has a `retry-of` label naming one of the parent's children (a retry stays under its
 *    parent, whenever it ran); else
 * 4. it was created while the parent ran (Google Cloud sets no label; this is the only clue left).
 * An execution that names another parent (1 or 2) never belongs.
 */
import { PARENT_EXECUTION_LABEL, RETRY_OF_LABEL } from '../../core/executionLabels';
import type { ExecutionInfo } from '../../cloud/types';
import { decodeJson, encodeJson } from '../../engine/json';
import type { Value } from '../../engine/value';

/** The argument field that ties a child to its parent (the example and the snippet set it). */
export const PARENT_ID_FIELD = 'parent_execution_id';

/** The parsed argument object of an execution, or undefined when it is not a JSON object. */
function argumentObject(execution: ExecutionInfo): Record<string, unknown> | undefined {
  if (!execution.argument) return undefined;
  try {
    const value: unknown = JSON.parse(execution.argument);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The `parent_execution_id` of an execution's argument, if it has one. */
export function parentExecutionId(execution: ExecutionInfo): string | undefined {
  const id = argumentObject(execution)?.[PARENT_ID_FIELD];
  return typeof id === 'string' ? id : undefined;
}

function millis(time: string | undefined): number | undefined {
  if (!time) return undefined;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The parent execution ID an execution names: its label first, then its argument. */
export function namedParent(execution: ExecutionInfo): string | undefined {
  return execution.labels?.[PARENT_EXECUTION_LABEL] || parentExecutionId(execution);
}

/** The execution ID a retry re-runs (its `retry-of` label), if it is one. */
export function retryOf(execution: ExecutionInfo): string | undefined {
  return execution.labels?.[RETRY_OF_LABEL] || undefined;
}

/** True when `candidate` is a child of `parent` by rule 1, 2 or 4 (see the module comment). */
export function isChildOf(parent: ExecutionInfo, candidate: ExecutionInfo): boolean {
  if (candidate.name === parent.name) return false;
  const named = namedParent(candidate);
  if (named !== undefined) return named === parent.executionId;
  if (retryOf(candidate) !== undefined) return false;
  return createdWhileRunning(parent, candidate);
}

/** The children of `parent` among `candidates`, by all four rules, in the candidates' order. */
export function childrenOf(parent: ExecutionInfo, candidates: ExecutionInfo[]): ExecutionInfo[] {
  const ids = new Set<string>();
  const kept = new Set<ExecutionInfo>();
  for (const c of candidates) {
    if (isChildOf(parent, c)) {
      kept.add(c);
      ids.add(c.executionId);
    }
  }
  // Retries of retries: repeat until no candidate joins (each pass adds at least one, or stops).
  for (let added = true; added; ) {
    added = false;
    for (const c of candidates) {
      const original = retryOf(c);
      if (kept.has(c) || original === undefined || !ids.has(original) || namedParent(c) !== undefined) continue;
      kept.add(c);
      ids.add(c.executionId);
      added = true;
    }
  }
  return candidates.filter((c) => kept.has(c));
}

function createdWhileRunning(parent: ExecutionInfo, candidate: ExecutionInfo): boolean {
  const created = millis(candidate.createTime);
  const start = millis(parent.startTime ?? parent.createTime);
  if (created === undefined || start === undefined || created < start) return false;
  const end = millis(parent.endTime);
  return end === undefined || created <= end;
}

/** The list filter that finds every possible child of `parent` (created since it started). */
export function childFilter(parent: ExecutionInfo): string | undefined {
  const since = parent.createTime ?? parent.startTime;
  return since ? `createTime>="${since}"` : undefined;
}

/**
 * A short text for an execution's argument without the parent link: `iteration: 2`,
 * `name: "Ada", n: 1`; empty for no argument.
 */
export function argumentSummary(execution: ExecutionInfo, maxLength = 60): string {
  const object = exactArgument(execution);
  if (!object) return execution.argument && execution.argument !== 'null' ? clip(execution.argument, maxLength) : '';
  const parts = [...object]
    .filter(([key]) => key !== PARENT_ID_FIELD)
    .map(([key, value]) => `${key}: ${encodeJson(value)}`);
  return clip(parts.join(', '), maxLength);
}

/** The argument map decoded by the engine's codec, so integers keep every digit. */
function exactArgument(execution: ExecutionInfo): Map<string, Value> | undefined {
  if (!execution.argument) return undefined;
  try {
    const value = decodeJson(execution.argument);
    return value instanceof Map ? value : undefined;
  } catch {
    return undefined;
  }
}

function clip(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** One child and its retries: the first run, then each retry in order. */
export interface ChildAttempts {
  summary: string;
  attempts: ExecutionInfo[];
  latest: ExecutionInfo;
  /** `FAILED → retried: SUCCEEDED` when retried, else the state alone. */
  chain: string;
}

/** The children of a parent grouped into attempts (a retry joins the child it re-runs). */
export interface ChildSet {
  groups: ChildAttempts[];
  /** Every child, grouped, each group in attempt order. */
  all: ExecutionInfo[];
  /** Latest attempts that failed or were cancelled: what Retry Failed Children re-runs. */
  failed: ExecutionInfo[];
  /** `4 children: 2 succeeded, 2 failed`, with `(2 retries)` when some were re-run. */
  text: string;
}

/**
 * Groups `children` into attempts, in argument order (`iteration: 2` before `iteration: 10`). A
 * child with a `retry-of` label joins the group of the attempt it re-runs; a child without one
 * joins the group of its workflow and argument (retries made before the label existed repeat
 * their child's argument). Within a group, retries follow what they retry, then creation time.
 */
export function summarizeChildren(children: ExecutionInfo[]): ChildSet {
  const byId = new Map(children.map((c) => [c.executionId, c]));
  const retried = (e: ExecutionInfo): ExecutionInfo | undefined => byId.get(retryOf(e) ?? '');
  /** The execution, what it retries, what that retries, …: the first run last (cycles cut). */
  const lineage = (e: ExecutionInfo): ExecutionInfo[] => {
    const line = [e];
    for (let at = retried(e); at && !line.includes(at); at = retried(at)) line.push(at);
    return line;
  };
  const depth = (e: ExecutionInfo): number => lineage(e).length - 1;
  const root = (e: ExecutionInfo): ExecutionInfo => lineage(e)[depth(e)];
  const byKey = new Map<string, ExecutionInfo[]>();
  for (const child of children) {
    const first = root(child);
    const key = `${first.workflowId}\u0000${argumentSummary(first, Number.MAX_SAFE_INTEGER)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), child]);
  }
  const order = (e: ExecutionInfo): number => millis(e.createTime) ?? 0;
  const groups = [...byKey.values()].map((attempts): ChildAttempts => {
    const sorted = [...attempts].sort((a, b) => depth(a) - depth(b) || order(a) - order(b) || a.name.localeCompare(b.name));
    return { summary: argumentSummary(sorted[0]), attempts: sorted, latest: sorted[sorted.length - 1], chain: sorted.map((e) => e.state).join(' → retried: ') };
  });
  groups.sort(
    (a, b) =>
      a.latest.workflowId.localeCompare(b.latest.workflowId) ||
      a.summary.localeCompare(b.summary, 'en', { numeric: true }) ||
      order(a.attempts[0]) - order(b.attempts[0]),
  );
  const failed = groups.map((g) => g.latest).filter((e) => e.state === 'FAILED' || e.state === 'CANCELLED');
  return { groups, all: groups.flatMap((g) => g.attempts), failed, text: summaryText(groups) };
}

const STATE_WORDS: [string, string][] = [
  ['SUCCEEDED', 'succeeded'],
  ['FAILED', 'failed'],
  ['CANCELLED', 'cancelled'],
  ['ACTIVE', 'running'],
  ['QUEUED', 'queued'],
];

function summaryText(groups: ChildAttempts[]): string {
  if (groups.length === 0) return 'no children';
  const counts = STATE_WORDS.map(([state, word]) => [groups.filter((g) => g.latest.state === state).length, word] as const)
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`);
  const retries = groups.reduce((n, g) => n + g.attempts.length - 1, 0);
  const head = `${groups.length} ${groups.length === 1 ? 'child' : 'children'}: ${counts.join(', ')}`;
  return retries > 0 ? `${head} (${retries} ${retries === 1 ? 'retry' : 'retries'})` : head;
}
