/**
 * `parallel` steps: branches or a parallel `for`, run concurrently as promises (at most
 * `concurrency_limit` at once, the rest queued). Each branch or iteration is a thread with its own
 * branch scope: variables listed in `shared` are read and written in the enclosing scope (each
 * single assignment is atomic, as JavaScript runs one continuation at a time); other variables
 * written in a branch are private to it.
 *
 * With `exception_policy: continueAll` (the only policy, and the default) a failing branch ends
 * alone and the others run on; afterwards the step raises UnhandledBranchError.
 *
 * [R] The UnhandledBranchError map is
 * `{message: "<failed> of <started> parallel branches failed with an unhandled error",
 * tags: ["UnhandledBranchError"], branches: [{id, error}, ...]}` with at most 100 entries; `id` is
 * the branch name, or the 0-based iteration number as a string for a parallel for.
 * What a branch may do is the structural semantics' rule (`core/semantics/rules.ts`): `next: end`
 * ends the branch or iteration, `next: continue` ends a parallel `for` iteration; `return`,
 * `next: break` on the parallel `for` and jumps out of the branch are refused where they are
 * written (`jumpTo`, `checkReturn`), failing the whole execution as Google refuses them at deploy.
 * [R] More branches than the limit (10) raise ResourceLimitError; a `concurrency_limit` above the
 * ceiling (20) is lowered to it; nesting deeper than 2 raises ParallelNestingError (catchable).
 */
import type { Branch, ForLoop, ParallelStep, Step } from '../../core/model/types';
import { WorkflowError, structuralError, workflowError } from '../errors';
import { typeOf, type Value, type WfMap } from '../value';
import { NORMAL, ExecutionStopped, type Completion, type StepContext, type Thread } from './context';
import { evaluateValue } from './evaluate';
import type { EntryHandle } from './history';
import { bindIteration, iterationValues } from './loop';
import type { Scope } from './scope';

interface Task {
  id: string;
  number: number;
  steps: Step[];
  /** The branch or the parallel `for` loop, whose scope of the source the task's scope stands for. */
  owner: Branch | ForLoop;
  bind(scope: Scope): void;
}

async function concurrencyOf(ctx: StepContext, step: ParallelStep): Promise<number> {
  const ceiling = ctx.exec.limits.maxConcurrency;
  if (!step.parallel.concurrencyLimit) return ceiling;
  const v = await evaluateValue(step.parallel.concurrencyLimit, ctx.exec.evalContext(ctx));
  if (typeof v !== 'bigint') throw workflowError('TypeError', `concurrency_limit must be an integer, got: ${typeOf(v)}`);
  if (v < 1n) throw workflowError('ValueError', `concurrency_limit must be positive, got: ${v}`);
  return Math.min(Number(v), ceiling);
}

async function checkPolicy(ctx: StepContext, step: ParallelStep): Promise<void> {
  if (!step.parallel.exceptionPolicy) return;
  const v = await evaluateValue(step.parallel.exceptionPolicy, ctx.exec.evalContext(ctx));
  if (v !== 'continueAll') throw workflowError('ValueError', `exception_policy must be "continueAll", got: ${typeof v === 'string' ? v : typeOf(v)}`);
}

/** The branches or iterations to run, produced lazily so a long range is never materialised. */
async function tasksOf(ctx: StepContext, step: ParallelStep): Promise<Iterator<Task>> {
  const block = step.parallel;
  if (block.branches) {
    if (block.branches.length > ctx.exec.limits.maxParallelBranches) {
      throw workflowError('ResourceLimitError', `A parallel step may have at most ${ctx.exec.limits.maxParallelBranches} branches, got ${block.branches.length}`);
    }
    return block.branches.map((b, n): Task => ({ id: b.name.value, number: n, steps: b.steps, owner: b, bind: () => undefined }))[Symbol.iterator]();
  }
  const maybeLoop = block.for;
  if (!maybeLoop) throw workflowError('ValueError', 'A parallel step needs "branches" or "for"');
  const loop = maybeLoop;
  const values = await iterationValues(ctx, loop);
  function* iterations(): Generator<Task> {
    let n = 0;
    for (const value of values) {
      const index = n++;
      yield { id: String(index), number: index, steps: loop.steps, owner: loop, bind: (scope) => bindIteration(scope, loop, value, index) };
    }
  }
  return iterations();
}

/** The steps' own checks refuse every other ending first; one arriving here is a fault of the engine. */
function branchOutcome(c: Completion, isFor: boolean): void {
  if (c.kind === 'normal' || c.kind === 'end' || (c.kind === 'continue' && isFor)) return;
  const what = c.kind === 'goto' ? `"next: ${c.target}" (a step outside the branch)` : c.kind === 'return' ? '"return"' : `"next: ${c.kind}"`;
  throw structuralError('branch-ending', `${what} is not allowed inside a parallel branch or iteration`);
}

export async function runParallel(ctx: StepContext, step: ParallelStep, entry: EntryHandle | undefined): Promise<Completion> {
  const { exec, thread } = ctx;
  if (thread.parallelDepth >= exec.limits.maxParallelNesting) {
    throw workflowError('ParallelNestingError', `Parallel steps may be nested at most ${exec.limits.maxParallelNesting} deep`);
  }
  await checkPolicy(ctx, step);
  const limit = await concurrencyOf(ctx, step);
  const shared = new Set(step.parallel.shared.map((n) => n.value));
  const isFor = step.parallel.for !== undefined;
  const failures: { id: string; error: Value }[] = [];
  let started = 0;
  let fatal: unknown;
  const tasks = await tasksOf(ctx, step);

  const runTask = async (task: Task): Promise<void> => {
    started++;
    const child: Thread = {
      id: thread.id ? `${thread.id}.${task.number + 1}` : String(task.number + 1),
      frames: [...thread.frames.slice(0, -1), { routine: ctx.routine }],
      parallelDepth: thread.parallelDepth + 1,
      parentEntryId: entry?.entryId,
      parent: thread,
      label: isFor ? `iteration ${task.id}` : `branch ${task.id}`,
    };
    const scope = ctx.scope.child(isFor ? 'parallelFor' : 'branch', exec.semantics.scopeOf(task.owner), shared);
    exec.threadStarted(child);
    const branchEntry = exec.history.start({
      routine: ctx.routine.name.value,
      step: isFor ? step.name.value : task.id,
      stepType: 'STEP_PARALLEL_BRANCH_ENTRY',
      threadId: child.id,
      parentEntryId: entry?.entryId,
      progressType: isFor ? 'PROGRESS_TYPE_PARALLEL_FOR' : 'PROGRESS_TYPE_PARALLEL_BRANCH',
      progressNumber: task.number + 1,
    });
    try {
      exec.meter.step();
      task.bind(scope);
      branchOutcome(await exec.runBlock({ ...ctx, thread: child, scope }, task.steps), isFor);
      branchEntry.succeed();
    } catch (e) {
      if (e instanceof WorkflowError && !e.uncatchable) {
        branchEntry.fail(e.value);
        failures.push({ id: task.id, error: e.value });
      } else {
        if (e instanceof WorkflowError) branchEntry.fail(e.value);
        if (fatal === undefined && !(e instanceof ExecutionStopped)) {
          fatal = e;
          exec.abortWith(e);
        }
        fatal ??= e;
      }
    } finally {
      scope.dispose();
      exec.threadEnded(child);
    }
  };

  const worker = async (): Promise<void> => {
    for (let next = tasks.next(); !next.done && fatal === undefined; next = tasks.next()) await runTask(next.value);
  };
  await Promise.all(Array.from({ length: limit }, worker));
  if (fatal !== undefined) throw fatal;
  if (failures.length > 0) throw unhandledBranchError(failures, started, isFor ? 'iteration' : 'branch', exec.limits.maxRecordedBranchErrors);
  return NORMAL;
}

function unhandledBranchError(failures: { id: string; error: Value }[], total: number, noun: string, max: number): WorkflowError {
  const branches: Value[] = failures.slice(0, max).map(
    (f): WfMap => new Map<string, Value>([
      ['id', f.id],
      ['error', f.error],
    ]),
  );
  const plural = total === 1 ? noun : noun === 'branch' ? 'branches' : 'iterations';
  const message = `${failures.length} of ${total} parallel ${plural} failed with an unhandled error`;
  return workflowError('UnhandledBranchError', message, [['branches', branches]]);
}
