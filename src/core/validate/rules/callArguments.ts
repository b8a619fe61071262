/**
 * Arguments of call steps. A subworkflow takes a map of its parameter names: every required one
 * must be given and no other [R]. A standard-library function takes a map of its documented
 * argument names or a positional list [D stdlib/sys/log]; missing required arguments are deploy
 * errors (`text.substring` without `end` [D]). Connector arguments are checked by
 * `connectorArguments.ts`.
 */
import type { Diagnostic, RelatedInformation } from '../../diagnostic';
import type { Span } from '../../location';
import type { CallStep, Routine } from '../../model/types';
import { resolveCallee, routineParams } from '../callees';
import { stepsOfKind, type ValidationContext } from '../context';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';
import { suggest } from '../suggest';

interface Param {
  name: string;
  optional?: boolean;
}

export const callArgumentsRule: Rule = {
  codes: ['args-not-map', 'missing-argument', 'unknown-argument', 'too-many-arguments'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { step } of stepsOfKind(context, 'call')) {
      const callee = resolveCallee(step.call.value, context.routineByName);
      if (callee.kind === 'subworkflow') {
        if (step.args?.kind === 'list') out.push(diagnostic('args-not-map', step.args.span, [step.call.value]));
        else checkArgs(step, routineParams(callee.routine), true, paramsInfo(callee.routine), out);
      } else if (callee.kind === 'function') {
        checkArgs(step, callee.fn.params, true, undefined, out);
      }
    }
    return out;
  },
};

function paramsInfo(routine: Routine): RelatedInformation[] {
  return [{ span: routine.paramsSpan ?? routine.name.span, message: `Parameters of '${routine.name.value}'.` }];
}

function checkArgs(step: CallStep, params: readonly Param[], strict: boolean, related: RelatedInformation[] | undefined, out: Diagnostic[]): void {
  const callee = step.call.value;
  const args = step.args;
  const missing = (given: (p: Param, index: number) => boolean, span: Span) => {
    params.forEach((p, i) => {
      if (!p.optional && !given(p, i)) out.push(diagnostic('missing-argument', span, [p.name, callee], { related }));
    });
  };
  if (!args) {
    missing(() => false, step.call.span);
    return;
  }
  if (args.kind === 'list') {
    if (args.items.length > params.length) {
      out.push(diagnostic('too-many-arguments', args.span, [callee, String(params.length), String(args.items.length)]));
    }
    missing((_, i) => i < args.items.length, step.call.span);
    return;
  }
  if (args.kind !== 'map') return;
  // A `${key}` argument name could be anything: don't guess what is missing.
  if (args.entries.some((e) => e.key.kind === 'expr')) return;
  const names = new Set(args.entries.map((e) => String(e.key.kind === 'scalar' ? e.key.value : '')));
  const known = params.map((p) => p.name);
  if (strict) {
    for (const entry of args.entries) {
      const name = String(entry.key.kind === 'scalar' ? entry.key.value : '');
      if (known.includes(name)) continue;
      out.push(diagnostic('unknown-argument', entry.key.span, [name, callee], { suggestion: suggest(name, known), related }));
    }
  }
  missing((p) => names.has(p.name), step.call.span);
}
