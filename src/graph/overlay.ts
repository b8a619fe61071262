/**
 * An execution drawn on its workflow's graph: which steps ran and how often, the step where it
 * failed, the steps it never reached, and (for a parent) a badge per child execution on the step
 * that starts that child's workflow. Pure: the view feeds it step entries from either target.
 */
import type { GraphNode, WorkflowGraph } from '../core/graph/types';
import type { NodeDecoration } from './svg';

export interface OverlayEntry {
  routine: string;
  step: string;
  stepType: string;
  state: string;
}

export interface OverlayChild {
  /** The child execution's full name (what a badge click opens). */
  name: string;
  workflowId: string;
  state: string;
  /** A short text for the badge, e.g. its argument (`iteration: 2`). */
  label: string;
}

export interface OverlayInput {
  entries: OverlayEntry[];
  /** The execution's state: ACTIVE, SUCCEEDED, FAILED, CANCELLED. */
  state: string;
  /** The top frame of a failed execution's stack trace. */
  failedAt?: { routine: string; step: string };
  errorMessage?: string;
  children?: OverlayChild[];
}

/**
 * Entry types that repeat a step's name for a part of it (an iteration, a case, a branch, the try
 * block, a retry, the except block): they say the step is busy, not that it ran again.
 */
const PART_TYPES = new Set(['STEP_FOR_ITERATION', 'STEP_CONDITION', 'STEP_PARALLEL_BRANCH_ENTRY', 'STEP_TRY', 'STEP_RETRY', 'STEP_EXCEPT']);

/** The node a step entry belongs to: `routine/step`, or the inline body drawn for a try or switch case. */
function nodeFor(nodes: Map<string, GraphNode>, routine: string, step: string): GraphNode | undefined {
  return nodes.get(`${routine}/${step}`);
}

/** Decorations for every node of `graph`, and a one-line summary of the execution. */
export function executionOverlay(graph: WorkflowGraph, input: OverlayInput): { decorations: Map<string, NodeDecoration>; summary: string } {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const counts = new Map<string, number>();
  const running = new Set<string>();
  const routinesRun = new Set<string>();
  for (const entry of input.entries) {
    const node = nodeFor(nodes, entry.routine, entry.step);
    if (!node) continue;
    routinesRun.add(entry.routine);
    if (entry.state === 'STATE_IN_PROGRESS') running.add(node.id);
    if (PART_TYPES.has(entry.stepType)) continue;
    counts.set(node.id, (counts.get(node.id) ?? 0) + 1);
  }
  const failedId = input.failedAt && input.state === 'FAILED' ? nodeFor(nodes, input.failedAt.routine, input.failedAt.step)?.id : undefined;
  const decorations = new Map<string, NodeDecoration>();
  for (const node of graph.nodes) {
    const count = counts.get(node.id);
    if (node.kind === 'start') {
      decorations.set(node.id, { state: routinesRun.has(node.routine) ? 'ran' : 'not-reached' });
    } else if (node.kind === 'end') {
      const ended = routinesRun.has(node.routine) && input.state !== 'ACTIVE';
      decorations.set(node.id, { state: ended ? 'ran' : 'not-reached' });
    } else if (node.id === failedId) {
      decorations.set(node.id, { state: 'failed', count, message: input.errorMessage });
    } else if (running.has(node.id) && input.state === 'ACTIVE') {
      decorations.set(node.id, { state: 'running', count });
    } else if (count) {
      decorations.set(node.id, { state: 'ran', count });
    } else {
      decorations.set(node.id, { state: 'not-reached' });
    }
  }
  addChildBadges(graph, decorations, input.children ?? []);
  const ran = [...counts.keys()].length;
  const steps = graph.nodes.filter((n) => n.kind !== 'start' && n.kind !== 'end' && n.kind !== 'branch' && n.kind !== 'except').length;
  const children = input.children?.length ? `; ${input.children.length} ${input.children.length === 1 ? 'child' : 'children'}` : '';
  return { decorations, summary: `${input.state}: ${ran} of ${steps} steps ran${children}` };
}

/** A badge per child on the child-execution step that names its workflow; else on the only such step. */
function addChildBadges(graph: WorkflowGraph, decorations: Map<string, NodeDecoration>, children: OverlayChild[]): void {
  const starters = graph.nodes.filter((n) => n.kind === 'child-execution');
  for (const child of children) {
    const node = starters.find((n) => n.target?.workflowId === child.workflowId) ?? (starters.length === 1 ? starters[0] : undefined);
    if (!node) continue;
    const decoration = decorations.get(node.id) ?? {};
    decoration.badges = [...(decoration.badges ?? []), { text: child.label, state: child.state, target: child.name }];
    decorations.set(node.id, decoration);
  }
}
