/**
 * `try` / `retry` / `except`. On a catchable error the retry policy is consulted first: if retries
 * remain and the predicate (a standard-library predicate or a subworkflow taking the error) returns
 * true, the interpreter waits the backoff delay on the host clock and re-runs the whole try block.
 * Otherwise `except` runs with the error bound to `as` in a block scope of its own; without
 * `except` the error propagates. Uncatchable errors (internal resource limits) pass straight through.
 */
import type { TryStep } from '../../core/model/types';
import { WorkflowError, workflowError } from '../errors';
import { copyValue, typeOf, type Value } from '../value';
import type { Completion, StepContext } from './context';
import type { EntryHandle } from './history';
import { backoffDelayMs, resolveRetryPolicy, type RetryPolicy } from './retry';

async function shouldRetry(ctx: StepContext, policy: RetryPolicy, error: Value): Promise<boolean> {
  const { exec } = ctx;
  const verdict = exec.isRoutine(policy.predicate)
    ? await exec.invokeRoutine(ctx, policy.predicate, [copyValue(error)])
    : await exec.callFunction(ctx, policy.predicate, [copyValue(error)]);
  if (typeof verdict !== 'boolean') throw workflowError('TypeError', `Retry predicate "${policy.predicate}" must return a boolean, got: ${typeOf(verdict)}`);
  return verdict;
}

export async function runTry(ctx: StepContext, step: TryStep, entry: EntryHandle | undefined): Promise<Completion> {
  const { exec } = ctx;
  const base = { routine: ctx.routine.name.value, step: step.name.value, threadId: ctx.thread.id, parentEntryId: entry?.entryId };
  let policy: RetryPolicy | undefined;
  let retries = 0;
  for (;;) {
    exec.meter.step();
    const attempt = exec.history.start({ ...base, stepType: 'STEP_TRY' });
    let failure: WorkflowError;
    try {
      // An inline body is no list of named steps: a jump from it is resolved around the try step.
      const c = step.inline ? await exec.runStep(ctx, step.try[0]) : await exec.runBlock(ctx, step.try);
      attempt.succeed();
      return c;
    } catch (e) {
      if (!(e instanceof WorkflowError)) throw e;
      attempt.fail(e.value);
      if (e.uncatchable) throw e;
      failure = e;
    }
    if (step.retry) {
      policy ??= await resolveRetryPolicy(step.retry, exec.evalContext(ctx));
      if (retries < policy.maxRetries && (await shouldRetry(ctx, policy, failure.value))) {
        retries++;
        exec.meter.step();
        const retry = exec.history.start({ ...base, stepType: 'STEP_RETRY', progressType: 'PROGRESS_TYPE_RETRY', progressNumber: retries });
        await exec.host.clock.sleep(backoffDelayMs(policy.backoff, retries), exec.signal);
        retry.succeed();
        continue;
      }
    }
    if (!step.except) throw failure;
    return runExcept(ctx, step, failure, base);
  }
}

async function runExcept(
  ctx: StepContext,
  step: TryStep,
  failure: WorkflowError,
  base: { routine: string; step: string; threadId: string; parentEntryId?: number },
): Promise<Completion> {
  const { exec } = ctx;
  const except = step.except as NonNullable<TryStep['except']>;
  exec.meter.step();
  const handler = exec.history.start({ ...base, stepType: 'STEP_EXCEPT' });
  const scope = ctx.scope.child('except', exec.semantics.scopeOf(except));
  try {
    if (except.as) scope.define(except.as.value, copyValue(failure.value));
    const c = await exec.runBlock({ ...ctx, scope }, except.steps);
    handler.succeed();
    return c;
  } catch (e) {
    if (e instanceof WorkflowError) handler.fail(e.value);
    throw e;
  } finally {
    scope.dispose();
  }
}
