/**
 * Which executions are children of a parent execution, and how to sum them up. Pure: no `vscode`
 * import.
 *
 * [R] A child is an execution of a workflow the parent's source starts (`executions.run`/`create`
 * with a literal ID). It belongs to the parent exactly when its argument has `parent_execution_id`
 * equal to the parent's execution ID (whenever it was created: retries stay under their parent);
 * an execution without that field belongs to it when it was created while the parent ran.
 * Executions that name another parent never do.
 */
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

/** True when `candidate` is a child of `parent` (see the module comment). */
export function isChildOf(parent: ExecutionInfo, candidate: ExecutionInfo): boolean {
  if (candidate.name === parent.name) return false;
  const named = parentExecutionId(candidate);
  if (named !== undefined) return named === parent.executionId;
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

/** Children of one argument: the first run and its retries, oldest first. */
export interface ChildAttempts {
  summary: string;
  attempts: ExecutionInfo[];
  latest: ExecutionInfo;
}

/** The children of a parent grouped by argument (a retry repeats its child's argument). */
export interface ChildSet {
  groups: ChildAttempts[];
  /** Every child, grouped, each group oldest first. */
  all: ExecutionInfo[];
  /** Latest attempts that failed or were cancelled: what Retry Failed Children re-runs. */
  failed: ExecutionInfo[];
  /** `4 children: 2 succeeded, 2 failed`, with `(2 retries)` when some were re-run. */
  text: string;
}

/** Groups `children` by argument, in argument order (`iteration: 2` before `iteration: 10`). */
export function summarizeChildren(children: ExecutionInfo[]): ChildSet {
  const byKey = new Map<string, ExecutionInfo[]>();
  for (const child of children) {
    const key = `${child.workflowId}\u0000${argumentSummary(child, Number.MAX_SAFE_INTEGER)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), child]);
  }
  const order = (e: ExecutionInfo): number => millis(e.createTime) ?? 0;
  const groups = [...byKey.values()].map((attempts): ChildAttempts => {
    const sorted = [...attempts].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
    return { summary: argumentSummary(sorted[0]), attempts: sorted, latest: sorted[sorted.length - 1] };
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
