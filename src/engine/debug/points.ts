/**
 * Builds the debugger's views (`DebugPoint`, `DebugThread`, `DebugFrame`) from the interpreter's
 * state and calls the host's `DebugHook`. Only reached when `ExecutionHost.debug` is set.
 *
 * Each frame's variables come from the step context of the last step that frame ran, recorded
 * here at every step: the innermost frame's context is the step about to run, an outer frame's is
 * its call step. Expressions go through the engine's own parser and evaluator.
 */
import { parseExpression } from '../../core/expr/parser';
import { formatSyntaxError } from '../../core/expr/errors';
import { walkSteps, type StepContainer } from '../../core/model/query';
import type { ExprValue, Routine, Step } from '../../core/model/types';
import { workflowError, type WorkflowError } from '../errors';
import { copyValue, type Value } from '../value';
import { assignTo } from '../interpreter/assign';
import type { Execution, Frame, StepContext, Thread } from '../interpreter/context';
import { evaluate, type EvalContext } from '../interpreter/evaluate';
import type { DebugError, DebugFrame, DebugHook, DebugPoint, DebugThread } from './hook';

const frameContexts = new WeakMap<Frame, StepContext>();
const threadViews = new WeakMap<Thread, DebugThread>();
const ancestries = new WeakMap<Routine, Map<Step, StepContainer[]>>();
const reported = new WeakSet<object>();

/** The hook of a step context's execution (the caller checked that one is set). */
function hookOf(ctx: StepContext): DebugHook {
  return ctx.exec.host.debug as DebugHook;
}

/**
 * Records where the step runs and lets the debugger pause the thread before it. Returns a promise
 * only when the debugger holds the thread, so an unpaused step costs no extra turn.
 */
export function pauseBeforeStep(ctx: StepContext, frame: Frame, step: Step): void | Promise<void> {
  frame.step = step;
  frameContexts.set(frame, ctx);
  return hookOf(ctx).beforeStep(pointOf(ctx, step));
}

/** Reports an error raised by `step` once (its innermost step), with whether a `try` will catch it. */
export async function reportRaised(ctx: StepContext, step: Step, error: WorkflowError): Promise<void> {
  if (reported.has(error)) return;
  reported.add(error);
  const frame = ctx.thread.frames[ctx.thread.frames.length - 1];
  if (frame) frameContexts.set(frame, ctx);
  const view: DebugError = { value: error.value, tags: tagsOf(error.value), message: error.message, uncatchable: error.uncatchable };
  await hookOf(ctx).onRaised(pointOf(ctx, step), view, !error.uncatchable && willBeCaught(ctx.thread));
}

/** Tells the debugger a thread (a main thread, branch or iteration) started. */
export function threadStarted(exec: Execution, thread: Thread): void {
  exec.host.debug?.threadStarted(threadView(exec, exec.host.env, thread));
}

/** Tells the debugger a thread ended. */
export function threadEnded(exec: Execution, thread: Thread): void {
  exec.host.debug?.threadEnded(threadView(exec, exec.host.env, thread));
}

function threadView(execution: object, env: DebugThread['env'], thread: Thread): DebugThread {
  let view = threadViews.get(thread);
  if (!view) {
    const parent = thread.parent ? threadView(execution, env, thread.parent) : undefined;
    view = { key: thread, executionKey: execution, id: thread.id, name: thread.label ?? 'main', parentKey: parent?.key, env };
    threadViews.set(thread, view);
  }
  return view;
}

function pointOf(ctx: StepContext, step: Step): DebugPoint {
  const ancestry = ancestryOf(ctx.routine, step);
  const last = ancestry?.[ancestry.length - 1];
  const inline = last !== undefined && ((last.kind === 'switch-case' && last.inline) || (last.kind === 'try' && last.step.inline));
  return {
    thread: threadView(ctx.exec, ctx.exec.host.env, ctx.thread),
    step,
    inline,
    depth: ctx.thread.frames.length,
    frames: () => framesOf(ctx),
    signal: ctx.exec.signal,
  };
}

function ancestryOf(routine: Routine, step: Step): StepContainer[] | undefined {
  let map = ancestries.get(routine);
  if (!map) {
    const built = new Map<Step, StepContainer[]>();
    walkSteps(routine, (visit) => void built.set(visit.step, visit.ancestry));
    ancestries.set(routine, built);
    map = built;
  }
  return map.get(step);
}

/**
 * Whether an enclosing `try` with an `except` will handle an error raised now: inside its `try`
 * block, in this routine or in a caller. A branch's frames include its callers' frames, and a
 * step's ancestry includes the blocks around its parallel step, so a `try` around the parallel
 * step counts (it catches the UnhandledBranchError the branch error turns into).
 */
function willBeCaught(thread: Thread): boolean {
  for (let i = thread.frames.length - 1; i >= 0; i--) {
    const { routine, step } = thread.frames[i];
    if (!step) continue;
    const ancestry = ancestryOf(routine, step) ?? [];
    if (ancestry.some((c) => c.kind === 'try' && c.step.except !== undefined)) return true;
  }
  return false;
}

function tagsOf(value: Value): string[] {
  const tags = value instanceof Map ? value.get('tags') : undefined;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

function framesOf(ctx: StepContext): DebugFrame[] {
  const frames = ctx.thread.frames;
  const out: DebugFrame[] = [];
  for (let i = frames.length - 1; i >= 0; i--) out.push(frameView(ctx, frames[i]));
  return out;
}

function frameView(ctx: StepContext, frame: Frame): DebugFrame {
  const span = frame.step ? frame.step.name.span : frame.routine.name.span;
  const pos = ctx.exec.lines.positionAt(span.start);
  const at = frameContexts.get(frame);
  return {
    routine: frame.routine.name.value,
    step: frame.step ? frame.step.name.value : frame.routine.name.value,
    span,
    line: pos.line,
    character: pos.character,
    variables: () => (at ? at.scope.snapshot() : new Map()),
    sharedNames: () => (frame.step ? sharedNamesOf(frame.routine, frame.step) : []),
    evaluate: async (expression) => {
      if (!at) throw workflowError('ValueError', 'This frame has no variables yet');
      return evaluateIn(at, expression);
    },
    assign: async (target, expression) => {
      if (!at) throw workflowError('ValueError', 'This frame has no variables yet');
      const value = copyValue(await evaluateIn(at, expression));
      const done = assignTo(at, targetOf(target), value);
      if (done instanceof Promise) await done;
      return value;
    },
  };
}

function sharedNamesOf(routine: Routine, step: Step): string[] {
  const names = new Set<string>();
  for (const c of ancestryOf(routine, step) ?? []) {
    if (c.kind === 'branch' || c.kind === 'parallel-for') for (const n of c.step.parallel.shared) names.add(n.value);
  }
  return [...names];
}

/**
 * Evaluates with the frame's variables. Subworkflow calls are refused: they would run steps (and
 * hit breakpoints) on a thread the debugger holds stopped.
 */
async function evaluateIn(ctx: StepContext, expression: string): Promise<Value> {
  const parsed = parseExpression(expression);
  if (!parsed.ok) throw workflowError('ValueError', formatSyntaxError(expression, parsed.error));
  const base = ctx.exec.evalContext(ctx);
  const ev: EvalContext = {
    ...base,
    callFunction: (name, args) => {
      if (base.isRoutine(name)) throw workflowError('TypeError', `The debugger does not call subworkflows ("${name}") while the workflow is stopped`);
      return base.callFunction(name, args);
    },
  };
  return await evaluate(parsed.expr, ev);
}

function targetOf(text: string): ExprValue {
  return { kind: 'expr', source: text, text, parsed: parseExpression(text), span: { start: 0, end: 0 }, toDocumentOffset: (offset) => offset };
}

