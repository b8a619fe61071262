/**
 * `next` targets (WORKFLOWS-LANGUAGE.md §1.3 next): a step name of the same routine, or `end`;
 * `break` and `continue` only inside the steps of a `for` loop [D]. Any step of the routine is
 * accepted as a target whatever its depth [R: the nesting restrictions are not documented, and a
 * false alarm costs more than a missed one]. The value is flagged, with a "did you mean".
 */
import type { Diagnostic } from '../../diagnostic';
import type { Name } from '../../model/types';
import type { RoutineInfo, StepInfo, ValidationContext } from '../context';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';
import { suggest } from '../suggest';

export const jumpsRule: Rule = {
  codes: ['unknown-next-target', 'jump-outside-loop'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { from, target } of context.jumps) checkTarget(from.routine, from, target, out);
    return out;
  },
};

function checkTarget(routine: RoutineInfo, info: StepInfo, target: Name, out: Diagnostic[]): void {
  const name = target.value;
  if (name === 'end' || routine.byName.has(name)) return;
  if (name === 'break' || name === 'continue') {
    if (!info.inLoop) out.push(diagnostic('jump-outside-loop', target.span, [name]));
    return;
  }
  const suggestion = suggest(name, routine.byName.keys());
  out.push(diagnostic('unknown-next-target', target.span, [name, routine.routine.name.value], { suggestion }));
}
