/**
 * Top-level structure (WORKFLOWS-LANGUAGE.md §1.1): `main` is required once subworkflows exist [D],
 * `main` takes at most one parameter [D], every routine has a non-empty `steps` list [D], and a
 * routine has no keys besides `params` and `steps` [E/R].
 */
import type { Diagnostic } from '../../diagnostic';
import type { ValidationContext } from '../context';
import { BLOCK_KEYS, BLOCK_PHRASE } from '../keys';
import { diagnostic } from '../messages';
import { problemInside, type Rule } from '../rule';
import { suggest } from '../suggest';

export const structureRule: Rule = {
  codes: ['missing-main', 'main-params', 'routine-no-steps', 'unknown-key'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const { workflow } = context;
    if (workflow.form === 'invalid') return out;
    const routines = workflow.routines;
    if (workflow.form === 'routines' && routines.length > 0 && !context.routineByName.has('main')) {
      out.push(diagnostic('missing-main', routines[0].name.span, []));
    }
    for (const routine of routines) {
      if (routine.name.value === 'main' && routine.params.length > 1) {
        const extra = routine.params.slice(1);
        out.push(diagnostic('main-params', { start: extra[0].span.start, end: extra[extra.length - 1].span.end }, []));
      }
      if (routine.steps.length === 0 && !problemInside(context, routine.span)) {
        out.push(diagnostic('routine-no-steps', routine.stepsSpan ?? routine.name.span, [routine.name.value]));
      }
      if (workflow.form !== 'routines') continue;
      for (const key of routine.keys) {
        if (BLOCK_KEYS.routine.includes(key.value)) continue;
        const suggestion = suggest(key.value, BLOCK_KEYS.routine);
        out.push(diagnostic('unknown-key', key.span, [key.value, BLOCK_PHRASE.routine], { suggestion }));
      }
    }
    return out;
  },
};
