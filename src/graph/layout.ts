/**
 * Lays a workflow graph out with dagre (compound: routines and container bodies are clusters).
 * Pure and synchronous: the CLI calls it for `--format svg`, the graph view calls it in the webview,
 * never on the extension host's thread.
 */
import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphNode, WorkflowGraph } from '../core/graph/types';
import { nodeText } from '../core/graph/graphText';
import { edgeLabel } from '../core/graph/mermaid';

export interface LaidOutNode {
  node: GraphNode;
  /** Centre and size. */
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  /** A container whose body is hidden. */
  collapsed: boolean;
  /** How many nodes a collapsed container hides. */
  hidden: number;
}

export interface LaidOutCluster {
  /** The container node ID (or `routine` for a routine's cluster). */
  id: string;
  label?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  depth: number;
}

export interface LaidOutEdge {
  edge: GraphEdge;
  points: { x: number; y: number }[];
  label?: string;
  labelX?: number;
  labelY?: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  clusters: LaidOutCluster[];
}

export interface LayoutOptions {
  /** Containers whose bodies are drawn folded into the container's node. */
  collapsed?: ReadonlySet<string>;
}

/** Approximate text metrics of the 12px UI font: dagre needs sizes before anything is drawn. */
const CHAR_WIDTH = 6.8;
const LINE_HEIGHT = 16;
const PAD_X = 14;
const PAD_Y = 10;
const MAX_LINE = 48;

/** The displayed lines of a node, clipped so one long call target does not widen a whole rank. */
export function displayLines(node: GraphNode, hidden = 0): string[] {
  const lines = nodeText(node).map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line));
  if (hidden > 0) lines.push(`(${hidden} hidden)`);
  return lines;
}

function sizeOf(lines: string[]): { width: number; height: number } {
  const longest = Math.max(...lines.map((l) => l.length));
  return { width: Math.ceil(longest * CHAR_WIDTH + 2 * PAD_X), height: lines.length * LINE_HEIGHT + 2 * PAD_Y };
}

const bodyId = (id: string): string => `${id}\u0000body`;
const routineId = (routine: string): string => `\u0000routine\u0000${routine}`;

/** Lays `graph` out; deterministic for the same input. */
export function layoutGraph(graph: WorkflowGraph, options: LayoutOptions = {}): GraphLayout {
  const collapsed = options.collapsed ?? new Set<string>();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  // The node each node is drawn as: itself, or its outermost collapsed ancestor.
  const shownAs = new Map<string, string>();
  const hiddenCount = new Map<string, number>();
  for (const node of graph.nodes) {
    let shown = node.id;
    for (let p = node.parent; p; p = byId.get(p)?.parent) if (collapsed.has(p)) shown = p;
    shownAs.set(node.id, shown);
    if (shown !== node.id) hiddenCount.set(shown, (hiddenCount.get(shown) ?? 0) + 1);
  }

  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 36, edgesep: 12, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const routines = [...new Set(graph.nodes.map((n) => n.routine))];
  if (routines.length > 1) for (const r of routines) g.setNode(routineId(r), { label: r, width: 0, height: 0 });
  const lines = new Map<string, string[]>();
  for (const node of graph.nodes) {
    if (shownAs.get(node.id) !== node.id) continue;
    const text = displayLines(node, hiddenCount.get(node.id) ?? 0);
    lines.set(node.id, text);
    g.setNode(node.id, sizeOf(text));
    const parent = node.parent ? bodyId(node.parent) : routines.length > 1 ? routineId(node.routine) : undefined;
    if (node.parent && !g.hasNode(bodyId(node.parent))) {
      const owner = byId.get(node.parent);
      g.setNode(bodyId(node.parent), { width: 0, height: 0 });
      const ownerParent = owner?.parent ? bodyId(owner.parent) : routines.length > 1 && owner ? routineId(owner.routine) : undefined;
      if (ownerParent) g.setParent(bodyId(node.parent), ownerParent);
    }
    if (parent) g.setParent(node.id, parent);
  }
  const seen = new Set<string>();
  const edges: { edge: GraphEdge; from: string; to: string; name: string; label?: string }[] = [];
  graph.edges.forEach((edge, i) => {
    const from = shownAs.get(edge.from);
    const to = shownAs.get(edge.to);
    if (!from || !to) return;
    if (from === to && edge.from !== edge.to) return; // folded inside a collapsed container
    const key = `${from}\u0000${to}\u0000${edge.kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    const label = edgeLabel(edge);
    const name = String(i);
    const size = label ? { width: Math.ceil(label.length * 6 + 8), height: 14, labelpos: 'c' as const } : {};
    // Back-edges (loops, continue, retry) should not pull their target below their source.
    const weight = edge.kind === 'loop' || edge.kind === 'continue' || edge.kind === 'call' ? 0 : 1;
    g.setEdge(from, to, { ...size, weight, minlen: 1 }, name);
    edges.push({ edge, from, to, name, label });
  });
  // A loop's exit sits below its body: layout-only edges from every loop-back source to the exit.
  const exits = new Map<string, string[]>();
  for (const e of edges) if (e.edge.kind === 'next' && e.edge.label === 'done') exits.set(e.from, [...(exits.get(e.from) ?? []), e.to]);
  edges.forEach((e, i) => {
    if (e.edge.kind !== 'loop') return;
    for (const exit of exits.get(e.to) ?? []) if (exit !== e.from) g.setEdge(e.from, exit, { weight: 0, minlen: 1 }, `layout${i}:${exit}`);
  });
  dagre.layout(g);

  const nodes: LaidOutNode[] = [];
  for (const node of graph.nodes) {
    if (!lines.has(node.id)) continue;
    const n = g.node(node.id);
    nodes.push({ node, x: n.x ?? 0, y: n.y ?? 0, width: n.width, height: n.height, lines: lines.get(node.id) ?? [], collapsed: collapsed.has(node.id), hidden: hiddenCount.get(node.id) ?? 0 });
  }
  const clusters: LaidOutCluster[] = [];
  for (const id of g.nodes()) {
    if (lines.has(id)) continue;
    const n = g.node(id);
    let depth = 0;
    for (let p = g.parent(id); p; p = g.parent(p)) depth++;
    const isRoutine = id.startsWith('\u0000routine\u0000');
    clusters.push({ id: isRoutine ? id.slice('\u0000routine\u0000'.length) : id.slice(0, -'\u0000body'.length), label: isRoutine ? String(n.label) : undefined, x: n.x ?? 0, y: n.y ?? 0, width: n.width, height: n.height, depth });
  }
  clusters.sort((a, b) => a.depth - b.depth);
  const laidEdges: LaidOutEdge[] = edges.map(({ edge, from, to, name, label }) => {
    const e = g.edge({ v: from, w: to, name });
    return { edge, points: e.points ?? [], ...(label !== undefined && { label, labelX: e.x, labelY: e.y }) };
  });
  const size = g.graph();
  return { width: size.width ?? 0, height: size.height ?? 0, nodes, edges: laidEdges, clusters };
}
