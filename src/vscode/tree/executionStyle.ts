import * as vscode from 'vscode';
import type { ExecutionInfo, ExecutionState } from '../../cloud/types';
import { decodeJson, encodeJson } from '../../engine/json';
import type { Value } from '../../engine/value';

const ICONS: Record<ExecutionState, [string, string]> = {
  ACTIVE: ['sync~spin', 'charts.blue'],
  QUEUED: ['clock', 'charts.blue'],
  SUCCEEDED: ['pass', 'testing.iconPassed'],
  FAILED: ['error', 'testing.iconFailed'],
  CANCELLED: ['circle-slash', 'charts.yellow'],
  UNAVAILABLE: ['question', 'disabledForeground'],
  STATE_UNSPECIFIED: ['question', 'disabledForeground'],
};

/** The state's icon and colour. */
export function stateIcon(state: ExecutionState): vscode.ThemeIcon {
  const [icon, color] = ICONS[state] ?? ICONS.STATE_UNSPECIFIED;
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}

/** True while the execution may still change. */
export function isRunning(execution: ExecutionInfo): boolean {
  return execution.state === 'ACTIVE' || execution.state === 'QUEUED';
}

/** `14:31:02` today, `2026-11-26 14:31:02` on other days, in local time. */
export function startText(time: string | undefined, now = new Date()): string {
  if (!time) return '';
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  if (date.toDateString() === now.toDateString()) return clock;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${clock}`;
}

/** `850 ms`, `10.2 s`, `3 min 4 s`, `2 h 5 min`. */
export function durationText(seconds: number | undefined): string {
  if (seconds === undefined || Number.isNaN(seconds)) return '';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${(Math.round(seconds * 10) / 10).toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`;
}

/** The duration so far for a running execution, else the recorded one. */
export function elapsedSeconds(execution: ExecutionInfo, now = Date.now()): number | undefined {
  if (execution.durationSeconds !== undefined && !isRunning(execution)) return execution.durationSeconds;
  const start = execution.startTime ? Date.parse(execution.startTime) : NaN;
  return Number.isNaN(start) ? execution.durationSeconds : Math.max(0, (now - start) / 1000);
}

/** Decodes JSON text from the API into a workflow value, exact for big integers. */
export function decodeOrText(text: string | undefined): Value | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    return decodeJson(text);
  } catch {
    return text;
  }
}

/** The error's message: the `message` of a map payload, a string payload itself, or compact JSON. */
export function errorMessage(execution: ExecutionInfo): string | undefined {
  if (!execution.error) return undefined;
  const payload = decodeOrText(execution.error.payload);
  if (typeof payload === 'string') return payload;
  if (payload instanceof Map) {
    const message = payload.get('message');
    if (typeof message === 'string') return message;
  }
  return execution.error.payload || execution.error.context || undefined;
}

/** The result in one line: a string as is, anything else as compact JSON. */
export function resultText(execution: ExecutionInfo): string | undefined {
  if (execution.result === undefined) return undefined;
  const value = decodeOrText(execution.result);
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : encodeJson(value);
}
