/**
 * `sys.log` severities: a literal `severity` argument (named, or second in a positional list
 * [D stdlib/sys/log]) must be one of Google's nine; the engine raises a ValueError for anything
 * else, so lint reports it first, with a did-you-mean (`WARN` → `WARNING`, `info` → `INFO`).
 * Expressions are left to run time.
 */
import type { Diagnostic } from '../../diagnostic';
import type { Value } from '../../model/types';
import { isLogSeverity, LOG_SEVERITIES } from '../../stdlib/logSeverities';
import { stepsOfKind, type ValidationContext } from '../context';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';
import { suggest } from '../suggest';

export const logSeverityRule: Rule = {
  codes: ['unknown-log-severity'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { step } of stepsOfKind(context, 'call')) {
      if (step.call.value !== 'sys.log') continue;
      const severity = severityArgument(step.args);
      if (severity?.kind !== 'scalar' || typeof severity.value !== 'string' || isLogSeverity(severity.value)) continue;
      const value = severity.value;
      out.push(diagnostic('unknown-log-severity', severity.span, [value, LOG_SEVERITIES.join(', ')], { suggestion: closest(value) }));
    }
    return out;
  },
};

function severityArgument(args: Value | undefined): Value | undefined {
  if (args?.kind === 'list') return args.items[1];
  if (args?.kind !== 'map') return undefined;
  return args.entries.find((e) => e.key.kind === 'scalar' && e.key.value === 'severity')?.value;
}

/** `info` → `INFO`, `WARN` → `WARNING` (the one severity it abbreviates), `EROR` → `ERROR`. */
function closest(value: string): string | undefined {
  const upper = value.toUpperCase();
  if (isLogSeverity(upper)) return upper;
  const abbreviated = LOG_SEVERITIES.filter((s) => upper.length >= 3 && s.startsWith(upper));
  return abbreviated.length === 1 ? abbreviated[0] : suggest(upper, LOG_SEVERITIES);
}
