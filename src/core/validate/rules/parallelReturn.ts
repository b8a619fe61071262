/**
 * What a parallel branch may not do besides jumping (see `jumps.ts`): `return`, which would end the
 * routine from one of several concurrent threads (WORKFLOWS-LANGUAGE.md §1.3 parallel; Google is
 * silent, §8.6 [R]: refused, as the engine refuses it). Reported on the `return` key.
 */
import type { Diagnostic } from '../../diagnostic';
import { BLOCK_PHRASES, returnVerdict } from '../../semantics';
import { stepsOfKind, type ValidationContext } from '../context';
import { diagnostic } from '../messages';
import { keySpan, type Rule } from '../rule';

export const parallelReturnRule: Rule = {
  codes: ['return-in-parallel'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const info of stepsOfKind(context, 'return')) {
      const verdict = returnVerdict(info.place);
      if (verdict.ok || !verdict.block) continue;
      const span = keySpan(info.step.keys, 'return') ?? info.step.name.span;
      out.push(diagnostic('return-in-parallel', span, [BLOCK_PHRASES[verdict.block.kind], verdict.block.step.name.value]));
    }
    return out;
  },
};
