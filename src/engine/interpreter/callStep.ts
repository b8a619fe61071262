/**
 * `call` steps: evaluate `args`, call the subworkflow, function or connector, and store the value
 * in `result` (a variable of the current scope) when asked.
 */
import type { CallStep } from '../../core/model/types';
import { copyValue } from '../value';
import { callFromStep } from './callables';
import type { StepContext } from './context';
import { evaluateValue } from './evaluate';

export async function runCall(ctx: StepContext, step: CallStep): Promise<void> {
  const args = step.args ? await evaluateValue(step.args, ctx.exec.evalContext(ctx)) : undefined;
  const result = await callFromStep(ctx, step.call.value, args === undefined ? undefined : copyValue(args));
  if (step.result) ctx.scope.set(step.result.value, copyValue(result));
}
