/**
 * An execution's `sys.log` lines. The emulator keeps them with the execution
 * (`GET /v1/<execution>/logEntries`); Google Cloud writes them to Cloud Logging (log
 * `projects/P/logs/Workflows`, label `workflows.googleapis.com/execution_id`), read here with
 * `entries:list` through the same credentials. When Cloud Logging cannot be read (API disabled,
 * no `logging.logEntries.list` permission, offline), the answer says why and links the Logs
 * Explorer query instead.
 */
import { describeCloudError } from './describeCloudError';
import { exactText, objectList, parseExactObject, stringField } from './exactJson';
import type { ExecutionLogs, LogLine } from './types';

/** Lines of a page of LogEntry objects (emulator endpoint or Cloud Logging `entries:list`). */
export function parseLogEntries(text: string, what: string): { lines: LogLine[]; nextPageToken?: string; dropped?: number } {
  const body = parseExactObject(text, what);
  const lines: LogLine[] = [];
  for (const entry of objectList(body, 'entries')) {
    const timestamp = stringField(entry, 'timestamp');
    const time = timestamp && !Number.isNaN(Date.parse(timestamp)) ? new Date(timestamp).toISOString() : '';
    const line: LogLine = { time, severity: stringField(entry, 'severity') ?? 'DEFAULT' };
    const json = entry.get('jsonPayload');
    if (json instanceof Map) line.json = exactText(json);
    else line.text = stringField(entry, 'textPayload') ?? '';
    lines.push(line);
  }
  const out: { lines: LogLine[]; nextPageToken?: string; dropped?: number } = { lines };
  const next = stringField(body, 'nextPageToken');
  if (next) out.nextPageToken = next;
  const dropped = Number(stringField(body, 'droppedCount') ?? 0);
  if (dropped > 0) out.dropped = dropped;
  return out;
}

/** The Cloud Logging filter that selects an execution's `sys.log` lines. */
export function cloudLogFilter(project: string, executionId: string): string {
  return `logName="projects/${project}/logs/Workflows" AND labels."workflows.googleapis.com/execution_id"="${executionId}"`;
}

/** The Logs Explorer page showing the same lines. */
export function logsExplorerUrl(project: string, executionId: string): string {
  return `https://console.cloud.google.com/logs/query;query=${encodeURIComponent(cloudLogFilter(project, executionId))}?project=${encodeURIComponent(project)}`;
}

/** Why Cloud Logging could not be read, with the console link. */
export function logsUnavailable(err: unknown, project: string, executionId: string): ExecutionLogs {
  const described = describeCloudError(err);
  const reason = `Cloud Logging could not be read: ${described.message}${described.hint ? ` ${described.hint}` : ''}`;
  return { lines: [], unavailable: { reason, consoleUrl: logsExplorerUrl(project, executionId) } };
}
