/**
 * The `parallel` block (WORKFLOWS-LANGUAGE.md §1.3 parallel, §6): exactly one of `branches`/`for`
 * [D]; `exception_policy` only `continueAll` [D]; `concurrency_limit` a positive integer or an
 * expression [D]. Limits that only third parties state [R/E] are warnings: more than 10 branches,
 * a literal `concurrency_limit` above 20, and parallel steps nested deeper than 2.
 */
import type { Diagnostic } from '../../diagnostic';
import { stepsOfKind, type ValidationContext } from '../context';
import { diagnostic } from '../messages';
import { keySpan, problemInside, valueSpan, type Rule } from '../rule';

const MAX_BRANCHES = 10;
const MAX_CONCURRENCY = 20;
const MAX_NESTING = 2;

export const parallelShapeRule: Rule = {
  codes: ['parallel-branches-or-for', 'exception-policy', 'concurrency-limit', 'concurrency-limit-high', 'too-many-branches', 'parallel-nesting'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const info of stepsOfKind(context, 'parallel')) {
      const step = info.step;
      const block = step.parallel;
      const parallelKey = keySpan(step.keys, 'parallel') ?? step.name.span;
      const hasBranches = block.keys.some((k) => k.value === 'branches');
      const hasFor = block.keys.some((k) => k.value === 'for');
      if (hasBranches === hasFor && !problemInside(context, block.span)) {
        out.push(diagnostic('parallel-branches-or-for', hasFor ? (keySpan(block.keys, 'for') ?? parallelKey) : parallelKey, []));
      }
      const policy = block.exceptionPolicy;
      if (policy && !(policy.kind === 'expr' || (policy.kind === 'scalar' && policy.value === 'continueAll'))) {
        out.push(diagnostic('exception-policy', valueSpan(policy, block.keys, 'exception_policy'), []));
      }
      const limit = block.concurrencyLimit;
      if (limit && limit.kind !== 'expr') {
        const positiveInt = limit.kind === 'scalar' && typeof limit.value === 'bigint' && limit.value > 0n;
        if (!positiveInt) out.push(diagnostic('concurrency-limit', valueSpan(limit, block.keys, 'concurrency_limit'), []));
        else if ((limit.value as bigint) > MAX_CONCURRENCY) {
          out.push(diagnostic('concurrency-limit-high', limit.span, [String(limit.value)]));
        }
      }
      const branches = block.branches ?? [];
      if (branches.length > MAX_BRANCHES) {
        out.push(diagnostic('too-many-branches', keySpan(block.keys, 'branches') ?? parallelKey, [String(branches.length)]));
      }
      const depth = info.parallelDepth + 1;
      if (depth > MAX_NESTING) out.push(diagnostic('parallel-nesting', parallelKey, [String(depth)]));
    }
    return out;
  },
};
