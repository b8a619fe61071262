/**
 * The structural rules of the language, as data: for every kind of block that holds steps, which
 * variable scope its steps run in, whether a `next:` may enter it from outside or leave it from
 * inside, and what `break`, `continue` and `return` mean there. The validator, the engine and
 * completion all read this table (through `analysis.ts` and `jumps.ts`); nothing else decides these
 * questions.
 *
 * Evidence (WORKFLOWS-LANGUAGE.md tags; where Google is silent the choice is marked [R] and held by
 * all three layers):
 * - Nested `steps:`, switch cases and `try` bodies share the enclosing scope [R/S
 *   step_switch_embedded]. `for` bodies, `except` blocks, parallel branches and parallel `for`
 *   iterations open child scopes; what they create is local to them [D variables, iteration,
 *   catching-errors; S loop_scope, parallel_shared_variables].
 * - A `for` loop's scope lives as long as the loop: variables first created in the body keep their
 *   value from one iteration to the next and are cleared when the loop exits [D variables,
 *   iteration: "cleared when the loop exits"]. A parallel `for` iteration is a branch and has a
 *   scope of its own [D parallel-steps].
 * - A jump may land on the steps of its own list, of any list around it, and of `steps:` groups in
 *   those lists [D syntax-overview "nested steps"; S workflows-bigquery-load]. It may leave a
 *   `for` body, a switch case, a `try` body or an `except` block [S error_catch,
 *   connect_firestore_read jump out of `except`; R for the others]. It may not enter a `for` body,
 *   a switch case, a `try` body or an `except` block from outside, which would skip the loop
 *   header, the condition or the error binding [R: not documented; no Google sample does it].
 * - A parallel branch or iteration is a thread: nothing in it may jump out of it, `return` from the
 *   routine, or `break` the parallel `for` [R: not documented, §8.6]. `next: end` ends the branch
 *   or iteration [R], `next: continue` ends a parallel `for` iteration [R], `raise` fails the
 *   branch, which the parallel step reports as UnhandledBranchError [D parallel-steps].
 * - `break` and `continue` need a `for` loop around them [D syntax-overview]; a parallel branch
 *   between the jump and the loop hides the loop.
 */
import type { StepContainer } from '../model/query';

/** The kinds of variable scope. `routine` is a routine invocation's own. */
export type ScopeKind = 'routine' | 'for' | 'except' | 'branch' | 'parallelFor';

/** What a block that holds steps means for scopes and jumps. */
export interface BlockRule {
  /** `shared`: its steps run in the enclosing scope; otherwise the kind of child scope it opens. */
  scope: 'shared' | Exclude<ScopeKind, 'routine'>;
  /** A `next:` from outside the block may land on its steps. */
  enterable: boolean;
  /** A `next:` from inside may reach steps outside the block (false: a thread boundary). */
  leavable: boolean;
  /** `break` / `continue` inside: `loop` for a plain `for`, `iteration` for a parallel `for`. */
  loop?: 'loop' | 'iteration';
  /** The block is a parallel thread: `return` is refused and `end` ends only the thread. */
  thread: boolean;
}

export type BlockKind = StepContainer['kind'];

export const BLOCK_RULES: Readonly<Record<BlockKind, BlockRule>> = {
  steps: { scope: 'shared', enterable: true, leavable: true, thread: false },
  'switch-case': { scope: 'shared', enterable: false, leavable: true, thread: false },
  try: { scope: 'shared', enterable: false, leavable: true, thread: false },
  except: { scope: 'except', enterable: false, leavable: true, thread: false },
  for: { scope: 'for', enterable: false, leavable: true, loop: 'loop', thread: false },
  'parallel-for': { scope: 'parallelFor', enterable: false, leavable: false, loop: 'iteration', thread: true },
  branch: { scope: 'branch', enterable: false, leavable: false, thread: true },
};

/**
 * How a child scope treats a write to a name that a scope around it already holds: `through` updates
 * the outer variable (for loops, except blocks); `shared-only` lets only names the parallel step
 * lists in `shared` through, every other parent variable may only be read [S
 * parallel_shared_variables].
 */
export const SCOPE_WRITES: Readonly<Record<Exclude<ScopeKind, 'routine'>, 'through' | 'shared-only'>> = {
  for: 'through',
  except: 'through',
  branch: 'shared-only',
  parallelFor: 'shared-only',
};

/** A human name for a block kind, for messages. */
export const BLOCK_PHRASES: Readonly<Record<BlockKind, string>> = {
  steps: 'nested steps',
  'switch-case': 'a switch case',
  try: 'a try block',
  except: 'an except block',
  for: 'a for loop',
  'parallel-for': 'a parallel for iteration',
  branch: 'a parallel branch',
};
