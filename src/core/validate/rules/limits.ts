/**
 * Size limits that are not about parallel steps (WORKFLOWS-LANGUAGE.md §6): at most 50 conditions
 * per switch [D, error]; at most 50 assignments per assign step and 400 characters per expression
 * are only stated by third parties [R/E], so they are warnings.
 */
import type { Diagnostic } from '../../diagnostic';
import { stepsOfKind, type ValidationContext } from '../context';
import { diagnostic } from '../messages';
import { keySpan, type Rule } from '../rule';

const MAX_ASSIGNMENTS = 50;
const MAX_CONDITIONS = 50;
const MAX_EXPRESSION_LENGTH = 400;

export const limitsRule: Rule = {
  codes: ['too-many-assignments', 'too-many-conditions', 'expression-too-long'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { step } of stepsOfKind(context, 'assign')) {
      if (step.assign.length > MAX_ASSIGNMENTS) {
        out.push(diagnostic('too-many-assignments', keySpan(step.keys, 'assign') ?? step.name.span, [String(step.assign.length)]));
      }
    }
    for (const { step } of stepsOfKind(context, 'switch')) {
      if (step.cases.length > MAX_CONDITIONS) {
        out.push(diagnostic('too-many-conditions', keySpan(step.keys, 'switch') ?? step.name.span, [String(step.cases.length)]));
      }
    }
    for (const use of context.exprs) {
      // The limit is on the expression, not on an assignment target written without `${}`.
      if (!use.target && use.expr.text.length > MAX_EXPRESSION_LENGTH) {
        out.push(diagnostic('expression-too-long', use.expr.span, [String(use.expr.text.length)]));
      }
    }
    return out;
  },
};
