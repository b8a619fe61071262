/**
 * The `try` step (WORKFLOWS-LANGUAGE.md §1.3 try/retry/except): it needs `retry` or `except` [R],
 * `max_retries` is a non-negative integer or an expression [D], backoff values are positive
 * numbers or expressions [D/R], a retry that is not a map is a policy expression [D], and a `for` written directly as the try body does not deploy
 * ("loop step name should not be empty", a documented known issue [D]).
 */
import type { Diagnostic } from '../../diagnostic';
import type { Value } from '../../model/types';
import { stepsOfKind, type ValidationContext } from '../context';
import { diagnostic } from '../messages';
import { keySpan, problemInside, valueSpan, type Rule } from '../rule';

export const tryShapeRule: Rule = {
  codes: ['try-needs-handler', 'for-directly-in-try', 'retry-policy', 'max-retries', 'backoff-value'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { step } of stepsOfKind(context, 'try')) {
      if (!step.keys.some((k) => k.value === 'retry' || k.value === 'except')) {
        out.push(diagnostic('try-needs-handler', keySpan(step.keys, 'try') ?? step.name.span, []));
      }
      const inlineFor = step.inline ? step.try[0] : undefined;
      if (inlineFor?.kind === 'for') {
        out.push(diagnostic('for-directly-in-try', keySpan(inlineFor.keys, 'for') ?? step.trySpan, []));
      }
      const retry = step.retry;
      if (retry?.kind === 'policy' && retry.policy.kind !== 'expr' && !problemInside(context, retry.span)) {
        out.push(diagnostic('retry-policy', valueSpan(retry.policy, step.keys, 'retry'), []));
      }
      if (retry?.kind !== 'custom') continue;
      const max = retry.maxRetries;
      if (max && !isExpr(max) && !(isNumber(max) && max.kind === 'scalar' && max.isInt && (max.value as bigint) >= 0n)) {
        out.push(diagnostic('max-retries', valueSpan(max, retry.keys, 'max_retries'), []));
      }
      const backoff = retry.backoff;
      const values: [string, Value | undefined][] = [
        ['initial_delay', backoff?.initialDelay],
        ['max_delay', backoff?.maxDelay],
        ['multiplier', backoff?.multiplier],
      ];
      for (const [key, value] of values) {
        if (value && !isExpr(value) && !(isNumber(value) && (value as { value: number | bigint }).value > 0)) {
          out.push(diagnostic('backoff-value', valueSpan(value, backoff?.keys ?? [], key), [key]));
        }
      }
    }
    return out;
  },
};

function isExpr(value: Value): boolean {
  return value.kind === 'expr';
}

function isNumber(value: Value): boolean {
  return value.kind === 'scalar' && (typeof value.value === 'number' || typeof value.value === 'bigint');
}
