/**
 * `for` loops over a list (`in`) or an inclusive integer range (`range`). The loop runs in one
 * `for` scope (`core/semantics/rules.ts`) holding the loop variables and any variable first
 * created in the body: a value assigned in one iteration is still there in the next, and all of
 * them vanish when the loop exits [D variables, iteration]; writes to variables that exist
 * outside persist.
 *
 * [R] `range` bounds may be doubles: the value starts at the first bound and grows by 1 while it
 * is ≤ the second (ints stay ints). A start above the end gives no iterations.
 */
import type { ForLoop, ForStep } from '../../core/model/types';
import { WorkflowError, workflowError } from '../errors';
import { copyValue, typeOf, type Value } from '../value';
import { NORMAL, type Completion, type StepContext } from './context';
import { evaluateValue } from './evaluate';
import type { EntryHandle } from './history';

/** The values a `for` (or parallel `for`) iterates over, lazily. */
export async function iterationValues(ctx: StepContext, loop: ForLoop): Promise<Iterable<Value>> {
  const ev = ctx.exec.evalContext(ctx);
  if (loop.in) {
    const list = await evaluateValue(loop.in, ev);
    if (!Array.isArray(list)) throw workflowError('TypeError', `The "in" of a for loop must be a list, got: ${typeOf(list)}`);
    // The body may update the list in place; the loop walks the list as it was when it started.
    return list.slice();
  }
  if (!loop.range) throw workflowError('ValueError', 'A for loop needs "in" or "range"');
  const range = await evaluateValue(loop.range, ev);
  if (!Array.isArray(range) || range.length !== 2) throw workflowError('TypeError', 'The "range" of a for loop must be a list of two numbers');
  const [start, end] = range;
  if (typeof start === 'bigint' && typeof end === 'bigint') return intRange(start, end);
  if ((typeof start === 'bigint' || typeof start === 'number') && (typeof end === 'bigint' || typeof end === 'number')) {
    return doubleRange(Number(start), Number(end));
  }
  throw workflowError('TypeError', `The "range" bounds must be numbers, got: ${typeOf(start)} and ${typeOf(end)}`);
}

function* intRange(start: bigint, end: bigint): Iterable<Value> {
  for (let v = start; v <= end; v++) yield v;
}

function* doubleRange(start: number, end: number): Iterable<Value> {
  for (let v = start; v <= end; v++) yield v;
}

/** Declares `value` and `index` for one iteration. */
export function bindIteration(scope: StepContext['scope'], loop: ForLoop, value: Value, index: number): void {
  if (loop.value) scope.define(loop.value.value, copyValue(value));
  if (loop.index) scope.define(loop.index.value, BigInt(index));
}

export async function runFor(ctx: StepContext, step: ForStep, entry: EntryHandle | undefined): Promise<Completion> {
  const { exec } = ctx;
  const loop = step.for;
  const scope = ctx.scope.child('for', exec.semantics.scopeOf(loop));
  try {
    return await iterate(ctx, step, entry, scope);
  } finally {
    scope.dispose();
  }
}

async function iterate(ctx: StepContext, step: ForStep, entry: EntryHandle | undefined, scope: StepContext['scope']): Promise<Completion> {
  const { exec } = ctx;
  const loop = step.for;
  let index = 0;
  for (const value of await iterationValues(ctx, loop)) {
    exec.checkActive();
    exec.meter.step();
    const iteration = exec.history.start({
      routine: ctx.routine.name.value,
      step: step.name.value,
      stepType: 'STEP_FOR_ITERATION',
      threadId: ctx.thread.id,
      parentEntryId: entry?.entryId,
      progressType: 'PROGRESS_TYPE_FOR',
      progressNumber: index + 1,
    });
    let c: Completion;
    try {
      bindIteration(scope, loop, value, index);
      c = await exec.runBlock({ ...ctx, scope }, loop.steps);
      iteration.succeed();
    } catch (e) {
      if (e instanceof WorkflowError) iteration.fail(e.value);
      throw e;
    }
    index++;
    if (c.kind === 'break') break;
    if (c.kind !== 'normal' && c.kind !== 'continue') return c;
  }
  return NORMAL;
}
