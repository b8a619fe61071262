/**
 * Switch conditions (WORKFLOWS-LANGUAGE.md §1.3 switch): each must evaluate to a boolean [D], so a
 * literal that is not a boolean (a number, a string, a list, null, or `${x ==` typed halfway and so
 * still a plain string) can never be right.
 */
import type { Diagnostic } from '../../diagnostic';
import { stepsOfKind, type ValidationContext } from '../context';
import { diagnostic } from '../messages';
import { valueSpan, type Rule } from '../rule';

export const conditionsRule: Rule = {
  codes: ['condition-not-boolean'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { step } of stepsOfKind(context, 'switch')) {
      for (const c of step.cases) {
        const condition = c.condition;
        if (!condition || condition.kind === 'expr') continue;
        if (condition.kind === 'scalar' && typeof condition.value === 'boolean') continue;
        out.push(diagnostic('condition-not-boolean', valueSpan(condition, c.keys, 'condition'), []));
      }
    }
    return out;
  },
};
