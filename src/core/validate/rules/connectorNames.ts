/**
 * Connector names (`googleapis.<api>.<version>.<resource>.<method>`, `gke.<function>`) in call steps
 * and in expressions, checked against the connector catalogue: an unknown API, version or method
 * is an error, flagged on the wrong part of the name with a did-you-mean. Methods of an API whose
 * data is derived from another version (integrations v1) are only a warning when missing.
 */
import type { Diagnostic } from '../../diagnostic';
import { connectorApi, isConnectorNamespace, resolveConnector } from '../../connectors/catalogue';
import { calls } from '../../expr/walk';
import type { Span } from '../../location';
import { stepsOfKind, type ValidationContext } from '../context';
import { documentSpan } from '../exprNodes';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';

export const connectorNamesRule: Rule = {
  codes: ['unknown-connector-api', 'unknown-connector-version', 'unknown-connector-method', 'unlisted-connector-method'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { step } of stepsOfKind(context, 'call')) {
      const name = step.call.value;
      if (!isConnectorNamespace(name) || context.routineByName.has(name)) continue;
      const quoted = /^["']/.test(context.workflow.text.slice(step.call.span.start, step.call.span.start + 1));
      checkName(name, step.call.span.start + (quoted ? 1 : 0), out);
    }
    for (const use of context.exprs) {
      if (!use.expr.parsed.ok) continue;
      for (const call of calls(use.expr.parsed.expr)) {
        if (!isConnectorNamespace(call.callee) || context.routineByName.has(call.callee)) continue;
        checkName(call.callee, documentSpan(use.expr, call.calleeSpan).start, out);
      }
    }
    return out;
  },
};

/** Reports what is wrong with `name`, which starts at document offset `at`. */
export function checkName(name: string, at: number, out: Diagnostic[]): void {
  const r = resolveConnector(name);
  const span = (s: { start: number; end: number }): Span => ({ start: at + s.start, end: at + s.end });
  switch (r.kind) {
    case 'unknown-api':
      out.push(diagnostic('unknown-connector-api', span(r.span), [r.api], { suggestion: r.suggestion }));
      return;
    case 'unknown-version': {
      const versions = versionsOf(r.api);
      out.push(diagnostic('unknown-connector-version', span(r.span), [r.version, r.api, versions], { suggestion: r.suggestion }));
      return;
    }
    case 'unknown-method': {
      const api = name.split('.').slice(0, name.startsWith('gke.') ? 1 : 3).join('.');
      const code = r.approximate ? 'unlisted-connector-method' : 'unknown-connector-method';
      out.push(diagnostic(code, span(r.span), [r.method, api], { suggestion: r.suggestion }));
      return;
    }
  }
}

function versionsOf(api: string): string {
  const versions = connectorApi(api)?.versions ?? [];
  return versions.length === 1 ? versions[0] : `${versions.slice(0, -1).join(', ')} and ${versions[versions.length - 1]}`;
}
