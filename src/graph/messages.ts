/**
 * The messages between the graph view's webview and the extension. Both sides check what they
 * receive with these guards: a webview is a separate page, and a malformed message is dropped, not
 * trusted.
 */
import type { WorkflowGraph } from '../core/graph/types';
import type { NodeDecoration } from './svg';

/** Extension → webview. */
export type ToWebview =
  /** A new graph (after an edit): the view keeps its viewport and folded containers. */
  | { type: 'graph'; graph: WorkflowGraph; decorations: [string, NodeDecoration][]; title: string; overlay?: string }
  /** The step at the editor's cursor. */
  | { type: 'highlight'; id: string | undefined }
  /** Asks for the drawing as a standalone SVG file. */
  | { type: 'exportSvg'; requestId: number };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  /** A node was clicked: reveal its step. */
  | { type: 'reveal'; id: string }
  /** A child-execution badge was clicked. */
  | { type: 'openExecution'; name: string }
  | { type: 'copyMermaid' }
  | { type: 'saveSvg' }
  | { type: 'svg'; requestId: number; svg: string }
  /** Rendered: how many nodes are drawn (for tests and the log). */
  | { type: 'rendered'; nodes: number; ms: number };

const MAX_TEXT = 64 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length <= 4096;

/** The message if it is one the webview may send, else undefined. */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'copyMermaid':
    case 'saveSvg':
      return { type: value.type };
    case 'reveal':
      return isShortString(value.id) ? { type: 'reveal', id: value.id } : undefined;
    case 'openExecution':
      return isShortString(value.name) ? { type: 'openExecution', name: value.name } : undefined;
    case 'svg':
      return Number.isSafeInteger(value.requestId) && typeof value.svg === 'string' && value.svg.length <= MAX_TEXT ? { type: 'svg', requestId: value.requestId as number, svg: value.svg } : undefined;
    case 'rendered':
      return Number.isSafeInteger(value.nodes) && typeof value.ms === 'number' && Number.isFinite(value.ms) ? { type: 'rendered', nodes: value.nodes as number, ms: value.ms } : undefined;
    default:
      return undefined;
  }
}

/** The message if it is one the extension may send, else undefined (the webview's guard). */
export function parseToWebview(value: unknown): ToWebview | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'graph': {
      const graph = value.graph;
      if (!isRecord(graph) || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges) || !Array.isArray(value.decorations) || typeof value.title !== 'string') return undefined;
      return value as ToWebview;
    }
    case 'highlight':
      return value.id === undefined || isShortString(value.id) ? { type: 'highlight', id: value.id as string | undefined } : undefined;
    case 'exportSvg':
      return Number.isSafeInteger(value.requestId) ? { type: 'exportSvg', requestId: value.requestId as number } : undefined;
    default:
      return undefined;
  }
}
