/**
 * The graph as Graphviz DOT. Routines and container bodies are clusters; a container step is a node
 * just before its cluster. Jumps, loops and error paths are dashed.
 */
import type { GraphEdge, GraphNode, GraphNodeKind, WorkflowGraph } from './types';
import { childrenByParent, nodeText } from './graphText';
import { edgeLabel } from './mermaid';

const SHAPES: Partial<Record<GraphNodeKind, string>> = {
  start: 'oval',
  end: 'oval',
  return: 'oval',
  raise: 'cds',
  switch: 'diamond',
  for: 'hexagon',
  parallel: 'hexagon',
  'subworkflow-call': 'component',
  'child-execution': 'component',
  'connector-call': 'parallelogram',
};

const DASHED = new Set<GraphEdge['kind']>(['jump', 'loop', 'break', 'continue', 'except', 'retry', 'call']);

/** A DOT double-quoted string. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/** Renders `graph` as a Graphviz `digraph`. */
export function toDot(graph: WorkflowGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const children = childrenByParent(graph);
  const lines = ['digraph workflow {', '  rankdir=TB;', '  compound=true;', '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=10];'];
  const emit = (node: GraphNode, indent: string): void => {
    const shape = SHAPES[node.kind];
    const attrs = [`label=${dotString(nodeText(node).join('\n'))}`, ...(shape ? [`shape=${shape}`] : [])];
    lines.push(`${indent}${ids.get(node.id)} [${attrs.join(', ')}];`);
    const body = children.get(node.id);
    if (body) {
      lines.push(`${indent}subgraph cluster_${ids.get(node.id)} {`, `${indent}  label="";`, `${indent}  style=dashed;`);
      for (const child of body) emit(child, `${indent}  `);
      lines.push(`${indent}}`);
    }
  };
  const routines = [...new Set(graph.nodes.map((n) => n.routine))];
  routines.forEach((routine, r) => {
    lines.push(`  subgraph cluster_r${r} {`, `    label=${dotString(routine)};`);
    for (const node of graph.nodes) if (node.routine === routine && !node.parent) emit(node, '    ');
    lines.push('  }');
  });
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    const label = edgeLabel(edge);
    const attrs = [...(label ? [`label=${dotString(label)}`] : []), ...(DASHED.has(edge.kind) ? ['style=dashed'] : [])];
    lines.push(`  ${from} -> ${to}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
