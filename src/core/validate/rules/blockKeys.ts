/**
 * Legal keys inside every sub-block: switch cases, `for` loops, `parallel` blocks and branches,
 * `retry`, `backoff` and `except` (WORKFLOWS-LANGUAGE.md §1.3). Unknown keys get a "did you mean";
 * a switch case needs `condition` [D] and a branch needs `steps` [D].
 */
import type { Diagnostic } from '../../diagnostic';
import type { Name } from '../../model/types';
import { stepsOfKind, type ValidationContext } from '../context';
import { BLOCK_KEYS, BLOCK_PHRASE, type BlockKind } from '../keys';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';
import { suggest } from '../suggest';

export const blockKeysRule: Rule = {
  codes: ['unknown-key', 'missing-key'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const unknown = (keys: readonly Name[], block: BlockKind) => {
      const allowed = BLOCK_KEYS[block];
      for (const key of keys) {
        if (allowed.includes(key.value)) continue;
        const suggestion = suggest(key.value, allowed);
        out.push(diagnostic('unknown-key', key.span, [key.value, BLOCK_PHRASE[block]], { suggestion }));
      }
    };
    for (const kind of ['switch', 'for', 'parallel', 'try'] as const) {
      for (const { step } of stepsOfKind(context, kind)) {
        switch (step.kind) {
          case 'switch':
            for (const c of step.cases) {
              unknown(c.keys, 'switchCase');
              if (!c.condition) out.push(diagnostic('missing-key', c.keys[0]?.span ?? c.span, ['condition', BLOCK_PHRASE.switchCase]));
            }
            break;
          case 'for':
            unknown(step.for.keys, 'for');
            break;
          case 'parallel':
            unknown(step.parallel.keys, 'parallel');
            if (step.parallel.for) unknown(step.parallel.for.keys, 'for');
            for (const branch of step.parallel.branches ?? []) {
              unknown(branch.keys, 'branch');
              if (!branch.keys.some((k) => k.value === 'steps')) {
                out.push(diagnostic('missing-key', branch.name.span, ['steps', BLOCK_PHRASE.branch]));
              }
            }
            break;
          case 'try':
            if (step.retry?.kind === 'custom') {
              unknown(step.retry.keys, 'retry');
              if (step.retry.backoff) unknown(step.retry.backoff.keys, 'backoff');
            }
            if (step.except) unknown(step.except.keys, 'except');
            break;
          default:
            break;
        }
      }
    }
    return out;
  },
};
