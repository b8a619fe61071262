/**
 * Step names: unique within a routine at any nesting depth [D steps], and never `end`, which is the
 * special `next` target [R]. Reserved words and hyphens are fine as names [S]. The model's stand-ins
 * for inline bodies (named after their owner) are not names of their own.
 */
import type { Diagnostic } from '../../diagnostic';
import type { ValidationContext } from '../context';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';

export const stepNamesRule: Rule = {
  codes: ['duplicate-step-name', 'reserved-step-name'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const routine of context.routines) {
      for (const [name, infos] of routine.byName) {
        if (name === 'end') {
          for (const info of infos) out.push(diagnostic('reserved-step-name', info.step.name.span, []));
        }
        const first = infos[0].step.name;
        for (const info of infos.slice(1)) {
          out.push(
            diagnostic('duplicate-step-name', info.step.name.span, [name, routine.routine.name.value], {
              related: [{ span: first.span, message: `First step named '${name}'.` }],
            }),
          );
        }
      }
    }
    return out;
  },
};
