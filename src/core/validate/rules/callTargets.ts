/**
 * `call` targets (WORKFLOWS-LANGUAGE.md §1.3 call): a standard-library function (blocking or not),
 * a subworkflow of this file, or a connector of the shape `googleapis.SERVICE.VERSION.….METHOD`.
 * See `callees.ts` for when an unknown name is an error and when only a warning.
 */
import type { Diagnostic } from '../../diagnostic';
import { resolveCallee } from '../callees';
import { stepsOfKind, type ValidationContext } from '../context';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';

export const callTargetsRule: Rule = {
  codes: ['unknown-call-target', 'undocumented-call-target'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { step } of stepsOfKind(context, 'call')) {
      if (step.call.value === '') continue;
      const callee = resolveCallee(step.call.value, context.routineByName);
      if (callee.kind !== 'unknown') continue;
      const code = callee.documentedModule ? 'unknown-call-target' : 'undocumented-call-target';
      out.push(diagnostic(code, step.call.span, [step.call.value], { suggestion: callee.suggestion }));
    }
    return out;
  },
};
