/**
 * The engine's debugging hook (`ExecutionHost.debug`): what a debugger sees of a running
 * execution. The interpreter calls it only when it is set, so a plain run pays one property check
 * per step and nothing else.
 *
 * The hook receives views, not interpreter internals: a `DebugPoint` names the execution, the
 * thread and the step about to run, and gives the thread's call stack, each frame with read and
 * write access to its variables through the language's own evaluator (never JavaScript `eval`).
 */
import type { Span } from '../../core/location';
import type { Step } from '../../core/model/types';
import type { ExecutionEnv } from '../host';
import type { Value } from '../value';

/** A thread of one execution: its main thread, a parallel branch or a parallel `for` iteration. */
export interface DebugThread {
  /** Stable identity of this thread for as long as it runs (the same object at every point). */
  readonly key: object;
  /** The execution it belongs to (identity shared by all its threads). */
  readonly executionKey: object;
  /** `""` on the main thread, `"1"`, `"2"` for branches, `"1.2"` when nested (as in step entries). */
  readonly id: string;
  /** `main`, `branch b2`, `iteration 3` (the 0-based iteration number, as branch errors name it). */
  readonly name: string;
  /** The thread whose parallel step started this one; undefined for a main thread. */
  readonly parentKey?: object;
  readonly env: ExecutionEnv;
}

/** One routine invocation on a thread's call stack. */
export interface DebugFrame {
  routine: string;
  /** The step running (or about to run) in this invocation; the routine's name before its first step. */
  step: string;
  /** Document offsets of the step name (or the routine name). */
  span: Span;
  /** 0-based line and character of `span.start`. */
  line: number;
  character: number;
  /**
   * The variables this frame can read, by name, innermost scope winning. Values are live (not
   * copies): a debugger must copy before it changes one.
   */
  variables(): Map<string, Value>;
  /** Names listed in `shared` by the enclosing parallel steps, when the frame runs in a branch. */
  sharedNames(): string[];
  /** Evaluates a workflow expression (no `${}`) in this frame; throws the language's WorkflowError. */
  evaluate(expression: string): Promise<Value>;
  /** Assigns the value of `expression` to `target` (`x`, `m.key`, `l[0]`), as an assign step would. */
  assign(target: string, expression: string): Promise<Value>;
}

/** Where a thread is about to run a step (or has just raised an error in one). */
export interface DebugPoint {
  thread: DebugThread;
  step: Step;
  /** True for a step that is the inline body of a switch case or a try (part of its parent step). */
  inline: boolean;
  /** How many routine calls deep the thread is (1 in `main`). */
  depth: number;
  /** The call stack, innermost first. */
  frames(): DebugFrame[];
  /** Aborted when the execution is cancelled or fails; a paused hook must settle then. */
  signal: AbortSignal;
}

/** An error raised by a step, as the debugger sees it. */
export interface DebugError {
  value: Value;
  /** The error's `tags` (empty for a raised string or a map without tags). */
  tags: string[];
  message: string;
  /** Internal resource limits: no `try/except` can catch these. */
  uncatchable: boolean;
}

export interface DebugHook {
  /** Called before each step runs; the step (only that thread) waits until the promise settles. */
  beforeStep(point: DebugPoint): void | Promise<void>;
  /**
   * Called once per error, where it was raised (innermost step), before any `try` sees it.
   * `caught` tells whether an enclosing `try … except` of this thread will handle it.
   */
  onRaised(point: DebugPoint, error: DebugError, caught: boolean): void | Promise<void>;
  threadStarted(thread: DebugThread): void;
  threadEnded(thread: DebugThread): void;
}
