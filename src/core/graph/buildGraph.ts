/**
 * Builds the control-flow graph of a workflow model. Every routine gets a start and an end node;
 * every step a node (nested steps inside their container's body); edges follow the language's rules
 * for falling through, `next:` jumps, `switch` cases, loops, `break`/`continue`, `try`/`retry`/
 * `except`, `return`/`raise` and the end of a routine. A `next:` target that does not resolve
 * draws no edge (lint reports it).
 */
import { LineIndex } from '../location';
import type { Routine, Step, SwitchStep, Value, Workflow } from '../model/types';
import { walkSteps } from '../model/query';
import type { GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind, WorkflowGraph } from './types';
import { isChildExecutionCall, workflowReferences } from '../validate/childWorkflows';
import { valueText } from './graphText';

/** Where control goes next: a node and the kind of edge that leads there. */
interface Exit {
  to: string;
  kind: GraphEdgeKind;
  label?: string;
}

interface Scope {
  /** The container node the current list is the body of. */
  parent?: string;
  /** The innermost enclosing `for` (break/continue targets). */
  loop?: { id: string; after?: Exit };
  /** Where a `raise` goes: the innermost enclosing try's except block. */
  raiseTo?: string;
}

/** Builds the graph of every routine of `workflow`, in source order. */
export function buildGraph(workflow: Workflow): WorkflowGraph {
  const builder = new GraphBuilder(workflow);
  for (const routine of workflow.routines) builder.routine(routine);
  return { nodes: builder.nodes, edges: builder.edges };
}

class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  private readonly lines: LineIndex;
  private readonly routineNames: Set<string>;
  /** The workflow each child-execution call step starts, when its ID is written literally. */
  private readonly childIds = new Map<Step, string>();
  private routineName = '';
  private stepIds = new Map<string, string>();
  /** Node IDs by step (and suffix): a duplicated step name (a lint error) still gets its own node. */
  private readonly ids = new Map<Step, Map<string, string>>();
  private readonly taken = new Set<string>();
  private endId = '';

  constructor(workflow: Workflow) {
    this.lines = new LineIndex(workflow.text);
    this.routineNames = new Set(workflow.routines.map((r) => r.name.value));
    for (const ref of workflowReferences(workflow)) if (ref.starts && !this.childIds.has(ref.step)) this.childIds.set(ref.step, ref.id);
  }

  routine(routine: Routine): void {
    // A routine name given twice (a YAML error) still gets nodes of its own.
    let name = routine.name.value;
    for (let n = 2; this.taken.has(`${name}/#start`); n++) name = `${routine.name.value}#${n}`;
    this.routineName = name;
    this.stepIds = new Map();
    this.taken.add(`${this.routineName}/#start`).add(`${this.routineName}/#end`);
    walkSteps(routine, ({ step }) => {
      if (!this.stepIds.has(step.name.value)) this.stepIds.set(step.name.value, this.idOf(step));
    });
    const startId = `${this.routineName}/#start`;
    this.endId = `${this.routineName}/#end`;
    const span = { start: routine.name.span.start, end: routine.name.span.end };
    this.node({ id: startId, kind: 'start', label: this.routineName, span, detail: paramsText(routine) });
    this.entry(startId, routine.steps, { to: this.endId, kind: 'next' });
    this.list(routine.steps, {}, { to: this.endId, kind: 'next' });
    this.node({ id: this.endId, kind: 'end', label: this.routineName, span: { start: routine.span.end, end: routine.span.end } });
  }

  private stepId(name: string, suffix = ''): string {
    return `${this.routineName}/${name}${suffix}`;
  }

  private node(node: Omit<GraphNode, 'routine' | 'line'>): void {
    // Keys in a fixed order, optional ones only when set: the JSON output reads well and diffs cleanly.
    const full: GraphNode = {
      id: node.id,
      kind: node.kind,
      label: node.label,
      routine: this.routineName,
      line: this.lines.positionAt(node.span.start).line + 1,
      ...(node.detail !== undefined && { detail: node.detail }),
      ...(node.parent !== undefined && { parent: node.parent }),
      ...(node.target !== undefined && { target: node.target }),
      span: node.span,
    };
    this.nodes.push(full);
  }

  private edge(from: string, exit: Exit | undefined, label?: string): void {
    if (!exit) return;
    const edge: GraphEdge = { from, to: exit.to, kind: exit.kind };
    const text = label ?? exit.label;
    if (text !== undefined) edge.label = text;
    this.edges.push(edge);
  }

  /** The edge from a container (or routine start) into its body, or past it when the body is empty. */
  private entry(from: string, steps: Step[], whenEmpty: Exit | undefined, label?: string): void {
    if (steps.length > 0) this.edge(from, { to: this.idOf(steps[0]), kind: 'next' }, label);
    else this.edge(from, whenEmpty, label);
  }

  /** The node ID of a step: inline try bodies and switch cases reuse their owner's name with a suffix. */
  private idOf(step: Step, suffix = ''): string {
    const bySuffix = this.ids.get(step) ?? new Map<string, string>();
    this.ids.set(step, bySuffix);
    const known = bySuffix.get(suffix);
    if (known) return known;
    let id = this.stepId(step.name.value, suffix);
    for (let n = 2; this.taken.has(id); n++) id = this.stepId(step.name.value, `${suffix}#${n}`);
    this.taken.add(id);
    bySuffix.set(suffix, id);
    return id;
  }

  private list(steps: Step[], scope: Scope, exit: Exit | undefined, suffix = ''): void {
    steps.forEach((step, i) => {
      const follow: Exit | undefined = i + 1 < steps.length ? { to: this.idOf(steps[i + 1]), kind: 'next' } : exit;
      this.step(step, scope, follow, suffix);
    });
  }

  private jump(name: string, scope: Scope): Exit | undefined {
    if (name === 'end') return { to: this.endId, kind: 'end' };
    if (name === 'break') return scope.loop?.after ? { ...scope.loop.after, kind: 'break' } : undefined;
    if (name === 'continue') return scope.loop ? { to: scope.loop.id, kind: 'continue' } : undefined;
    const to = this.stepIds.get(name);
    return to ? { to, kind: 'jump' } : undefined;
  }

  private step(step: Step, scope: Scope, follow: Exit | undefined, suffix: string): void {
    const id = this.idOf(step, suffix);
    const after = step.next ? this.jump(step.next.value, scope) : follow;
    const base = { id, label: step.name.value, span: step.span, parent: scope.parent };
    switch (step.kind) {
      case 'assign':
        this.node({ ...base, kind: 'assign', detail: step.assign.map((a) => a.target.source).join(', ') });
        this.edge(id, after);
        return;
      case 'call':
        this.callStep(step.call.value, this.childIds.get(step), base);
        this.edge(id, after);
        return;
      case 'return':
        this.node({ ...base, kind: 'return', detail: valueText(step.return) });
        this.edge(id, { to: this.endId, kind: 'return' });
        return;
      case 'raise':
        this.node({ ...base, kind: 'raise', detail: valueText(step.raise) });
        this.edge(id, { to: scope.raiseTo ?? this.endId, kind: 'raise' });
        return;
      case 'jump':
      case 'invalid':
        this.node({ ...base, kind: step.kind });
        this.edge(id, after);
        return;
      case 'steps':
        this.node({ ...base, kind: 'steps' });
        this.entry(id, step.steps, after);
        this.list(step.steps, { ...scope, parent: id }, after);
        return;
      case 'for': {
        const loop = step.for;
        this.node({ ...base, kind: 'for', detail: forText(loop.value?.value, loop.index?.value, loop.in ?? loop.range, loop.range !== undefined) });
        this.entry(id, loop.steps, { to: id, kind: 'loop' });
        this.list(loop.steps, { ...scope, parent: id, loop: { id, after } }, { to: id, kind: 'loop' });
        this.edge(id, after, 'done');
        return;
      }
      case 'parallel':
        this.parallel(step, id, base, scope, after);
        return;
      case 'try':
        this.tryStep(step, id, base, scope, after);
        return;
      case 'switch':
        this.switchStep(step, id, base, scope, after);
        return;
    }
  }

  private callStep(target: string, childId: string | undefined, base: Omit<GraphNode, 'routine' | 'line' | 'kind'>): void {
    let kind: GraphNodeKind = 'call';
    let nodeTarget: GraphNode['target'];
    if (this.routineNames.has(target)) {
      kind = 'subworkflow-call';
      nodeTarget = { routine: target };
    } else if (isChildExecutionCall(target)) {
      kind = 'child-execution';
      if (childId) nodeTarget = { workflowId: childId };
    } else if (target.startsWith('googleapis.')) {
      kind = 'connector-call';
    }
    const detail = kind === 'child-execution' && nodeTarget?.workflowId ? `${target.slice(target.lastIndexOf('.') + 1)} ${nodeTarget.workflowId}` : target;
    this.node({ ...base, kind, detail, target: nodeTarget });
    if (kind === 'subworkflow-call') this.edges.push({ from: base.id, to: `${target}/#start`, kind: 'call' });
  }

  private parallel(step: Extract<Step, { kind: 'parallel' }>, id: string, base: Omit<GraphNode, 'routine' | 'line' | 'kind'>, scope: Scope, after: Exit | undefined): void {
    const block = step.parallel;
    const shared = block.shared.length ? `shared: ${block.shared.map((s) => s.value).join(', ')}` : undefined;
    const loop = block.for;
    const header = loop ? forText(loop.value?.value, loop.index?.value, loop.in ?? loop.range, loop.range !== undefined) : undefined;
    this.node({ ...base, kind: 'parallel', detail: [header, shared].filter(Boolean).join('; ') || undefined });
    const inner: Scope = { parent: id, raiseTo: scope.raiseTo };
    for (const branch of block.branches ?? []) {
      const branchId = this.idOf(step, `#${branch.name.value}`);
      this.edge(id, { to: branchId, kind: 'branch' });
      this.node({ id: branchId, kind: 'branch', label: branch.name.value, span: branch.span, parent: id });
      this.entry(branchId, branch.steps, after);
      this.list(branch.steps, { ...inner, parent: branchId }, after);
    }
    if (loop) {
      this.entry(id, loop.steps, { to: id, kind: 'loop' });
      this.list(loop.steps, { ...inner, loop: { id, after } }, { to: id, kind: 'loop' });
      this.edge(id, after, 'done');
    }
  }

  private tryStep(step: Extract<Step, { kind: 'try' }>, id: string, base: Omit<GraphNode, 'routine' | 'line' | 'kind'>, scope: Scope, after: Exit | undefined): void {
    this.node({ ...base, kind: 'try' });
    const exceptId = step.except ? this.idOf(step, '#except') : undefined;
    const body: Scope = { ...scope, parent: id, raiseTo: exceptId ?? scope.raiseTo };
    // An inline body (`try: {call: …}`) is one step named like the try itself.
    const suffix = step.inline ? '#try' : '';
    if (step.try.length > 0) this.edge(id, { to: this.idOf(step.try[0], suffix), kind: 'next' });
    else this.edge(id, after);
    this.list(step.try, body, after, suffix);
    if (step.retry) this.edge(id, { to: id, kind: 'retry', label: retryText(step.retry) });
    if (step.except && exceptId) {
      this.edge(id, { to: exceptId, kind: 'except', label: step.except.as?.value });
      this.node({ id: exceptId, kind: 'except', label: 'except', detail: step.except.as ? `as ${step.except.as.value}` : undefined, span: step.except.span, parent: scope.parent });
      this.entry(exceptId, step.except.steps, after);
      this.list(step.except.steps, { ...scope, parent: exceptId }, after);
    }
  }

  private switchStep(step: SwitchStep, id: string, base: Omit<GraphNode, 'routine' | 'line' | 'kind'>, scope: Scope, after: Exit | undefined): void {
    this.node({ ...base, kind: 'switch' });
    const inner: Scope = { ...scope, parent: id };
    let alwaysTaken = false;
    step.cases.forEach((c, i) => {
      const label = c.condition ? valueText(c.condition) : undefined;
      if (c.condition?.kind === 'scalar' && c.condition.value === true) alwaysTaken = true;
      // After a case's steps (or inline body), control goes to the case's `next`, else the switch's own.
      const caseExit = c.next ? this.jump(c.next.value, scope) : after;
      if (c.inline) {
        const suffix = `#case${i + 1}`;
        this.edge(id, { to: this.idOf(c.inline, suffix), kind: 'condition' }, label);
        this.step(c.inline, inner, caseExit, suffix);
      } else if (c.steps && c.steps.length > 0) {
        this.edge(id, { to: this.idOf(c.steps[0]), kind: 'condition' }, label);
        this.list(c.steps, inner, caseExit);
      } else {
        const target = caseExit ?? after;
        if (target) this.edge(id, { to: target.to, kind: 'condition' }, label);
      }
    });
    // No case matched: the step's own `next`, else the next step.
    if (!alwaysTaken) this.edge(id, after, 'no match');
  }
}

function paramsText(routine: Routine): string | undefined {
  return routine.params.length ? `params: ${routine.params.map((p) => p.name.value).join(', ')}` : undefined;
}

function forText(value: string | undefined, index: string | undefined, source: Value | undefined, isRange: boolean): string {
  const vars = [value, index].filter((v): v is string => Boolean(v)).join(', ');
  return `${vars || '…'} ${isRange ? 'in range' : 'in'} ${source ? valueText(source) : '…'}`;
}

function retryText(retry: Extract<Step, { kind: 'try' }>['retry']): string {
  if (!retry) return 'retry';
  if (retry.kind === 'policy') return valueText(retry.policy);
  return retry.maxRetries ? `max_retries: ${valueText(retry.maxRetries)}` : 'retry';
}
