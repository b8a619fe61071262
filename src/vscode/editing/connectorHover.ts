import * as vscode from 'vscode';
import { isConnectorNamespace, lookupConnectorMethod } from '../../core/connectors/catalogue';
import { toRange } from '../util/ranges';
import { isWorkflowDocument } from '../workflowFiles';
import { argumentHover, connectorHover } from '../../core/language/connectorDocs';
import { stepsOf } from '../../core/language/workflowQuery';
import type { Span } from '../../core/location';
import type { Workflow } from '../../core/model/types';
import { symbolAt } from '../../core/language/symbolAt';
import type { WorkflowCache } from './workflowCache';

/**
 * Hover on a connector name (description, HTTP method and URL, the LRO note and Google's reference
 * page) and on an argument name under a connector call's `args:` (where it goes and its description).
 */
export class ConnectorHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: WorkflowCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isWorkflowDocument(document)) return undefined;
    const workflow = this.cache.workflow(document);
    const offset = document.offsetAt(position);
    const argument = argumentAt(workflow, offset);
    if (argument) return new vscode.Hover(new vscode.MarkdownString(argument.markdown), toRange(document, argument.span));
    const symbol = symbolAt(workflow, offset);
    if (symbol?.kind !== 'callable' || !isConnectorNamespace(symbol.name)) return undefined;
    const method = lookupConnectorMethod(symbol.name);
    if (!method) return undefined;
    const markdown = new vscode.MarkdownString(connectorHover(method));
    return new vscode.Hover(markdown, toRange(document, symbol.span));
  }
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
