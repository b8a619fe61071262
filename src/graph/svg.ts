/**
 * Draws a laid-out graph as SVG text: standalone (with its own styles, for `cloud-workflows graph
 * --format svg` and "Save as SVG") or bare (the graph view styles it with VS Code's theme colours).
 * Every node carries `data-id` (its graph ID) and CSS classes for its kind and any decoration, so
 * the view can find, highlight and decorate nodes without drawing again.
 */
import type { GraphLayout, LaidOutNode } from './layout';

/** What an execution, a diagnostic or the cursor adds to a node. */
export interface NodeDecoration {
  /** ran: completed at least once; failed: the step where the execution failed; running: in progress. */
  state?: 'ran' | 'failed' | 'running' | 'not-reached';
  /** Times the step ran (shown when more than one). */
  count?: number;
  /** A message shown in the node's tooltip (the error, the diagnostic). */
  message?: string;
  /** Child executions started by the step: one badge each. */
  badges?: { text: string; state: string; target?: string }[];
  diagnostic?: 'error' | 'warning';
  highlighted?: boolean;
}

export interface SvgOptions {
  /** Embed default light styles so the file stands on its own. */
  standalone?: boolean;
  decorations?: ReadonlyMap<string, NodeDecoration>;
}

/** Escapes text for XML content and attribute values. */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STANDALONE_STYLE = `
.wf-graph { font: 12px -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
.wf-graph .cluster { fill: #f6f8fa; stroke: #d0d7de; stroke-dasharray: 4 3; }
.wf-graph .cluster-label { fill: #57606a; font-weight: 600; }
.wf-graph .node-shape { fill: #ffffff; stroke: #57606a; stroke-width: 1.2; }
.wf-graph .kind-start .node-shape, .wf-graph .kind-end .node-shape { fill: #ddf4ff; stroke: #0969da; }
.wf-graph .kind-return .node-shape { fill: #dafbe1; stroke: #1a7f37; }
.wf-graph .kind-raise .node-shape { fill: #ffebe9; stroke: #cf222e; }
.wf-graph .kind-child-execution .node-shape, .wf-graph .kind-subworkflow-call .node-shape { stroke: #8250df; stroke-width: 2; }
.wf-graph .kind-connector-call .node-shape { stroke: #bf8700; stroke-width: 2; }
.wf-graph .node-title { fill: #1f2328; font-weight: 600; }
.wf-graph .node-detail { fill: #57606a; }
.wf-graph .edge { fill: none; stroke: #57606a; stroke-width: 1.2; }
.wf-graph .edge.dashed { stroke-dasharray: 5 4; }
.wf-graph .edge-label { fill: #57606a; font-size: 11px; }
.wf-graph .arrow { fill: #57606a; }
.wf-graph .state-ran .node-shape { stroke: #1a7f37; stroke-width: 2; }
.wf-graph .state-failed .node-shape { stroke: #cf222e; stroke-width: 3; fill: #ffebe9; }
.wf-graph .state-running .node-shape { stroke: #0969da; stroke-width: 3; }
.wf-graph .state-not-reached { opacity: 0.45; }
.wf-graph .badge rect { fill: #eaeef2; stroke: #57606a; }
.wf-graph .badge.badge-SUCCEEDED rect { fill: #dafbe1; stroke: #1a7f37; }
.wf-graph .badge.badge-FAILED rect { fill: #ffebe9; stroke: #cf222e; }
.wf-graph .count rect { fill: #0969da; } .wf-graph .count text { fill: #fff; font-size: 10px; }
`;

const DASHED = new Set(['jump', 'loop', 'break', 'continue', 'except', 'retry', 'call']);

/** The SVG of `layout`. */
export function renderSvg(layout: GraphLayout, options: SvgOptions = {}): string {
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="wf-graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
  out.push('<defs><marker id="wf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow" d="M0,0 L10,5 L0,10 z"/></marker></defs>');
  if (options.standalone) out.push(`<style>${STANDALONE_STYLE}</style>`, `<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push('<g class="clusters">');
  for (const c of layout.clusters) {
    out.push(`<rect class="cluster depth-${c.depth}" data-cluster="${xmlText(c.id)}" x="${n(c.x - c.width / 2)}" y="${n(c.y - c.height / 2)}" width="${n(c.width)}" height="${n(c.height)}" rx="6"/>`);
    if (c.label) out.push(`<text class="cluster-label" x="${n(c.x - c.width / 2 + 8)}" y="${n(c.y - c.height / 2 + 14)}">${xmlText(c.label)}</text>`);
  }
  out.push('</g><g class="edges">');
  for (const e of layout.edges) {
    if (e.points.length < 2) continue;
    const d = smoothPath(e.points);
    const dashed = DASHED.has(e.edge.kind) ? ' dashed' : '';
    out.push(`<path class="edge kind-${e.edge.kind}${dashed}" data-from="${xmlText(e.edge.from)}" data-to="${xmlText(e.edge.to)}" d="${d}" marker-end="url(#wf-arrow)"/>`);
    if (e.label && e.labelX !== undefined && e.labelY !== undefined) {
      out.push(`<text class="edge-label" text-anchor="middle" x="${n(e.labelX)}" y="${n(e.labelY + 4)}">${xmlText(e.label)}</text>`);
    }
  }
  out.push('</g><g class="nodes">');
  for (const node of layout.nodes) out.push(renderNode(node, options.decorations?.get(node.node.id)));
  out.push('</g></svg>');
  return out.join('\n');
}

function renderNode(laid: LaidOutNode, decoration: NodeDecoration | undefined): string {
  const { node, width: w, height: h } = laid;
  const classes = ['node', `kind-${node.kind}`];
  if (laid.collapsed) classes.push('collapsed');
  if (decoration?.state) classes.push(`state-${decoration.state}`);
  if (decoration?.diagnostic) classes.push(`diagnostic-${decoration.diagnostic}`);
  if (decoration?.highlighted) classes.push('highlighted');
  const tooltip = [`${node.kind}: ${node.label}`, node.detail, `line ${node.line}`, decoration?.message].filter(Boolean).join('\n');
  const parts = [`<g class="${classes.join(' ')}" data-id="${xmlText(node.id)}" transform="translate(${n(laid.x)},${n(laid.y)})">`, `<title>${xmlText(tooltip)}</title>`];
  parts.push(shape(node.kind, w, h));
  const top = -((laid.lines.length - 1) * 16) / 2 + 4;
  laid.lines.forEach((line, i) => {
    parts.push(`<text class="${i === 0 ? 'node-title' : 'node-detail'}" text-anchor="middle" x="0" y="${n(top + i * 16)}">${xmlText(line)}</text>`);
  });
  if (decoration?.count && decoration.count > 1) {
    parts.push(`<g class="count" transform="translate(${n(w / 2 - 4)},${n(-h / 2)})"><rect x="-14" y="-8" width="28" height="16" rx="8"/><text text-anchor="middle" y="4">×${decoration.count}</text></g>`);
  }
  (decoration?.badges ?? []).forEach((badge, i) => {
    const bw = badge.text.length * 6 + 12;
    const target = badge.target ? ` data-target="${xmlText(badge.target)}"` : '';
    parts.push(`<g class="badge badge-${xmlText(badge.state)}"${target} transform="translate(${n(w / 2 + 6)},${n(-h / 2 + 9 + i * 18)})"><rect x="0" y="-8" width="${bw}" height="16" rx="4"/><text x="6" y="4">${xmlText(badge.text)}</text></g>`);
  });
  parts.push('</g>');
  return parts.join('');
}

function shape(kind: string, w: number, h: number): string {
  const x = -w / 2;
  const y = -h / 2;
  switch (kind) {
    case 'start':
    case 'end':
    case 'return':
      return `<rect class="node-shape" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(h / 2)}"/>`;
    case 'switch':
    case 'for':
    case 'parallel': {
      const k = Math.min(12, h / 2);
      return `<polygon class="node-shape" points="${[[x + k, y], [x + w - k, y], [x + w, 0], [x + w - k, -y], [x + k, -y], [x, 0]].map(([a, b]) => `${n(a)},${n(b)}`).join(' ')}"/>`;
    }
    case 'raise': {
      const k = 10;
      return `<polygon class="node-shape" points="${[[x, y], [x + w - k, y], [x + w, 0], [x + w - k, -y], [x, -y]].map(([a, b]) => `${n(a)},${n(b)}`).join(' ')}"/>`;
    }
    default:
      return `<rect class="node-shape" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="4"/>`;
  }
}

/** A path through `points` with rounded corners: straight to each midpoint, curving around each bend. */
function smoothPath(points: { x: number; y: number }[]): string {
  const parts = [`M${n(points[0].x)},${n(points[0].y)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const q = points[i + 1];
    parts.push(`Q${n(p.x)},${n(p.y)} ${n((p.x + q.x) / 2)},${n((p.y + q.y) / 2)}`);
  }
  const last = points[points.length - 1];
  parts.push(`L${n(last.x)},${n(last.y)}`);
  return parts.join(' ');
}

/** Coordinates with at most one decimal: smaller files, same picture. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}
