/**
 * Parent and child workflows, the pure half of cross-workflow checks: which workflows a source
 * starts (and where their IDs are written), which keys a workflow reads from its parameter, and
 * whether the argument a parent passes has them. The editor's workspace index (IDs to files) lives
 * in the glue; a language server can reuse all of this as it is.
 *
 * Decisions where Google is silent: a key read with `.` or `[...]` (a KeyError when absent) is
 * required; one read through `map.get` or tested with `in` is optional; a parameter used in any
 * other way (passed whole, indexed by a computed key) may be read in ways we cannot see, so
 * nothing is reported against it. Extra keys in the argument are fine: children ignore them, and
 * `parent_execution_id` is passed on purpose for tools.
 */
import type { Diagnostic } from '../diagnostic';
import { visitExpr } from '../expr/walk';
import type { Span } from '../location';
import type { CallStep, Value, Workflow } from '../model/types';
import { contextOf, stepsOfKind } from './context';
import { diagnostic } from './messages';

/** Google's rule for a workflow ID: a letter first, then letters, digits, `_` or `-`, ending with a letter or digit, at most 64 characters. */
export const WORKFLOW_ID = /^[A-Za-z](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$/;

/** The connector calls that start another workflow's execution. */
const START_CALL = /^googleapis\.workflowexecutions\.(?:v1|v1beta)\.projects\.locations\.workflows\.executions\.(run|create)$|^experimental\.executions\.run$/;

/** Whether calling `name` starts another workflow's execution (`executions.run`/`create`, `experimental.executions.run`). */
export function isChildExecutionCall(name: string): boolean {
  return START_CALL.test(name);
}

/** Other calls of the Workflows and Executions APIs whose `parent`/`name` may name a workflow. */
const API_CALL = /^googleapis\.(?:workflowexecutions|workflows)\.(?:v1|v1beta)\./;

/** A workflow named in a call step: `workflow_id: child`, or `/workflows/child` in `parent` or `name`. */
export interface WorkflowReference {
  id: string;
  /** Where the ID is written in the document. */
  span: Span;
  step: CallStep;
  /** For calls that start the workflow: the argument value, when one is given. */
  argument?: Value;
  starts: boolean;
}

/** Every workflow named by a call step of `workflow`, in source order. */
export function workflowReferences(workflow: Workflow): WorkflowReference[] {
  const out: WorkflowReference[] = [];
  for (const { step } of stepsOfKind(contextOf(workflow), 'call')) {
    const starts = isChildExecutionCall(step.call.value);
    if ((!starts && !API_CALL.test(step.call.value)) || step.args?.kind !== 'map') continue;
    for (const { key, value } of step.args.entries) {
      if (key.kind !== 'scalar') continue;
      const found = key.value === 'workflow_id' ? literalId(workflow.text, value) : key.value === 'parent' || key.value === 'name' ? pathId(workflow.text, value) : undefined;
      if (found) out.push({ ...found, step, starts, argument: starts ? argumentOf(step) : undefined });
    }
  }
  return out;
}

function literalId(text: string, value: Value): { id: string; span: Span } | undefined {
  if (value.kind !== 'scalar' || typeof value.value !== 'string' || !WORKFLOW_ID.test(value.value)) return undefined;
  const at = text.indexOf(value.value, value.span.start);
  return at >= 0 && at < value.span.end ? { id: value.value, span: { start: at, end: at + value.value.length } } : undefined;
}

/** `projects/p/locations/l/workflows/child[/executions/e]`, literal or inside an expression's string. */
function pathId(text: string, value: Value): { id: string; span: Span } | undefined {
  if (value.kind !== 'scalar' && value.kind !== 'expr') return undefined;
  const source = text.slice(value.span.start, value.span.end);
  const match = /\/workflows\/([A-Za-z][A-Za-z0-9_-]*)(?=$|[/"'\s}])/.exec(source);
  if (!match || !WORKFLOW_ID.test(match[1])) return undefined;
  const start = value.span.start + match.index + '/workflows/'.length;
  return { id: match[1], span: { start, end: start + match[1].length } };
}

/** `argument` of `executions.run`, or `body.argument` of `executions.create`. */
function argumentOf(step: CallStep): Value | undefined {
  const entry = (map: Value | undefined, name: string): Value | undefined =>
    map?.kind === 'map' ? map.entries.find((e) => e.key.kind === 'scalar' && e.key.value === name)?.value : undefined;
  return entry(step.args, 'argument') ?? entry(entry(step.args, 'body'), 'argument');
}

/** What a workflow reads from its parameter (`main`'s only one). */
export interface ParameterReads {
  param: string;
  /** Keys read with `.` or `[...]`: a KeyError when absent. Sorted. */
  required: string[];
  /** Keys read through `map.get` or tested with `in`. Sorted. */
  optional: string[];
  /** True when the parameter is also used in a way that may read any key. */
  open: boolean;
}

/** The keys `workflow` reads from `main`'s parameter; undefined when `main` takes none. */
export function parameterReads(workflow: Workflow): ParameterReads | undefined {
  const main = workflow.routines.find((r) => r.name.value === 'main');
  const param = main?.params[0]?.name.value;
  if (!main || !param) return undefined;
  const required = new Set<string>();
  const optional = new Set<string>();
  let open = false;
  for (const use of contextOf(workflow).exprs) {
    if (use.step.routine.routine !== main || use.target || !use.expr.parsed.ok) continue;
    visitExpr(use.expr.parsed.expr, (node, parent) => {
      if (node.kind !== 'identifier' || node.name !== param) return;
      if (parent?.kind === 'member' && parent.object === node) required.add(parent.property);
      else if (parent?.kind === 'index' && parent.object === node && parent.index.kind === 'string') required.add(parent.index.value);
      else if (parent?.kind === 'call' && parent.callee === 'map.get' && parent.args[0] === node && parent.args[1]?.kind === 'string') optional.add(parent.args[1].value);
      else if (parent?.kind === 'binary' && parent.operator === 'in' && parent.right === node && parent.left.kind === 'string') optional.add(parent.left.value);
      else if (!(parent?.kind === 'map' && parent.entries.some((e) => e.key === node))) open = true;
    });
  }
  for (const key of required) optional.delete(key);
  return { param, required: [...required].sort(), optional: [...optional].sort(), open };
}

/**
 * What a workspace knows about a workflow ID: undefined when no workflow file has it, otherwise
 * what that workflow reads from its parameter (undefined reads: it takes no parameter).
 */
export type WorkflowLookup = (id: string) => { reads: ParameterReads | undefined } | undefined;

/** The codes `crossWorkflowDiagnostics` reports. */
export const CROSS_WORKFLOW_CODES = ['unknown-workflow-id', 'child-argument-keys'] as const;

/**
 * What the cross-workflow check needs of one child-execution call, as plain data (it crosses to
 * and from the language server's validation worker): the ID and where it is written, whether the
 * call starts an execution, and the keys its literal argument map passes (`unknown` for an
 * expression or computed keys) with the argument's span when it has one.
 */
export interface ChildCallSummary {
  id: string;
  span: Span;
  starts: boolean;
  passed: string[] | 'unknown';
  argumentSpan?: Span;
}

/** The child-execution calls of `workflow`, summarised for `childCallDiagnostics`. */
export function childCallSummaries(workflow: Workflow): ChildCallSummary[] {
  return workflowReferences(workflow).map((ref) => {
    const passed = passedKeys(ref.argument);
    const argumentSpan = ref.argument && ref.argument.span.end > ref.argument.span.start ? ref.argument.span : undefined;
    return { id: ref.id, span: ref.span, starts: ref.starts, passed: passed === 'unknown' ? passed : [...passed], ...(argumentSpan ? { argumentSpan } : {}) };
  });
}

/**
 * Warnings for the workflows `calls` name: an ID no workflow file of the workspace has, and
 * an argument without a key the child requires (on the argument, or on the ID when none is passed).
 */
export function childCallDiagnostics(calls: readonly ChildCallSummary[], lookup: WorkflowLookup): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const call of calls) {
    const child = lookup(call.id);
    if (!child) {
      out.push(diagnostic('unknown-workflow-id', call.span, [call.id]));
      continue;
    }
    if (!call.starts || !child.reads || child.reads.open || child.reads.required.length === 0 || call.passed === 'unknown') continue;
    const passed = new Set(call.passed);
    const missing = child.reads.required.filter((k) => !passed.has(k));
    if (missing.length === 0) continue;
    out.push(diagnostic('child-argument-keys', call.argumentSpan ?? call.span, [call.id, child.reads.param, quoted(missing), quoted([...child.reads.required, ...child.reads.optional].sort())]));
  }
  return out;
}

/** `childCallDiagnostics` of the calls in `workflow`. */
export function crossWorkflowDiagnostics(workflow: Workflow, lookup: WorkflowLookup): Diagnostic[] {
  return childCallDiagnostics(childCallSummaries(workflow), lookup);
}

/** The keys a literal argument map passes; `unknown` for an expression or a map with computed keys. */
function passedKeys(argument: Value | undefined): Set<string> | 'unknown' {
  if (!argument || (argument.kind === 'scalar' && argument.value === null)) return new Set();
  if (argument.kind !== 'map' || argument.entries.some((e) => e.key.kind !== 'scalar')) return 'unknown';
  return new Set(argument.entries.map((e) => String(e.key.kind === 'scalar' ? e.key.value : '')));
}

/** `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`. */
function quoted(keys: string[]): string {
  const q = keys.map((k) => `'${k}'`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}
