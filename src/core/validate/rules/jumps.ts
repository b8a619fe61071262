/**
 * `next` targets, by the structural semantics (`core/semantics`, WORKFLOWS-LANGUAGE.md §1.3 next):
 * `end` anywhere; `break` and `continue` inside a `for` loop (a parallel `for` takes `continue`
 * only) [D]; a step name of the same routine that the jump can reach: a step of its own list, of a
 * list around it, or of a `steps:` group in one of those. Entering a `for` body, a switch case, a
 * `try` body or an `except` block, and leaving a parallel branch or iteration, are refused [R], as
 * the engine refuses them. The value is flagged; an unknown name gets a "did you mean".
 */
import type { Diagnostic } from '../../diagnostic';
import type { StepContainer } from '../../model/query';
import type { Name } from '../../model/types';
import { BLOCK_PHRASES, jumpVerdict } from '../../semantics';
import type { StepInfo, ValidationContext } from '../context';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';
import { suggest } from '../suggest';

export const jumpsRule: Rule = {
  codes: ['unknown-next-target', 'jump-outside-loop', 'next-into-block', 'next-out-of-parallel', 'break-in-parallel-for'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { from, target } of context.jumps) {
      const found = checkTarget(from, target);
      if (found) out.push(found);
    }
    return out;
  },
};

function checkTarget(info: StepInfo, target: Name): Diagnostic | undefined {
  const name = target.value;
  const verdict = jumpVerdict(info.routine.semantics, info.place, name);
  if (verdict.ok) return undefined;
  const block = verdict.block;
  switch (verdict.refusal) {
    case 'outside-loop':
      return diagnostic('jump-outside-loop', target.span, [name]);
    case 'break-parallel-for':
      return diagnostic('break-in-parallel-for', target.span, [ownerOf(block)]);
    case 'out-of-thread':
      return diagnostic('next-out-of-parallel', target.span, [name, phrase(block), ownerOf(block)]);
    case 'into-block':
      return diagnostic('next-into-block', target.span, [name, phrase(block), ownerOf(block)]);
    default: {
      const routine = info.routine;
      const suggestion = suggest(name, routine.byName.keys());
      return diagnostic('unknown-next-target', target.span, [name, routine.routine.name.value], { suggestion });
    }
  }
}

function phrase(block: StepContainer | undefined): string {
  return block ? BLOCK_PHRASES[block.kind] : 'a block';
}

function ownerOf(block: StepContainer | undefined): string {
  return block ? block.step.name.value : '';
}
