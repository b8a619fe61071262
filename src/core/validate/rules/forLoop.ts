/**
 * The shape of a `for` loop, plain or parallel (WORKFLOWS-LANGUAGE.md §1.3 for): `value` and `steps`
 * are required, exactly one of `in`/`range` [D], `index` only with `in` [R], and `range` is a
 * two-element list or one expression [D/S].
 */
import type { Diagnostic } from '../../diagnostic';
import type { Span } from '../../location';
import type { ForLoop, Value } from '../../model/types';
import { stepsOfKind, type ValidationContext } from '../context';
import { BLOCK_PHRASE } from '../keys';
import { diagnostic } from '../messages';
import { keySpan, problemInside, type Rule } from '../rule';

export const forLoopRule: Rule = {
  codes: ['missing-key', 'for-in-or-range', 'for-index-with-range', 'for-range-shape'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const check = (loop: ForLoop, forKey: Span) => {
      if (!problemInside(context, loop.span)) checkLoop(loop, forKey, out);
    };
    for (const { step } of stepsOfKind(context, 'for')) check(step.for, keySpan(step.keys, 'for') ?? step.name.span);
    for (const { step } of stepsOfKind(context, 'parallel')) {
      if (step.parallel.for) check(step.parallel.for, keySpan(step.parallel.keys, 'for') ?? step.name.span);
    }
    return out;
  },
};

function checkLoop(loop: ForLoop, forKey: Span, out: Diagnostic[]): void {
  const has = (key: string) => loop.keys.some((k) => k.value === key);
  if (!has('value')) out.push(diagnostic('missing-key', forKey, ['value', BLOCK_PHRASE.for]));
  if (!has('steps')) out.push(diagnostic('missing-key', forKey, ['steps', BLOCK_PHRASE.for]));
  if (has('in') === has('range')) {
    out.push(diagnostic('for-in-or-range', has('range') ? (keySpan(loop.keys, 'range') as Span) : forKey, []));
  }
  const index = keySpan(loop.keys, 'index');
  if (index && has('range') && !has('in')) out.push(diagnostic('for-index-with-range', index, []));
  const range = loop.range;
  if (range && !isRangeShape(range)) out.push(diagnostic('for-range-shape', range.span, []));
}

function isRangeShape(range: Value): boolean {
  if (range.kind === 'expr') return true;
  if (range.kind !== 'list' || range.items.length !== 2) return false;
  return range.items.every((item) => item.kind === 'expr' || (item.kind === 'scalar' && (typeof item.value === 'number' || typeof item.value === 'bigint')));
}
