/**
 * The graph as a Mermaid flowchart (GitHub renders it inside Markdown). Routines are subgraphs; a
 * container step (for, parallel, try, switch, steps, a branch, an except block) is a node followed
 * by a subgraph holding its body. Jumps, loops and error paths are dotted.
 */
import type { GraphEdge, GraphNode, GraphNodeKind, WorkflowGraph } from './types';
import { childrenByParent, nodeText } from './graphText';

const SHAPES: Record<GraphNodeKind, [string, string]> = {
  start: ['(["', '"])'],
  end: ['(["', '"])'],
  return: ['(["', '"])'],
  raise: ['>"', '"]'],
  switch: ['{"', '"}'],
  for: ['{{"', '"}}'],
  parallel: ['{{"', '"}}'],
  'subworkflow-call': ['[["', '"]]'],
  'child-execution': ['[["', '"]]'],
  'connector-call': ['[/"', '"/]'],
  branch: ['["', '"]'],
  try: ['["', '"]'],
  except: ['["', '"]'],
  steps: ['["', '"]'],
  assign: ['["', '"]'],
  call: ['["', '"]'],
  jump: ['["', '"]'],
  invalid: ['["', '"]'],
};

const DOTTED = new Set<GraphEdge['kind']>(['jump', 'loop', 'break', 'continue', 'except', 'retry', 'call']);

/** Escapes text for a quoted Mermaid label: entity codes for the characters Mermaid reads. */
export function mermaidText(text: string): string {
  return text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/** Renders `graph` as Mermaid flowchart source. */
export function toMermaid(graph: WorkflowGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const children = childrenByParent(graph);
  const lines = ['flowchart TD'];
  const emit = (node: GraphNode, indent: string): void => {
    const [open, close] = SHAPES[node.kind];
    lines.push(`${indent}${ids.get(node.id)}${open}${nodeText(node).map(mermaidText).join('<br/>')}${close}`);
    const body = children.get(node.id);
    if (body) {
      lines.push(`${indent}subgraph ${ids.get(node.id)}_body[" "]`);
      for (const child of body) emit(child, `${indent}  `);
      lines.push(`${indent}end`);
    }
  };
  const routines = [...new Set(graph.nodes.map((n) => n.routine))];
  routines.forEach((routine, r) => {
    lines.push(`  subgraph r${r}["${mermaidText(routine)}"]`);
    for (const node of graph.nodes) if (node.routine === routine && !node.parent) emit(node, '    ');
    lines.push('  end');
  });
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    const arrow = DOTTED.has(edge.kind) ? '-.->' : '-->';
    const label = edgeLabel(edge);
    lines.push(`  ${from} ${arrow}${label ? `|"${mermaidText(label)}"|` : ''} ${to}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The text on an edge: its own label, or the kind where the kind says something (break, retry, ...). */
export function edgeLabel(edge: GraphEdge): string | undefined {
  switch (edge.kind) {
    case 'break':
    case 'continue':
    case 'call':
      return edge.label ?? edge.kind;
    case 'except':
      return edge.label ? `except as ${edge.label}` : 'except';
    case 'retry':
      return edge.label ? `retry: ${edge.label}` : 'retry';
    case 'raise':
      return 'raise';
    case 'end':
      return 'next: end';
    default:
      return edge.label;
  }
}
