/**
 * One execution of a workflow: owns the meters, history, threads and cancellation, invokes
 * routines, and turns the end of `main` into an `ExecutionOutcome`.
 *
 * [R] Subworkflow arguments: a missing required parameter or an argument no parameter names is a
 * TypeError; defaults are evaluated in the callee's scope after the supplied arguments are bound.
 * [R] Exceeding the call-stack depth raises RecursionError, which `try/except` can catch.
 * [R] A cancelled execution's error payload is `{"message": "Execution cancelled", "tags": []}`.
 * [R] An argument given to a `main` without parameters is ignored. A result that JSON cannot hold
 * (bytes) fails the execution with the encoder's TypeError.
 */
import { setMaxListeners } from 'node:events';
import { LineIndex } from '../../core/location';
import type { Routine, Step, Workflow } from '../../core/model/types';
import { semanticsOf, type Semantics } from '../../core/semantics';
import { WorkflowError, structuralError, workflowError } from '../errors';
import type { ExecutionHost, ExecutionOutcome } from '../host';
import { decodeJson, encodeJson } from '../json';
import { copyValue, type Value } from '../value';
import { callFromExpression } from './callables';
import { framesOf, traceOf } from './callStack';
import { ExecutionStopped, type Completion, type Execution, type StepContext, type Thread } from './context';
import { evaluateValue, type EvalContext } from './evaluate';
import { History } from './history';
import { Meter, type Limits } from './limits';
import { failureOutcome } from './outcome';
import { Scope } from './scope';
import { threadEnded as debugThreadEnded, threadStarted as debugThreadStarted } from '../debug/points';
import { asWorkflowError, routineResult, runBlock, runStep } from './steps';

export class WorkflowExecution implements Execution {
  readonly meter: Meter;
  readonly history: History;
  readonly lines: LineIndex;
  readonly semantics: Semantics;
  private readonly controller = new AbortController();
  private readonly routines = new Map<string, Routine>();
  private readonly threads = new Set<Thread>();
  private readonly mainThread: Thread = { id: '', frames: [], parallelDepth: 0 };
  private fatal: unknown;

  constructor(
    readonly workflow: Workflow,
    readonly host: ExecutionHost,
    readonly limits: Limits,
  ) {
    // Every waiting branch, sleep and child listens on this one signal: dozens at once is normal.
    setMaxListeners(0, this.controller.signal);
    this.meter = new Meter(limits);
    this.history = new History(host);
    this.lines = new LineIndex(workflow.text);
    this.semantics = semanticsOf(workflow);
    for (const r of workflow.routines) if (!this.routines.has(r.name.value)) this.routines.set(r.name.value, r);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Runs `main` with the argument (JSON text; absent means null) and reports the outcome. */
  async run(argumentJson: string | undefined): Promise<ExecutionOutcome> {
    const onCancel = (): void => this.controller.abort(new ExecutionStopped('cancelled'));
    if (this.host.signal.aborted) onCancel();
    else this.host.signal.addEventListener('abort', onCancel, { once: true });
    this.threadStarted(this.mainThread);
    try {
      const main = this.routines.get('main');
      if (!main) throw structuralError('missing-main', 'The workflow has no "main" routine', { start: 0, end: this.workflow.text.length });
      const argument = argumentJson === undefined || argumentJson.trim() === '' ? null : decodeJson(argumentJson);
      const ctx: StepContext = { exec: this, thread: this.mainThread, scope: this.routineScope(main), routine: main };
      const result = await this.runRoutine(ctx, main, main.params.length > 0 ? new Map([[main.params[0].name.value, argument]]) : new Map());
      return { state: 'SUCCEEDED', result: encodeJson(result) };
    } catch (e) {
      return this.outcomeOf(e);
    } finally {
      this.host.signal.removeEventListener('abort', onCancel);
      this.threadEnded(this.mainThread);
    }
  }

  private outcomeOf(e: unknown): ExecutionOutcome {
    const error = this.fatal ?? e;
    if (error instanceof ExecutionStopped || (this.host.signal.aborted && !(error instanceof WorkflowError && error.uncatchable))) {
      const value = new Map<string, Value>([
        ['message', 'Execution cancelled'],
        ['tags', []],
      ]);
      return failureOutcome('CANCELLED', value, traceOf(error) ?? framesOf(this.mainThread, this.lines));
    }
    const failure = asWorkflowError(error) as WorkflowError;
    const outcome = failureOutcome('FAILED', failure.value, traceOf(failure) ?? traceOf(error) ?? framesOf(this.mainThread, this.lines));
    if (failure.refusal && outcome.state !== 'SUCCEEDED') {
      const span = failure.refusal.span ?? { start: 0, end: this.workflow.text.length };
      return { ...outcome, refusal: { rule: failure.refusal.rule, span: { start: span.start, end: span.end } } };
    }
    return outcome;
  }

  runBlock(ctx: StepContext, steps: Step[]): Promise<Completion> {
    return runBlock(ctx, steps);
  }

  runStep(ctx: StepContext, step: Step): Promise<Completion> {
    return runStep(ctx, step);
  }

  isRoutine(name: string): boolean {
    return this.routines.has(name);
  }

  routineParams(name: string): string[] {
    return this.routines.get(name)?.params.map((p) => p.name.value) ?? [];
  }

  async invokeRoutine(ctx: StepContext, name: string, args: Map<string, Value> | Value[]): Promise<Value> {
    const routine = this.routines.get(name);
    if (!routine) throw workflowError('KeyError', `Unknown subworkflow "${name}"`);
    if (ctx.thread.frames.length >= this.limits.maxCallDepth) {
      throw workflowError('RecursionError', `Maximum call stack depth of ${this.limits.maxCallDepth} exceeded when calling "${name}"`);
    }
    const named = Array.isArray(args) ? this.namePositional(routine, args) : args;
    return this.runRoutine({ exec: this, thread: ctx.thread, scope: this.routineScope(routine), routine }, routine, named);
  }

  /** A fresh scope for one invocation of `routine`, bound to the routine's scope in the source. */
  private routineScope(routine: Routine): Scope {
    const statics = this.semantics.scopeOf(routine);
    return new Scope('routine', this.meter, undefined, undefined, statics && { semantics: this.semantics, scope: statics });
  }

  private namePositional(routine: Routine, args: Value[]): Map<string, Value> {
    if (args.length > routine.params.length) {
      throw workflowError('TypeError', `Subworkflow "${routine.name.value}" takes ${routine.params.length} arguments, got ${args.length}`);
    }
    return new Map(args.map((a, i) => [routine.params[i].name.value, a]));
  }

  /** Binds arguments and defaults in the callee's fresh scope and runs its steps on the caller's thread. */
  private async runRoutine(ctx: StepContext, routine: Routine, args: Map<string, Value>): Promise<Value> {
    const { scope, thread } = ctx;
    const params = new Set(routine.params.map((p) => p.name.value));
    for (const key of args.keys()) {
      if (!params.has(key)) throw workflowError('TypeError', `Subworkflow "${routine.name.value}" has no parameter "${key}"`);
    }
    thread.frames.push({ routine });
    try {
      for (const p of routine.params) {
        const name = p.name.value;
        if (args.has(name)) scope.define(name, copyValue(args.get(name) as Value));
        else if (p.default) scope.define(name, copyValue(await evaluateValue(p.default, this.evalContext(ctx))));
        else throw workflowError('TypeError', `Missing argument "${name}" for subworkflow "${routine.name.value}"`);
      }
      return routineResult(await runBlock(ctx, routine.steps), routine.name.value);
    } finally {
      thread.frames.pop();
      scope.dispose();
    }
  }

  callFunction(ctx: StepContext, name: string, args: Value[]): Value | Promise<Value> {
    return callFromExpression(ctx, name, args);
  }

  evalContext(ctx: StepContext): EvalContext {
    return {
      scope: ctx.scope,
      meter: this.meter,
      callFunction: (name, args) => this.callFunction(ctx, name, args),
      isRoutine: (name) => this.routines.has(name),
    };
  }

  checkActive(): void {
    if (this.controller.signal.aborted) throw this.controller.signal.reason;
  }

  abortWith(error: unknown): void {
    if (this.fatal !== undefined) return;
    this.fatal = error;
    this.controller.abort(new ExecutionStopped('failed'));
  }

  threadStarted(thread: Thread): void {
    this.threads.add(thread);
    if (this.host.debug) debugThreadStarted(this, thread);
  }

  threadEnded(thread: Thread): void {
    this.threads.delete(thread);
    if (this.host.debug) debugThreadEnded(this, thread);
  }

  /** Reports the innermost step of every running thread; a thread waiting on branches is left out. */
  stepStarted(): void {
    if (!this.host.onCurrentSteps) return;
    const waiting = new Set<Thread>();
    for (const t of this.threads) if (t.parent) waiting.add(t.parent);
    const steps: { routine: string; step: string }[] = [];
    for (const t of this.threads) {
      if (waiting.has(t)) continue;
      const top = t.frames[t.frames.length - 1];
      if (top?.step) steps.push({ routine: top.routine.name.value, step: top.step.name.value });
    }
    this.host.onCurrentSteps(steps);
  }
}
