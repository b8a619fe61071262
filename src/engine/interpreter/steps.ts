/**
 * Runs steps: the block runner that follows `next` jumps, and the step dispatcher that counts
 * steps, records history and stack traces, and hands each kind to its handler.
 *
 * Jumps follow the structural semantics (`core/semantics`): `jumpTo` refuses at the `next:` any
 * jump the semantics refuses (Google rejects those at deploy), and a legal `next: X` is resolved by
 * the innermost block whose list holds X (`findInList`: the list itself or a nested `steps:` group
 * in it); a block that does not hold X ends and hands the jump to the block around it.
 */
import type { Step, StepsStep } from '../../core/model/types';
import { findInList, returnVerdict } from '../../core/semantics';
import type { StepType } from '../host';
import { WorkflowError, structuralError, workflowError } from '../errors';
import { copyValue, type Value } from '../value';
import { runAssign } from './assign';
import { runCall } from './callStep';
import { captureTrace } from './callStack';
import { pauseBeforeStep, reportRaised } from '../debug/points';
import { NORMAL, ExecutionStopped, jumpTo, type Completion, type StepContext } from './context';
import { evaluateValue } from './evaluate';
import type { EntryHandle } from './history';
import { runFor } from './loop';
import { runParallel } from './parallel';
import { runSwitch } from './switchStep';
import { runTry } from './tryStep';

const STEP_TYPES: Partial<Record<Step['kind'], StepType>> = {
  assign: 'STEP_ASSIGN',
  call: 'STEP_CALL',
  switch: 'STEP_SWITCH',
  for: 'STEP_FOR',
  try: 'STEP_TRY_RETRY_EXCEPT',
  raise: 'STEP_RAISE',
  return: 'STEP_RETURN',
  jump: 'STEP_GOTO',
};

function stepType(step: Step): StepType | undefined {
  if (step.kind === 'parallel') return step.parallel.for ? 'STEP_PARALLEL_FOR' : 'STEP_PARALLEL_BRANCH';
  return STEP_TYPES[step.kind];
}

/** The error value a JavaScript exception stands for; faults of the interpreter become SystemError. */
export function asWorkflowError(error: unknown): WorkflowError | ExecutionStopped {
  if (error instanceof WorkflowError || error instanceof ExecutionStopped) return error;
  const message = error instanceof Error ? error.message : String(error);
  return workflowError('SystemError', `Internal error: ${message}`);
}

/** Runs a list of steps from `path` (an index, then indexes inside nested `steps:` steps). */
export async function runBlock(ctx: StepContext, steps: Step[], path: number[] = [0]): Promise<Completion> {
  let i = path[0];
  let inner = path.slice(1);
  while (i < steps.length) {
    const c = inner.length > 0 ? await resumeNested(ctx, steps[i] as StepsStep, inner) : await runStep(ctx, steps[i]);
    inner = [];
    if (c.kind === 'goto') {
      const target = findInList(steps, c.target);
      if (!target) return c;
      i = target[0];
      inner = target.slice(1);
      continue;
    }
    if (c.kind !== 'normal') return c;
    i++;
  }
  return NORMAL;
}

/** Continues inside a nested `steps:` step that a jump landed in. */
async function resumeNested(ctx: StepContext, step: StepsStep, path: number[]): Promise<Completion> {
  const c = await runBlock(ctx, step.steps, path);
  if (c.kind !== 'normal' || !step.next) return c;
  try {
    return jumpTo(ctx, step, step.next);
  } catch (e) {
    // Its own step limit failure is placed at the group, as `runStep` places every other one.
    ctx.thread.frames[ctx.thread.frames.length - 1].step = step;
    captureTrace(e, ctx.thread, ctx.exec.lines);
    throw e;
  }
}

/**
 * Steps between turns of the event loop. Steps chain through promise callbacks only, so a busy
 * loop would otherwise starve timers and I/O, including the cancellation request itself.
 */
const STEPS_PER_TURN = 1000;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs one step: counts it, records its history entry and, on failure, where it failed. */
export async function runStep(ctx: StepContext, step: Step): Promise<Completion> {
  const { exec, thread } = ctx;
  if (exec.meter.stepCount % STEPS_PER_TURN === STEPS_PER_TURN - 1) await nextTurn();
  const frame = thread.frames[thread.frames.length - 1];
  const paused = exec.host.debug ? pauseBeforeStep(ctx, frame, step) : undefined;
  if (paused) await paused;
  exec.checkActive();
  frame.step = step;
  exec.stepStarted();
  const type = stepType(step);
  const entry = type
    ? exec.history.start({
        routine: ctx.routine.name.value,
        step: step.name.value,
        stepType: type,
        threadId: thread.id,
        parentEntryId: thread.parentEntryId,
      })
    : undefined;
  let c: Completion;
  try {
    if (countsItself(step)) exec.meter.step();
    c = await dispatch(ctx, step, entry);
    // The jump counts as a step, so it can hit the step limit: that failure belongs to this step.
    if (c.kind === 'normal' && step.next) c = jumpTo(ctx, step, step.next);
  } catch (e) {
    const error = asWorkflowError(e);
    // A refusal raised below step level (an undefined name in an expression) is placed at the step.
    if (error instanceof WorkflowError && error.refusal && !error.refusal.span) error.refusal.span = step.span;
    frame.step = step;
    if (exec.host.debug && error instanceof WorkflowError) await reportRaised(ctx, step, error);
    captureTrace(error, thread, exec.lines);
    if (error instanceof WorkflowError) entry?.fail(error.value);
    throw error;
  }
  entry?.succeed();
  frame.step = step;
  return c;
}

/**
 * Google counts each step once, except that a jump-only step is just its `next` (counted by
 * `jumpTo`) and a `steps:` group counts only through the steps inside it.
 */
function countsItself(step: Step): boolean {
  return step.kind !== 'jump' && step.kind !== 'steps';
}

async function dispatch(ctx: StepContext, step: Step, entry: EntryHandle | undefined): Promise<Completion> {
  switch (step.kind) {
    case 'assign':
      await runAssign(ctx, step);
      return NORMAL;
    case 'call':
      await runCall(ctx, step);
      return NORMAL;
    case 'switch':
      return runSwitch(ctx, step, entry);
    case 'for':
      return runFor(ctx, step, entry);
    case 'parallel':
      return runParallel(ctx, step, entry);
    case 'try':
      return runTry(ctx, step, entry);
    case 'raise':
      throw new WorkflowError(copyValue(await evaluateValue(step.raise, ctx.exec.evalContext(ctx))));
    case 'return':
      checkReturn(ctx, step);
      return { kind: 'return', value: copyValue(await evaluateValue(step.return, ctx.exec.evalContext(ctx))) };
    case 'steps':
      return runBlock(ctx, step.steps);
    case 'jump':
      return NORMAL;
    case 'invalid':
      throw structuralError('invalid-step', `Step "${step.name.value}" has no recognisable kind`, step.span);
  }
}

/** `return` inside a parallel branch or iteration is refused, as the structural semantics says. */
function checkReturn(ctx: StepContext, step: Extract<Step, { kind: 'return' }>): void {
  const place = ctx.exec.semantics.placeOf(step);
  if (!place || returnVerdict(place).ok) return;
  const key = step.keys.find((k) => k.value === 'return');
  throw structuralError('return-in-thread', '"return" is not allowed inside a parallel branch or iteration', key?.span ?? step.span);
}

/** The value a routine's body produced: its `return`, or null. */
export function routineResult(c: Completion, routine: string): Value {
  switch (c.kind) {
    case 'return':
      return c.value;
    case 'normal':
    case 'end':
      return null;
    // `jumpTo` refuses these at the jump; reaching the routine's end with one is a fault of the engine.
    case 'break':
    case 'continue':
      throw structuralError('next-outside-loop', `"next: ${c.kind}" used outside a for loop in routine "${routine}"`);
    case 'goto':
      throw structuralError('next-unknown-target', `Step "${c.target}" not found in routine "${routine}"`);
  }
}
