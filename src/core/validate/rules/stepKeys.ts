/**
 * Legal keys of a step body (WORKFLOWS-LANGUAGE.md §1.3): one action per step, only the companions
 * its kind allows (`raise` and `return` stand alone, though a `next` beside them is only a
 * warning), and no unknown keys, with a "did you mean".
 */
import type { Diagnostic } from '../../diagnostic';
import type { StepInfo, ValidationContext } from '../context';
import { ACTION_KEYS, KEYS_BY_KIND, KIND_PHRASE, STEP_KEYS } from '../keys';
import { diagnostic } from '../messages';
import { problemInside, type Rule } from '../rule';
import { suggest } from '../suggest';

const ACTIONS: ReadonlySet<string> = new Set(ACTION_KEYS);
const ALL_KEYS: ReadonlySet<string> = new Set(STEP_KEYS);
const ALLOWED = new Map(Object.entries(KEYS_BY_KIND).map(([kind, keys]) => [kind, new Set(keys)]));

export const stepKeysRule: Rule = {
  codes: ['unknown-key', 'key-not-allowed', 'next-ignored', 'conflicting-keys', 'step-no-action'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const routine of context.routines) {
      for (const info of routine.steps) checkStep(context, info, out);
    }
    return out;
  },
};

function checkStep(context: ValidationContext, info: StepInfo, out: Diagnostic[]): void {
  const step = info.step;
  // An inline switch-case body's unknown keys are reported once, by the switch-case block check.
  const inCase = info.synthetic && info.parent?.step.kind === 'switch';
  const primary = ACTIONS.has(step.kind) ? step.kind : step.keys.find((k) => ACTIONS.has(k.value))?.value;
  const allowed = ALLOWED.get(step.kind);
  let hasUnknownKey = false;
  for (const key of step.keys) {
    if (!ALL_KEYS.has(key.value)) {
      hasUnknownKey = true;
      if (inCase) continue;
      const suggestion = suggest(key.value, KEYS_BY_KIND[step.kind]) ?? suggest(key.value, STEP_KEYS);
      out.push(diagnostic('unknown-key', key.span, [key.value, KIND_PHRASE[step.kind]], { suggestion }));
    } else if (ACTIONS.has(key.value) && primary !== undefined && key.value !== primary) {
      out.push(diagnostic('conflicting-keys', key.span, [key.value, primary]));
    } else if (key.value === 'next' && (step.kind === 'return' || step.kind === 'raise')) {
      // Google's own demos write `next: end` after return/raise and deploy [S]: harmless, so a warning.
      out.push(diagnostic('next-ignored', key.span, [step.kind]));
    } else if (!allowed?.has(key.value)) {
      out.push(diagnostic('key-not-allowed', key.span, [key.value, KIND_PHRASE[step.kind]]));
    }
  }
  // Unknown keys already say why a step has no action (`retrun:`); saying it twice is noise.
  if (step.kind === 'invalid' && !inCase && !hasUnknownKey && !problemInside(context, step.span)) {
    out.push(diagnostic('step-no-action', step.name.span, [step.name.value]));
  }
}
