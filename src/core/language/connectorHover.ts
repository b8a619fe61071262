/**
 * Hover for connectors: on a connector name (description, HTTP method and URL, the LRO note and
 * Google's reference page) and on an argument name under a connector call's `args:` (where it goes
 * and its description). Pure (no `vscode` import).
 */
import { isConnectorNamespace, lookupConnectorMethod } from '../connectors/catalogue';
import type { Span } from '../location';
import type { Workflow } from '../model/types';
import { argumentHover, connectorHover } from './connectorDocs';
import { symbolAt } from './symbolAt';
import { stepsOf } from './workflowQuery';

/** The Markdown to show at `offset` and the span it is about, when the cursor is on a connector or one of its arguments. */
export function connectorHoverAt(workflow: Workflow, offset: number): { span: Span; markdown: string } | undefined {
  const argument = argumentAt(workflow, offset);
  if (argument) return argument;
  const symbol = symbolAt(workflow, offset);
  if (symbol?.kind !== 'callable' || !isConnectorNamespace(symbol.name)) return undefined;
  const method = lookupConnectorMethod(symbol.name);
  return method ? { span: symbol.span, markdown: connectorHover(method) } : undefined;
}

/** The argument key under the cursor in a connector call step's `args:` map, described. */
function argumentAt(workflow: Workflow, offset: number): { span: Span; markdown: string } | undefined {
  const routine = workflow.routines.find((r) => r.span.start <= offset && offset <= r.span.end);
  const step = routine && stepsOf(routine).map((v) => v.step).find((s) => s.kind === 'call' && s.args?.kind === 'map' && s.args.span.start <= offset && offset <= s.args.span.end);
  if (step?.kind !== 'call' || step.args?.kind !== 'map' || !isConnectorNamespace(step.call.value)) return undefined;
  const key = step.args.entries.map((e) => e.key).find((k) => k.kind === 'scalar' && k.span.start <= offset && offset <= k.span.end);
  const method = key && lookupConnectorMethod(step.call.value);
  const arg = method?.args.find((a) => key?.kind === 'scalar' && a.name === key.value);
  return key && method && arg ? { span: key.span, markdown: argumentHover(method, arg) } : undefined;
}
