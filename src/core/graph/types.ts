/**
 * The graph of a workflow: what `cloud-workflows graph` prints and the editor's graph view draws.
 * Nodes are steps (plus a start and an end node per routine, a node per parallel branch and per
 * `except` block); edges are the ways control can move between them.
 */
import type { Span } from '../location';

export type GraphNodeKind =
  | 'start'
  | 'end'
  | 'assign'
  /** A standard-library call such as `http.get` or `sys.log`. */
  | 'call'
  | 'subworkflow-call'
  /** A `googleapis.*` connector call other than starting a child execution. */
  | 'connector-call'
  /** `googleapis.workflowexecutions.*.executions.run|create`: starts a child workflow. */
  | 'child-execution'
  | 'switch'
  | 'for'
  | 'parallel'
  | 'branch'
  | 'try'
  | 'except'
  | 'raise'
  | 'return'
  | 'steps'
  | 'jump'
  | 'invalid';

export type GraphEdgeKind =
  /** Falling through to the next step, entering a body, or leaving it at its end. */
  | 'next'
  /** A `next:` to a named step. */
  | 'jump'
  /** A `switch` case taken, labelled with its condition. */
  | 'condition'
  /** The end of a loop body back to the loop. */
  | 'loop'
  | 'break'
  | 'continue'
  /** From a `try` to its `except` block. */
  | 'except'
  /** A `try` retried (a loop on the try). */
  | 'retry'
  | 'return'
  | 'raise'
  /** `next: end`. */
  | 'end'
  /** A call to a subworkflow, to that routine's start. */
  | 'call'
  /** From a `parallel` step to one of its branches. */
  | 'branch';

export interface GraphNode {
  /** `routine/step` for steps; `routine/#start`, `routine/#end`; `routine/step#branch`, `routine/step#except`, `routine/step#try`, `routine/step#case2` for the parts that have no step name of their own. */
  id: string;
  kind: GraphNodeKind;
  /** The step name (routine name for start/end, branch name for branches). */
  label: string;
  routine: string;
  /** 1-based line of the step (of its name) in the source. */
  line: number;
  /** A short description: the call target, the returned expression, the loop header. */
  detail?: string;
  /** The container node whose body this node is in (for, parallel, branch, try, except, steps, switch). */
  parent?: string;
  /** What a call reaches: a routine of this workflow, or a child workflow by ID. */
  target?: { routine?: string; workflowId?: string };
  /** The step in the source (the whole list item), for navigation and highlighting. */
  span: Span;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: GraphEdgeKind;
  label?: string;
}

export interface WorkflowGraph {
  /** In source order (a routine's start first, its end last). */
  nodes: GraphNode[];
  edges: GraphEdge[];
}
