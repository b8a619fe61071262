/**
 * The graph view's page: lays the graph out (dagre) and draws it as SVG here, in the webview, so
 * the extension host never does layout work. Pan by dragging, zoom with the wheel or the toolbar,
 * fit to view, double-click a container to fold it, click a step to reveal it in the editor.
 */
import type { WorkflowGraph } from '../../core/graph/types';
import { layoutGraph, type GraphLayout, type LayoutCache } from '../layout';
import { parseToWebview, type FromWebview } from '../messages';
import { renderSvg, type NodeDecoration } from '../svg';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const canvas = document.getElementById('canvas') as HTMLDivElement;
const title = document.getElementById('title') as HTMLSpanElement;
const status = document.getElementById('status') as HTMLSpanElement;

interface View {
  x: number;
  y: number;
  /** Screen pixels per graph unit. */
  scale: number;
}

let graph: WorkflowGraph | undefined;
let decorations = new Map<string, NodeDecoration>();
let layout: GraphLayout | undefined;
let highlighted: string | undefined;
const collapsed = new Set<string>(((vscode.getState() as { collapsed?: string[] } | undefined)?.collapsed ?? []).filter((c) => typeof c === 'string'));
let view: View | undefined;
/** Pieces laid out before: after an edit, only the changed ones go through dagre again. */
const layoutCache: LayoutCache = new Map();

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

function draw(): void {
  if (!graph) return;
  const started = performance.now();
  const known = new Set(graph.nodes.map((n) => n.id));
  for (const id of [...collapsed]) if (!known.has(id)) collapsed.delete(id);
  layout = layoutGraph(graph, { collapsed, cache: layoutCache });
  const shown = new Map(decorations);
  if (highlighted) shown.set(highlighted, { ...(shown.get(highlighted) ?? {}), highlighted: true });
  // renderSvg escapes every text and attribute it writes; the page's CSP forbids scripts in it anyway.
  canvas.innerHTML = renderSvg(layout, { decorations: shown });
  if (!view) fit();
  else applyView();
  vscode.setState({ collapsed: [...collapsed] });
  post({ type: 'rendered', nodes: layout.nodes.length, ms: Math.round(performance.now() - started) });
}

function svgElement(): SVGSVGElement | null {
  return canvas.querySelector('svg');
}

function applyView(): void {
  const svg = svgElement();
  if (!svg || !view) return;
  const width = canvas.clientWidth || 800;
  const height = canvas.clientHeight || 600;
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `${view.x} ${view.y} ${width / view.scale} ${height / view.scale}`);
}

function fit(): void {
  if (!layout) return;
  const width = canvas.clientWidth || 800;
  const height = canvas.clientHeight || 600;
  const scale = Math.min(1.5, Math.max(0.05, Math.min(width / Math.max(1, layout.width), height / Math.max(1, layout.height))));
  view = { scale, x: (layout.width - width / scale) / 2, y: (layout.height - height / scale) / 2 };
  applyView();
}

function zoom(factor: number, cx = canvas.clientWidth / 2, cy = canvas.clientHeight / 2): void {
  if (!view) return;
  const scale = Math.min(4, Math.max(0.05, view.scale * factor));
  const gx = view.x + cx / view.scale;
  const gy = view.y + cy / view.scale;
  view = { scale, x: gx - cx / scale, y: gy - cy / scale };
  applyView();
}

function setHighlight(id: string | undefined): void {
  for (const el of canvas.querySelectorAll('.node.highlighted')) el.classList.remove('highlighted');
  highlighted = id;
  if (!id) return;
  const node = [...canvas.querySelectorAll<SVGGElement>('.node')].find((n) => n.dataset.id === id);
  node?.classList.add('highlighted');
}

const CONTAINERS = new Set(['for', 'parallel', 'try', 'steps', 'switch', 'branch', 'except']);

canvas.addEventListener('click', (event) => {
  const target = event.target as Element;
  const badge = target.closest<SVGGElement>('.badge');
  if (badge?.dataset.target) {
    post({ type: 'openExecution', name: badge.dataset.target });
    return;
  }
  const node = target.closest<SVGGElement>('.node');
  if (node?.dataset.id) post({ type: 'reveal', id: node.dataset.id });
});

canvas.addEventListener('dblclick', (event) => {
  const node = (event.target as Element).closest<SVGGElement>('.node');
  const id = node?.dataset.id;
  const kind = graph?.nodes.find((n) => n.id === id)?.kind;
  if (!id || !kind || !CONTAINERS.has(kind)) return;
  if (collapsed.has(id)) collapsed.delete(id);
  else collapsed.add(id);
  draw();
});

let drag: { x: number; y: number; view: View } | undefined;
canvas.addEventListener('pointerdown', (event) => {
  if (!view || (event.target as Element).closest('.node')) return;
  drag = { x: event.clientX, y: event.clientY, view: { ...view } };
  canvas.setPointerCapture(event.pointerId);
});
canvas.addEventListener('pointermove', (event) => {
  if (!drag) return;
  view = { ...drag.view, x: drag.view.x - (event.clientX - drag.x) / drag.view.scale, y: drag.view.y - (event.clientY - drag.y) / drag.view.scale };
  applyView();
});
canvas.addEventListener('pointerup', () => {
  drag = undefined;
});
canvas.addEventListener(
  'wheel',
  (event) => {
    event.preventDefault();
    const box = canvas.getBoundingClientRect();
    zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX - box.left, event.clientY - box.top);
  },
  { passive: false },
);
window.addEventListener('resize', applyView);

const actions: Record<string, () => void> = {
  fit,
  'zoom-in': () => zoom(1.25),
  'zoom-out': () => zoom(1 / 1.25),
  'collapse-all': () => {
    for (const n of graph?.nodes ?? []) if (CONTAINERS.has(n.kind) && !n.parent) collapsed.add(n.id);
    draw();
  },
  'expand-all': () => {
    collapsed.clear();
    draw();
  },
  'copy-mermaid': () => post({ type: 'copyMermaid' }),
  'save-svg': () => post({ type: 'saveSvg' }),
};
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-action]')) {
  button.addEventListener('click', () => actions[button.dataset.action ?? '']?.());
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToWebview(event.data);
  if (!message) return;
  switch (message.type) {
    case 'graph':
      graph = message.graph;
      decorations = new Map(message.decorations);
      title.textContent = message.title;
      status.textContent = message.overlay ?? '';
      draw();
      return;
    case 'highlight':
      setHighlight(message.id);
      return;
    case 'exportSvg':
      if (layout) post({ type: 'svg', requestId: message.requestId, svg: renderSvg(layout, { standalone: true, decorations }) });
      return;
  }
});

post({ type: 'ready' });
