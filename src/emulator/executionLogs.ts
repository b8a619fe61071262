/**
 * `sys.log` lines kept with their execution, and the emulator's endpoint that lists them:
 *
 *   GET /v1/projects/P/locations/L/workflows/W/executions/E/logEntries?pageSize=&pageToken=
 *   → {"entries": [{"insertId", "timestamp", "severity", "textPayload" | "jsonPayload"}],
 *      "nextPageToken"?, "droppedCount"?}
 *
 * Google keeps these lines in Cloud Logging, not in the Executions API; the entries use Cloud
 * Logging's LogEntry field names so one reader serves both targets. JSON payloads are written
 * verbatim (exact integers).
 *
 * Bounds [R]: an execution keeps its latest 1,000 lines (`droppedCount` says how many older ones
 * went); a text longer than 64 KiB is cut there, ending in "… [truncated]". Google's own limit is
 * Cloud Logging's 256 KB per entry.
 */
import { encodeJsonData } from '../engine/json';
import type { JsonValue } from '../engine/value';
import { paginate } from './listQuery';
import type { ExecutionRecord, LogRecord } from './records';
import type { Json } from './resources';
import { rawJson } from './rawJson';
import { formatTimestamp } from './timeFormat';

export const MAX_LOGS = 1000;
export const MAX_LOG_TEXT = 64 * 1024;

/** Adds a `sys.log` line to the execution, dropping the oldest beyond `MAX_LOGS`. */
export function appendLog(record: ExecutionRecord, time: number, entry: { severity: string; payload: JsonValue }): void {
  const line: LogRecord = { time, severity: entry.severity };
  if (typeof entry.payload === 'string') line.text = truncate(entry.payload);
  else line.json = encodeJsonData(entry.payload);
  const logs = (record.logs ??= []);
  logs.push(line);
  if (logs.length > MAX_LOGS) {
    const extra = logs.length - MAX_LOGS;
    logs.splice(0, extra);
    record.logsDropped = (record.logsDropped ?? 0) + extra;
  }
}

function truncate(text: string): string {
  return text.length > MAX_LOG_TEXT ? `${text.slice(0, MAX_LOG_TEXT)}… [truncated]` : text;
}

/** One log line as the endpoint returns it; `index` counts from the first line ever logged. */
export function logEntryResource(line: LogRecord, index: number): Json {
  const out: Json = { insertId: String(index), timestamp: formatTimestamp(line.time), severity: line.severity };
  if (line.json !== undefined) out.jsonPayload = rawJson(line.json) as JsonValue;
  else out.textPayload = line.text ?? '';
  return out;
}

/** The endpoint's answer: a page of the execution's lines, oldest first. */
export function listLogEntries(record: ExecutionRecord, pageSize: number | undefined, pageToken: string | undefined): Json {
  const dropped = record.logsDropped ?? 0;
  const numbered = (record.logs ?? []).map((line, i) => ({ line, index: dropped + i + 1 }));
  const page = paginate(numbered, pageSize, pageToken, 1000, 1000);
  const out: Json = { entries: page.items.map((n) => logEntryResource(n.line, n.index)) };
  if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
  if (dropped > 0) out.droppedCount = String(dropped);
  return out;
}
