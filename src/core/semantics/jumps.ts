/**
 * Where control may go from a step, by the rules of `rules.ts`: which `next:` targets are legal,
 * what `break`, `continue`, `end` and `return` mean there, and how a target is found in a list
 * of steps. The validator reports what `jumpVerdict`/`returnVerdict` refuse, the engine refuses the
 * same at run time and finds targets with `findInList`, and completion offers `jumpTargets`.
 */
import type { StepContainer } from '../model/query';
import type { Step } from '../model/types';
import type { Place, RoutineSemantics } from './analysis';
import { BLOCK_RULES } from './rules';

/** Why a jump or a `return` is refused. */
export type Refusal =
  /** No step of the routine has that name. */
  | 'unknown-target'
  /** The target sits in a block (`block`) that does not hold the jump and may not be entered. */
  | 'into-block'
  /** The target is outside the parallel branch or iteration (`block`) that holds the jump. */
  | 'out-of-thread'
  /** `break`/`continue` with no `for` loop around it (within its branch). */
  | 'outside-loop'
  /** `break` whose loop is a parallel `for` (`block`). */
  | 'break-parallel-for'
  /** `return` inside a parallel branch or iteration (`block`). */
  | 'return-in-thread';

export type Verdict = { ok: true } | { ok: false; refusal: Refusal; block?: StepContainer };

const OK: Verdict = { ok: true };

/** The targets with a meaning of their own; they win over step names. */
export const SPECIAL_TARGETS = ['end', 'break', 'continue'] as const;

/** Whether `next: target` from the step at `from` is legal. */
export function jumpVerdict(routine: RoutineSemantics, from: Place, target: string): Verdict {
  if (target === 'end') return OK;
  if (target === 'break' || target === 'continue') return loopVerdict(from, target);
  if (reachable(from).some((list) => findInList(list, target))) return OK;
  const places = routine.byName.get(target);
  if (!places) return { ok: false, refusal: 'unknown-target' };
  const thread = innermostThread(from.ancestry);
  if (thread && !places.some((p) => p.ancestry.some((c) => sameBlock(c, thread)))) return { ok: false, refusal: 'out-of-thread', block: thread };
  return { ok: false, refusal: 'into-block', block: enteredBlock(from.ancestry, places[0].ancestry) };
}

/** Whether a `return` at `from` is legal: not inside a parallel branch or iteration. */
export function returnVerdict(from: Place): Verdict {
  const thread = innermostThread(from.ancestry);
  return thread ? { ok: false, refusal: 'return-in-thread', block: thread } : OK;
}

/** Every `next:` value legal from `from`: step names in source order, then `end`, `break`, `continue` as they apply. */
export function jumpTargets(routine: RoutineSemantics, from: Place): string[] {
  const lists = reachable(from);
  const names = routine.places
    .filter((p) => !p.inline && lists.some((list) => findInList(list, p.step.name.value)))
    .map((p) => p.step.name.value);
  const unique = [...new Set(names)].filter((n) => !(SPECIAL_TARGETS as readonly string[]).includes(n));
  return [...unique, ...SPECIAL_TARGETS.filter((t) => jumpVerdict(routine, from, t).ok)];
}

/**
 * Where `name` is in `list`: its index, or the index of a `steps:` group followed by the path
 * inside it (a jump may land inside nested step groups, and nowhere else).
 */
export function findInList(list: readonly Step[], name: string): readonly number[] | undefined {
  let index = LIST_INDEX.get(list);
  if (!index) {
    index = indexList(list, []);
    LIST_INDEX.set(list, index);
  }
  return index.get(name);
}

/** Paths by name per list, built on first use: the model is never changed after parsing. */
const LIST_INDEX = new WeakMap<readonly Step[], Map<string, readonly number[]>>();

/** A name directly in the list wins over one inside a group, an earlier one over a later one. */
function indexList(list: readonly Step[], prefix: readonly number[]): Map<string, readonly number[]> {
  const index = new Map<string, readonly number[]>();
  list.forEach((s, i) => {
    if (!index.has(s.name.value)) index.set(s.name.value, [...prefix, i]);
  });
  list.forEach((s, i) => {
    if (s.kind !== 'steps') return;
    for (const [name, path] of indexList(s.steps, [...prefix, i])) if (!index.has(name)) index.set(name, path);
  });
  return index;
}

/**
 * The step lists a jump from `from` may land in, innermost first: the lists around it, up to the
 * routine's or the first thread boundary. An inline body's list holds no jump target.
 */
function reachable(from: Place): Step[][] {
  const out: Step[][] = [];
  for (let i = from.ancestry.length - 1; i >= 0; i--) {
    const block = from.ancestry[i];
    const list = stepsOf(block);
    if (list) out.push(list);
    if (!BLOCK_RULES[block.kind].leavable) return out;
  }
  out.push(from.routine.steps);
  return out;
}

function loopVerdict(from: Place, target: 'break' | 'continue'): Verdict {
  for (let i = from.ancestry.length - 1; i >= 0; i--) {
    const block = from.ancestry[i];
    const rule = BLOCK_RULES[block.kind];
    if (rule.loop === 'loop') return OK;
    if (rule.loop === 'iteration') return target === 'continue' ? OK : { ok: false, refusal: 'break-parallel-for', block };
    if (rule.thread) break;
  }
  return { ok: false, refusal: 'outside-loop' };
}

function innermostThread(ancestry: readonly StepContainer[]): StepContainer | undefined {
  for (let i = ancestry.length - 1; i >= 0; i--) if (BLOCK_RULES[ancestry[i].kind].thread) return ancestry[i];
  return undefined;
}

/** The outermost block around the target that does not hold the jump and cannot be entered. */
function enteredBlock(from: readonly StepContainer[], to: readonly StepContainer[]): StepContainer | undefined {
  let shared = 0;
  while (shared < from.length && shared < to.length && sameBlock(from[shared], to[shared])) shared++;
  return to.slice(shared).find((c) => !BLOCK_RULES[c.kind].enterable);
}

/** The steps of a block that can hold jump targets; undefined for an inline body. */
function stepsOf(block: StepContainer): Step[] | undefined {
  switch (block.kind) {
    case 'steps':
      return block.step.steps;
    case 'for':
    case 'parallel-for':
      return block.loop.steps;
    case 'branch':
      return block.branch.steps;
    case 'try':
      return block.step.inline ? undefined : block.step.try;
    case 'except':
      return block.except.steps;
    case 'switch-case':
      return block.inline ? undefined : block.case.steps;
  }
}

/** Two ancestry entries for the same block (`walkSteps` builds new container objects per walk). */
function sameBlock(a: StepContainer, b: StepContainer): boolean {
  if (a.kind !== b.kind || a.step !== b.step) return false;
  if (a.kind === 'branch' && b.kind === 'branch') return a.branch === b.branch;
  if (a.kind === 'switch-case' && b.kind === 'switch-case') return a.caseIndex === b.caseIndex && a.inline === b.inline;
  return true;
}
