/**
 * The messages between the Execution Details webview and the extension. Everything the webview
 * sends is checked here before use: a webview is a web page, and a malformed or unexpected
 * message is dropped (and logged), never acted on. Pure: no `vscode` import.
 */
import type { DetailsModel } from './detailsModel';

/** What the page reports after drawing a model: the integration tests read it. */
export interface RenderedSummary {
  state: string;
  steps: number;
  failedSteps: number;
  logs: number;
  children: number;
  /** The variables panel's text after a `variables` message, or empty. */
  variables: string;
}

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'openJson' }
  | { type: 'rendered'; summary: RenderedSummary }
  | { type: 'openLine'; line: number; column: number }
  | { type: 'selectStep'; entryId: number }
  | { type: 'openChild'; name: string }
  | { type: 'openLogsInConsole' };

export type PanelMessage =
  | { type: 'model'; model: DetailsModel }
  | { type: 'variables'; entryId: number; text?: string; note?: string }
  | { type: 'failure'; message: string };

const EXECUTION_NAME = /^projects\/[^/\s]+\/locations\/[^/\s]+\/workflows\/[^/\s]+\/executions\/[^/\s]+$/;
const MAX_LINE = 10_000_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveInt(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;
}

function count(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The message, checked, or a reason why it was refused. */
export function parseWebviewMessage(raw: unknown): { message: WebviewMessage } | { refused: string } {
  if (!isObject(raw) || typeof raw.type !== 'string') return { refused: 'not an object with a string "type"' };
  switch (raw.type) {
    case 'ready':
    case 'refresh':
    case 'openJson':
    case 'openLogsInConsole':
      return { message: { type: raw.type } };
    case 'openLine': {
      if (!positiveInt(raw.line, MAX_LINE)) return { refused: 'openLine needs a positive integer "line"' };
      const column = raw.column === undefined ? 1 : raw.column;
      if (!positiveInt(column, MAX_LINE)) return { refused: 'openLine has a bad "column"' };
      return { message: { type: 'openLine', line: raw.line, column } };
    }
    case 'selectStep':
      return positiveInt(raw.entryId) ? { message: { type: 'selectStep', entryId: raw.entryId } } : { refused: 'selectStep needs a positive integer "entryId"' };
    case 'openChild':
      return typeof raw.name === 'string' && EXECUTION_NAME.test(raw.name)
        ? { message: { type: 'openChild', name: raw.name } }
        : { refused: 'openChild needs an execution name' };
    case 'rendered': {
      const s = raw.summary;
      if (!isObject(s) || typeof s.state !== 'string' || typeof s.variables !== 'string' || ![s.steps, s.failedSteps, s.logs, s.children].every(count)) {
        return { refused: 'rendered needs a summary' };
      }
      const summary: RenderedSummary = {
        state: s.state,
        steps: s.steps as number,
        failedSteps: s.failedSteps as number,
        logs: s.logs as number,
        children: s.children as number,
        variables: s.variables,
      };
      return { message: { type: 'rendered', summary } };
    }
    default:
      return { refused: `unknown message type ${JSON.stringify(raw.type).slice(0, 40)}` };
  }
}
