/**
 * `switch` steps: conditions are evaluated in order and must be booleans (TypeError otherwise);
 * the first true case runs its inline body and/or `steps`, then its `next`. When no case matches,
 * or the case ends without leaving, the step completes and the switch's own `next` applies.
 */
import type { SwitchCase, SwitchStep } from '../../core/model/types';
import { WorkflowError, workflowError } from '../errors';
import { typeOf } from '../value';
import { NORMAL, jumpTo, type Completion, type StepContext } from './context';
import { evaluateValue } from './evaluate';
import type { EntryHandle } from './history';

export async function runSwitch(ctx: StepContext, step: SwitchStep, entry: EntryHandle | undefined): Promise<Completion> {
  const { exec } = ctx;
  for (let i = 0; i < step.cases.length; i++) {
    const c = step.cases[i];
    const condition = c.condition ? await evaluateValue(c.condition, exec.evalContext(ctx)) : false;
    if (typeof condition !== 'boolean') {
      throw workflowError('TypeError', `Switch condition must evaluate to a boolean, got: ${typeOf(condition)}`);
    }
    if (!condition) continue;
    const caseEntry = exec.history.start({
      routine: ctx.routine.name.value,
      step: step.name.value,
      stepType: 'STEP_CONDITION',
      threadId: ctx.thread.id,
      parentEntryId: entry?.entryId,
      progressType: 'PROGRESS_TYPE_SWITCH',
      progressNumber: i + 1,
    });
    let done: Completion;
    try {
      done = await runCase(ctx, c);
    } catch (e) {
      if (e instanceof WorkflowError) caseEntry.fail(e.value);
      throw e;
    }
    caseEntry.succeed();
    if (done.kind !== 'normal') return done;
    return c.next ? jumpTo(ctx, step, c.next) : NORMAL;
  }
  return NORMAL;
}

/** Runs a matched case's inline body, then its `steps`. */
async function runCase(ctx: StepContext, c: SwitchCase): Promise<Completion> {
  if (c.inline) {
    const done = await ctx.exec.runStep(ctx, c.inline);
    if (done.kind !== 'normal') return done;
  }
  return c.steps ? ctx.exec.runBlock(ctx, c.steps) : NORMAL;
}
