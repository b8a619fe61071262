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
  /**
   * Pieces laid out before, by content: after an edit only the pieces that changed go through
   * dagre again. The graph view keeps one for its lifetime; it is pruned to the last layout's pieces.
   */
  cache?: LayoutCache;
}

/** Laid-out pieces by their content signature (see `LayoutOptions.cache`). */
export type LayoutCache = Map<string, unknown>;

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

/** Space between stacked segments and between routine columns. */
const SEGMENT_GAP = 36;
const ROUTINE_GAP = 48;
const MARGIN = 16;
/** Room above a routine's column for its name, when there are several routines. */
const ROUTINE_TITLE = 22;

/** A visible edge: the graph edge, the nodes it is drawn between, and its label. */
interface VisibleEdge {
  edge: GraphEdge;
  from: string;
  to: string;
  label?: string;
}

/** A laid-out piece: positions relative to its own top-left corner. */
interface Piece {
  width: number;
  height: number;
  nodes: Map<string, { x: number; y: number; width: number; height: number }>;
  clusters: LaidOutCluster[];
  edges: Map<VisibleEdge, LaidOutEdge>;
}

/**
 * Lays `graph` out; deterministic for the same input.
 *
 * dagre's cost grows much faster than the graph (its ranking and ordering passes are superlinear,
 * and compound graphs add border nodes on every rank), while a workflow is mostly a sequence. So
 * each routine's top-level sequence is cut wherever control can only flow down into the next
 * top-level step (no jump crosses the cut, no edge goes back over it); dagre lays out each piece
 * with its nested bodies as clusters, and the pieces are stacked. Edges into the first step of a
 * piece are drawn straight down from the piece above. Routines stand side by side.
 */
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
  const lines = new Map<string, string[]>();
  for (const node of graph.nodes) if (shownAs.get(node.id) === node.id) lines.set(node.id, displayLines(node, hiddenCount.get(node.id) ?? 0));

  const seen = new Set<string>();
  const visible: VisibleEdge[] = [];
  for (const edge of graph.edges) {
    const from = shownAs.get(edge.from);
    const to = shownAs.get(edge.to);
    if (!from || !to) continue;
    if (from === to && edge.from !== edge.to) continue; // folded inside a collapsed container
    const key = `${from}\u0000${to}\u0000${edge.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    visible.push({ edge, from, to, label: edgeLabel(edge) });
  }

  // The top-level step (of its routine) each visible node sits under.
  const topOf = new Map<string, string>();
  for (const node of graph.nodes) {
    if (!lines.has(node.id)) continue;
    let top = node;
    while (top.parent) top = byId.get(top.parent) ?? top;
    topOf.set(node.id, top.id);
  }

  const routines = [...new Set(graph.nodes.map((n) => n.routine))];
  const titled = routines.length > 1;
  const used = new Set<string>();
  const nodes: LaidOutNode[] = [];
  const clusters: LaidOutCluster[] = [];
  const laidEdges = new Map<VisibleEdge, LaidOutEdge>();
  const placed = new Map<string, { x: number; y: number; width: number; height: number }>();
  let x = MARGIN;
  let height = 0;
  for (const routine of routines) {
    const column = layoutRoutine(graph.nodes.filter((n) => n.routine === routine && lines.has(n.id)), visible, topOf, lines, options.cache, used);
    const top = MARGIN + (titled ? ROUTINE_TITLE : 0);
    for (const [id, box] of column.nodes) placed.set(id, { ...box, x: box.x + x, y: box.y + top });
    for (const c of column.clusters) clusters.push({ ...c, x: c.x + x, y: c.y + top });
    for (const [e, laid] of column.edges) laidEdges.set(e, shift(laid, x, top));
    if (titled) clusters.push({ id: routine, label: routine, x: x + column.width / 2, y: MARGIN + (ROUTINE_TITLE + column.height) / 2, width: column.width + 16, height: column.height + ROUTINE_TITLE + 8, depth: -1 });
    x += column.width + ROUTINE_GAP;
    height = Math.max(height, top + column.height);
  }
  for (const node of graph.nodes) {
    const box = placed.get(node.id);
    if (box) nodes.push({ node, ...box, lines: lines.get(node.id) ?? [], collapsed: collapsed.has(node.id), hidden: hiddenCount.get(node.id) ?? 0 });
  }
  // Calls between routines: a dashed line from the calling step's side to the routine's start.
  for (const e of visible) {
    if (laidEdges.has(e)) continue;
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    if (!a || !b) continue;
    const right = b.x >= a.x;
    laidEdges.set(e, { edge: e.edge, points: [{ x: a.x + (right ? a.width / 2 : -a.width / 2), y: a.y }, { x: b.x, y: b.y - b.height / 2 }], ...(e.label !== undefined && { label: e.label, labelX: (a.x + b.x) / 2, labelY: (a.y + b.y - b.height / 2) / 2 }) });
  }
  if (options.cache) for (const key of [...options.cache.keys()]) if (!used.has(key)) options.cache.delete(key);
  clusters.sort((a, b) => a.depth - b.depth);
  return { width: Math.max(0, x - ROUTINE_GAP + MARGIN), height: height + MARGIN, nodes, edges: visible.map((e) => laidEdges.get(e)).filter((e): e is LaidOutEdge => e !== undefined), clusters };
}

function shift(edge: LaidOutEdge, dx: number, dy: number): LaidOutEdge {
  return {
    ...edge,
    points: edge.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
    ...(edge.labelX !== undefined && edge.labelY !== undefined && { labelX: edge.labelX + dx, labelY: edge.labelY + dy }),
  };
}

/** One routine's column: its top-level sequence cut into pieces, each laid out by dagre, stacked. */
function layoutRoutine(members: GraphNode[], visible: VisibleEdge[], topOf: Map<string, string>, lines: Map<string, string[]>, cache: LayoutCache | undefined, used: Set<string>): Piece {
  const tops = members.filter((n) => !n.parent).map((n) => n.id);
  const index = new Map(tops.map((id, i) => [id, i]));
  const memberIds = new Set(members.map((n) => n.id));
  const inside = visible.filter((e) => memberIds.has(e.from) && memberIds.has(e.to));
  // cut[i]: the column may be cut between top-level steps i and i + 1.
  const cut = tops.map(() => true);
  cut[tops.length - 1] = false;
  for (const e of inside) {
    const a = index.get(topOf.get(e.from) ?? '') ?? 0;
    const b = index.get(topOf.get(e.to) ?? '') ?? 0;
    if (b > a) {
      // Down into the next piece is fine only when it lands on that piece's first step.
      const lastAllowed = e.to === tops[b] ? b - 1 : b;
      for (let i = a; i < lastAllowed; i++) cut[i] = false;
    } else if (b < a) {
      for (let i = b; i < a; i++) cut[i] = false;
    }
  }
  const pieces: string[][] = [];
  let current: string[] = [];
  tops.forEach((id, i) => {
    current.push(id);
    if (cut[i]) {
      pieces.push(current);
      current = [];
    }
  });
  if (current.length) pieces.push(current);

  const pieceOf = new Map<string, number>();
  pieces.forEach((piece, p) => {
    const set = new Set(piece);
    for (const n of members) if (set.has(topOf.get(n.id) ?? '')) pieceOf.set(n.id, p);
  });
  const laid = pieces.map((_, p) => cachedPiece(members.filter((n) => pieceOf.get(n.id) === p), inside.filter((e) => pieceOf.get(e.from) === p && pieceOf.get(e.to) === p), lines, cache, used));
  const width = Math.max(0, ...laid.map((l) => l.width));
  const out: Piece = { width, height: 0, nodes: new Map(), clusters: [], edges: new Map() };
  let y = 0;
  const offsets: number[] = [];
  laid.forEach((piece) => {
    const dx = (width - piece.width) / 2;
    offsets.push(y);
    for (const [id, box] of piece.nodes) out.nodes.set(id, { ...box, x: box.x + dx, y: box.y + y });
    for (const c of piece.clusters) out.clusters.push({ ...c, x: c.x + dx, y: c.y + y });
    for (const [e, l] of piece.edges) out.edges.set(e, shift(l, dx, y));
    y += piece.height + SEGMENT_GAP;
  });
  out.height = Math.max(0, y - SEGMENT_GAP);
  // Edges between pieces: straight down out of the source, across below its piece, into the target.
  for (const e of inside) {
    if (out.edges.has(e)) continue;
    const a = out.nodes.get(e.from);
    const b = out.nodes.get(e.to);
    const p = pieceOf.get(e.from);
    if (!a || !b || p === undefined) continue;
    const below = offsets[p] + laid[p].height + SEGMENT_GAP / 2;
    const points = [{ x: a.x, y: a.y + a.height / 2 }, { x: a.x, y: below }, { x: b.x, y: below }, { x: b.x, y: b.y - b.height / 2 }];
    out.edges.set(e, { edge: e.edge, points, ...(e.label !== undefined && { label: e.label, labelX: (a.x + b.x) / 2, labelY: below - 8 }) });
  }
  return out;
}

/** A piece as laid out before when its nodes, texts, nesting and edges are the same, else laid out now. */
function cachedPiece(members: GraphNode[], edges: VisibleEdge[], lines: Map<string, string[]>, cache: LayoutCache | undefined, used: Set<string>): Piece {
  if (!cache) return layoutPiece(members, edges, lines);
  const key = JSON.stringify([members.map((n) => [n.id, n.parent ?? '', lines.get(n.id)]), edges.map((e) => [e.from, e.to, e.edge.kind, e.label ?? ''])]);
  used.add(key);
  const known = cache.get(key) as { piece: Piece; edges: VisibleEdge[] } | undefined;
  if (known) {
    // Same content: the positions hold; the edge objects are this layout's.
    const byIndex = [...known.piece.edges.values()];
    return { ...known.piece, edges: new Map(edges.map((e, i) => [e, { ...byIndex[i], edge: e.edge }])) };
  }
  const piece = layoutPiece(members, edges, lines);
  cache.set(key, { piece, edges });
  return piece;
}

/** Lays out one piece (some top-level steps with everything nested in them) with dagre. */
function layoutPiece(members: GraphNode[], edges: VisibleEdge[], lines: Map<string, string[]>): Piece {
  const byId = new Map(members.map((n) => [n.id, n]));
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 36, edgesep: 12, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of members) {
    g.setNode(node.id, sizeOf(lines.get(node.id) ?? [node.label]));
    if (!node.parent || !byId.has(node.parent)) continue;
    if (!g.hasNode(bodyId(node.parent))) {
      g.setNode(bodyId(node.parent), { width: 0, height: 0 });
      const owner = byId.get(node.parent);
      if (owner?.parent && byId.has(owner.parent)) {
        if (!g.hasNode(bodyId(owner.parent))) g.setNode(bodyId(owner.parent), { width: 0, height: 0 });
        g.setParent(bodyId(node.parent), bodyId(owner.parent));
      }
    }
    g.setParent(node.id, bodyId(node.parent));
  }
  const names = new Map<VisibleEdge, string>();
  edges.forEach((e, i) => {
    const name = String(i);
    names.set(e, name);
    const size = e.label ? { width: Math.ceil(e.label.length * 6 + 8), height: 14, labelpos: 'c' as const } : {};
    // Back-edges (loops, continue) should not pull their target below their source.
    const weight = e.edge.kind === 'loop' || e.edge.kind === 'continue' ? 0 : 1;
    g.setEdge(e.from, e.to, { ...size, weight, minlen: 1 }, name);
  });
  // A loop's exit sits below its body: layout-only edges from every loop-back source to the exit.
  const exits = new Map<string, string[]>();
  for (const e of edges) if (e.edge.kind === 'next' && e.edge.label === 'done') exits.set(e.from, [...(exits.get(e.from) ?? []), e.to]);
  edges.forEach((e, i) => {
    if (e.edge.kind !== 'loop') return;
    for (const exit of exits.get(e.to) ?? []) if (exit !== e.from) g.setEdge(e.from, exit, { weight: 0, minlen: 1 }, `layout${i}:${exit}`);
  });
  dagre.layout(g);

  const size = g.graph();
  const piece: Piece = { width: size.width ?? 0, height: size.height ?? 0, nodes: new Map(), clusters: [], edges: new Map() };
  for (const node of members) {
    const n = g.node(node.id);
    piece.nodes.set(node.id, { x: n.x ?? 0, y: n.y ?? 0, width: n.width, height: n.height });
  }
  for (const id of g.nodes()) {
    if (byId.has(id)) continue;
    const n = g.node(id);
    let depth = 0;
    for (let p = g.parent(id); p; p = g.parent(p)) depth++;
    piece.clusters.push({ id: id.slice(0, -'\u0000body'.length), x: n.x ?? 0, y: n.y ?? 0, width: n.width, height: n.height, depth });
  }
  for (const e of edges) {
    const laid = g.edge({ v: e.from, w: e.to, name: names.get(e) ?? '' });
    piece.edges.set(e, { edge: e.edge, points: laid.points ?? [], ...(e.label !== undefined && { label: e.label, labelX: laid.x, labelY: laid.y }) });
  }
  return piece;
}
