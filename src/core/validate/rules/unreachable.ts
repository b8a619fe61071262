/**
 * Unreachable steps (a warning): a step that follows, in the same list, a step that always leaves
 * (`return`, `raise`, or any non-switch step with `next`), and that no `next` anywhere in the
 * routine targets. A switch with `next` is not counted as always leaving: a case body without a
 * jump of its own may fall through [R].
 */
import type { Diagnostic } from '../../diagnostic';
import type { Step } from '../../model/types';
import type { RoutineInfo, ValidationContext } from '../context';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';

export const unreachableRule: Rule = {
  codes: ['unreachable-step'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const routine of context.routines) {
      for (const list of routine.lists) checkList(routine, list, out);
    }
    return out;
  },
};

function checkList(routine: RoutineInfo, list: readonly Step[], out: Diagnostic[]): void {
  let reachable = true;
  for (let i = 0; i < list.length; i++) {
    const step = list[i];
    if (i > 0) reachable = (reachable && !alwaysLeaves(list[i - 1])) || routine.jumpTargets.has(step.name.value);
    if (!reachable) out.push(diagnostic('unreachable-step', step.name.span, [step.name.value]));
  }
}

function alwaysLeaves(step: Step): boolean {
  if (step.kind === 'return' || step.kind === 'raise') return true;
  return step.next !== undefined && step.kind !== 'switch';
}
