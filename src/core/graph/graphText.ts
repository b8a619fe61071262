/** Short texts for graph labels: values as written, and what a child-execution call starts. */
import type { Value } from '../model/types';
import type { GraphNode, WorkflowGraph } from './types';

const MAX_TEXT = 60;

/** A value as a short one-line text: expressions as written inside `${}`, literals as JSON-ish text. */
export function valueText(value: Value): string {
  return clip(fullText(value));
}

function fullText(value: Value): string {
  switch (value.kind) {
    case 'expr':
      return value.text.trim();
    case 'scalar':
      return typeof value.value === 'string' ? JSON.stringify(value.value) : String(value.value);
    case 'list':
      return `[${value.items.map(fullText).join(', ')}]`;
    case 'map':
      return `{${value.entries.map((e) => `${e.key.kind === 'scalar' ? String(e.key.value) : e.key.source}: ${fullText(e.value)}`).join(', ')}}`;
  }
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT - 1)}…` : oneLine;
}

/** The lines a node shows: its name (with the kind for start/end) and its detail. */
export function nodeText(node: GraphNode): string[] {
  const title = node.kind === 'start' ? `start ${node.label}` : node.kind === 'end' ? `end ${node.label}` : node.label;
  return node.detail ? [title, node.detail] : [title];
}

/** The nodes of each container, in source order. */
export function childrenByParent(graph: WorkflowGraph): Map<string, GraphNode[]> {
  const out = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    if (!node.parent) continue;
    const list = out.get(node.parent);
    if (list) list.push(node);
    else out.set(node.parent, [node]);
  }
  return out;
}
