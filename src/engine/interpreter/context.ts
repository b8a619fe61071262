/**
 * Shapes shared by the interpreter's parts: how a block of steps ends (`Completion`), the thread and
 * frame a step runs in, and the services of the running execution.
 */
import type { LineIndex } from '../../core/location';
import type { Routine, Step } from '../../core/model/types';
import type { ExecutionHost } from '../host';
import type { Value } from '../value';
import type { EvalContext } from './evaluate';
import type { History } from './history';
import type { Limits, Meter } from './limits';
import type { Scope } from './scope';

/** How a step or a block of steps finished. */
export type Completion =
  | { kind: 'normal' }
  | { kind: 'return'; value: Value }
  /** `next: end`: the routine stops and returns null. */
  | { kind: 'end' }
  | { kind: 'break' }
  | { kind: 'continue' }
  /** `next: <step>` that the current block could not resolve; an enclosing block may. */
  | { kind: 'goto'; target: string };

export const NORMAL: Completion = Object.freeze({ kind: 'normal' });

/** One routine invocation on a thread's call stack. */
export interface Frame {
  routine: Routine;
  /** The step running now (or last run) in this invocation. */
  step?: Step;
}

/** The main thread, or one parallel branch or iteration. */
export interface Thread {
  /** `""` on the main thread, `"1"`, `"2"` for branches, `"1.2"` when nested. */
  id: string;
  frames: Frame[];
  /** How many parallel steps enclose this thread. */
  parallelDepth: number;
  /** Entry id of the step entry that spawned this thread, for history parents. */
  parentEntryId?: number;
  /** The thread whose parallel step started this one. */
  parent?: Thread;
}

/** Where a step runs: its thread, routine and scope. */
export interface StepContext {
  exec: Execution;
  thread: Thread;
  scope: Scope;
  routine: Routine;
}

/** The running execution's services, as the step handlers see them. */
export interface Execution {
  readonly host: ExecutionHost;
  readonly limits: Limits;
  readonly meter: Meter;
  readonly history: History;
  /** Converts the workflow's offsets to lines for stack traces. */
  readonly lines: LineIndex;
  /** Aborted on cancellation or when an uncatchable error ends the execution. */
  readonly signal: AbortSignal;
  /** Runs a list of steps, resolving `next` jumps that target steps inside it. */
  runBlock(ctx: StepContext, steps: Step[]): Promise<Completion>;
  /** Runs a single step (used for inline switch-case bodies). */
  runStep(ctx: StepContext, step: Step): Promise<Completion>;
  /** Calls a subworkflow with named (map) or positional (list) arguments. */
  invokeRoutine(ctx: StepContext, name: string, args: Map<string, Value> | Value[]): Promise<Value>;
  /** True when the workflow defines a routine of that name. */
  isRoutine(name: string): boolean;
  /** The parameter names of a routine, in order (empty for an unknown name). */
  routineParams(name: string): string[];
  /** Calls a function from an expression (stdlib non-blocking or subworkflow). */
  callFunction(ctx: StepContext, name: string, args: Value[]): Value | Promise<Value>;
  /** The expression-evaluation view of a step context. */
  evalContext(ctx: StepContext): EvalContext;
  /** Throws if the execution was cancelled or has failed fatally elsewhere. */
  checkActive(): void;
  /** Ends the whole execution with an uncatchable error raised on some thread. */
  abortWith(error: unknown): void;
  /** Tracks running threads for `status.currentSteps`. */
  threadStarted(thread: Thread): void;
  threadEnded(thread: Thread): void;
  /** Reports `status.currentSteps` after a step starts. */
  stepStarted(): void;
}

/**
 * Thrown (and used as the abort reason) when the execution stops from outside the workflow's
 * control: cancellation, or an uncatchable error on another thread. `try/except` never catches it.
 */
export class ExecutionStopped extends Error {
  constructor(readonly reason: 'cancelled' | 'failed') {
    super(reason === 'cancelled' ? 'Execution cancelled' : 'Execution failed on another thread');
    this.name = 'ExecutionStopped';
  }
}

/** The completion a `next:` value stands for; the jump itself counts as a step. */
export function jumpTo(ctx: StepContext, target: string): Completion {
  ctx.exec.meter.step();
  switch (target) {
    case 'end':
      return { kind: 'end' };
    case 'break':
      return { kind: 'break' };
    case 'continue':
      return { kind: 'continue' };
    default:
      return { kind: 'goto', target };
  }
}
