/**
 * The Executions view's filter: which states and how far back. Pure: no `vscode` import. Applied
 * by the API (`filter` on executions.list), so paging stays exact and nothing is read for nothing.
 */
import type { ExecutionState } from '../../cloud/types';

/** How far back the view lists executions. */
export type TimeWindow = 'hour' | 'day' | 'week' | 'month';

export interface ExecutionsFilter {
  /** Only executions in these states (empty: every state). */
  states: ExecutionState[];
  /** Only executions created within this window before now. */
  window?: TimeWindow;
}

export const FILTERABLE_STATES: ExecutionState[] = ['ACTIVE', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'QUEUED'];

const WINDOW_MS: Record<TimeWindow, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000 };
const WINDOW_TEXT: Record<TimeWindow, string> = { hour: 'last hour', day: 'last 24 h', week: 'last 7 days', month: 'last 30 days' };

export const TIME_WINDOWS = Object.keys(WINDOW_MS) as TimeWindow[];

/** The words for a window in the view's title (`last 24 h`). */
export function windowText(window: TimeWindow): string {
  return WINDOW_TEXT[window];
}

/** True when the filter keeps everything. */
export function isEmptyFilter(filter: ExecutionsFilter): boolean {
  return filter.states.length === 0 && filter.window === undefined;
}

/**
 * The list filter (AIP-160, as Google's API takes it): `state="FAILED" OR state="CANCELLED"` for
 * the states (OR binds tighter than AND), `AND createTime>="…"` for the window; undefined when
 * the filter keeps everything.
 */
export function listFilter(filter: ExecutionsFilter, now: number): string | undefined {
  const parts: string[] = [];
  if (filter.states.length > 0) parts.push(filter.states.map((s) => `state="${s}"`).join(' OR '));
  if (filter.window) parts.push(`createTime>="${new Date(now - WINDOW_MS[filter.window]).toISOString()}"`);
  return parts.length > 0 ? parts.join(' AND ') : undefined;
}

/** The filter in a few words for the view's description: `FAILED, CANCELLED · last 24 h`. */
export function filterDescription(filter: ExecutionsFilter): string | undefined {
  const parts = [filter.states.join(', '), filter.window ? WINDOW_TEXT[filter.window] : ''].filter(Boolean);
  return parts.length > 0 ? `Filtered: ${parts.join(' · ')}` : undefined;
}

/** Reads a filter from a command argument (tests, keybindings); undefined when it is not one. */
export function parseFilter(value: unknown): ExecutionsFilter | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { states, window } = value as { states?: unknown; window?: unknown };
  const chosen = Array.isArray(states) ? states.filter((s): s is ExecutionState => FILTERABLE_STATES.includes(s as ExecutionState)) : [];
  const within = TIME_WINDOWS.includes(window as TimeWindow) ? (window as TimeWindow) : undefined;
  return { states: chosen, window: within };
}
