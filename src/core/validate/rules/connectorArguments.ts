/**
 * Arguments of connector call steps, from the catalogue (`checkConnectorArgs`): a missing path
 * parameter (or required helper argument) is an error; an argument the method does not list is a
 * warning, since Google's connectors may accept API fields newer than the catalogue; `body` given
 * to a method without one, or missing where the method takes one, is a warning.
 */
import type { Diagnostic } from '../../diagnostic';
import { isConnectorNamespace, resolveConnector } from '../../connectors/catalogue';
import { methodArgProblems } from '../../connectors/checkArgs';
import { stepsOfKind, type ValidationContext } from '../context';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';

export const connectorArgumentsRule: Rule = {
  codes: ['missing-argument', 'unknown-connector-argument', 'connector-body-not-accepted', 'connector-body-missing'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { step } of stepsOfKind(context, 'call')) {
      const callee = step.call.value;
      if (!isConnectorNamespace(callee) || context.routineByName.has(callee)) continue;
      const resolved = resolveConnector(callee);
      if (resolved.kind !== 'method') continue;
      const args = step.args;
      if (args && args.kind !== 'map') continue;
      const entries = args?.entries ?? [];
      // A `${key}` argument name could be anything: don't guess what is missing.
      if (entries.some((e) => e.key.kind === 'expr')) continue;
      const keys = entries.map((e) => String(e.key.kind === 'scalar' ? e.key.value : ''));
      const keySpan = (name: string) => entries.find((e) => e.key.kind === 'scalar' && e.key.value === name)?.key.span ?? step.call.span;
      const query = entries.find((e) => e.key.kind === 'scalar' && e.key.value === 'query')?.value;
      const queryKeys = query?.kind === 'map' ? query.entries.map((e) => String(e.key.kind === 'scalar' ? e.key.value : '')) : [];
      for (const problem of methodArgProblems(resolved.method, keys, queryKeys)) {
        switch (problem.kind) {
          case 'missing-argument':
            out.push(diagnostic('missing-argument', step.call.span, [problem.name, callee]));
            break;
          case 'unknown-argument':
            out.push(diagnostic('unknown-connector-argument', keySpan(problem.name), [problem.name, callee], { suggestion: problem.suggestion }));
            break;
          case 'body-not-accepted':
            out.push(diagnostic('connector-body-not-accepted', keySpan('body'), [callee]));
            break;
          case 'body-missing':
            out.push(diagnostic('connector-body-missing', step.call.span, [callee, problem.type]));
            break;
        }
      }
    }
    return out;
  },
};
