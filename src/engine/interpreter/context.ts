/**
 * Shapes shared by the interpreter's parts: how a block of steps ends (`Completion`), the thread and
 * frame a step runs in, and the services of the running execution.
 */
import type { LineIndex } from '../../core/location';
import type { Name, Routine, Step } from '../../core/model/types';
import { jumpVerdict, type Semantics } from '../../core/semantics';
import { structuralError } from '../errors';
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
  /** For debuggers: `branch b2`, `iteration 3`; absent on the main thread. */
  label?: string;
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
  /** The structural semantics of the workflow: scopes, jump targets, branch rules. */
  readonly semantics: Semantics;
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

/**
 * The completion `next: target` on step `from` stands for; the jump itself counts as a step. A jump
 * the structural semantics refuses (see `core/semantics/jumps.ts`) fails here, at its `next:`.
 */
export function jumpTo(ctx: StepContext, from: Step, target: Name): Completion {
  const semantics = ctx.exec.semantics;
  const place = semantics.placeOf(from);
  const routine = place && semantics.routineOf(place.routine);
  const verdict = place && routine ? jumpVerdict(routine, place, target.value) : undefined;
  if (verdict && !verdict.ok) throw structuralError(`next-${verdict.refusal}`, refusalMessage(verdict.refusal, target.value, ctx.routine.name.value), target.span);
  ctx.exec.meter.step();
  switch (target.value) {
    case 'end':
      return { kind: 'end' };
    case 'break':
      return { kind: 'break' };
    case 'continue':
      return { kind: 'continue' };
    default:
      return { kind: 'goto', target: target.value };
  }
}

function refusalMessage(refusal: string, target: string, routine: string): string {
  switch (refusal) {
    case 'unknown-target':
      return `Step "${target}" not found in routine "${routine}"`;
    case 'into-block':
      return `"next: ${target}" cannot enter the block that holds step "${target}"`;
    case 'out-of-thread':
      return `"next: ${target}" (a step outside the branch) is not allowed inside a parallel branch or iteration`;
    case 'break-parallel-for':
      return '"next: break" is not allowed inside a parallel for iteration';
    default:
      return `"next: ${target}" used outside a for loop in routine "${routine}"`;
  }
}
