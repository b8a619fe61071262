import * as vscode from 'vscode';
import { CONNECTOR_PARAMS_KEYS, isConnectorNamespace, lookupConnectorMethod, POLLING_POLICY_KEYS } from '../../core/connectors/catalogue';
import { completeConnectorName, CONNECTOR_ROOTS, type ConnectorCompletion } from '../../core/connectors/complete';
import type { Workflow } from '../../core/model/types';
import { toRange } from '../util/ranges';
import { formatOf, isWorkflowDocument } from '../workflowFiles';
import { connectorHover } from '../../core/language/connectorDocs';
import { cursorContext } from '../../core/language/cursorContext';
import type { WorkflowCache } from './workflowCache';
import { stepsOf } from '../../core/language/workflowQuery';

const KIND: Record<ConnectorCompletion['level'], vscode.CompletionItemKind> = {
  namespace: vscode.CompletionItemKind.Module,
  api: vscode.CompletionItemKind.Module,
  version: vscode.CompletionItemKind.Module,
  resource: vscode.CompletionItemKind.Folder,
  method: vscode.CompletionItemKind.Method,
};

const PARAM_DOCS: Record<string, string> = {
  timeout: 'Seconds the whole call may take: an integer from 1 to 31536000 (default 1800).',
  polling_policy: 'How a long-running operation is polled: initial_delay (1.0), multiplier (1.25), max_delay (60.0).',
  skip_polling: 'true: return the first response (the operation) without waiting for it.',
  scopes: 'OAuth2 scopes for the call: a string or a list (default cloud-platform).',
  initial_delay: 'Seconds before the first poll (default 1.0).',
  multiplier: 'Growth of the delay between polls (default 1.25).',
  max_delay: 'Longest delay between polls, in seconds (default 60.0).',
};

/**
 * Completes connector names level by level in `call:` and inside `${}` (`googleapis.` → API →
 * version → resource → method), the arguments of a connector call under `args:`, and the keys of
 * `connector_params` and its `polling_policy`.
 */
export class ConnectorCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['.'];

  constructor(private readonly cache: WorkflowCache) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.CompletionItem[] | undefined {
    if (!isWorkflowDocument(document)) return undefined;
    const offset = document.offsetAt(position);
    const context = cursorContext(document.getText(), offset);
    if (!context || token.isCancellationRequested) return undefined;
    const range = toRange(document, context.span);
    switch (context.kind) {
      case 'call':
      case 'expression': {
        const items = context.prefix.includes('.') ? completeConnectorName(context.prefix) : CONNECTOR_ROOTS;
        return items.map((c, i) => nameItem(c, i, range));
      }
      case 'key': {
        if (formatOf(document) !== 'yaml') return undefined;
        const [last, parent] = [context.path[context.path.length - 1], context.path[context.path.length - 2]];
        const keys = keyCompletions(this.cache.workflow(document), offset, last, parent);
        return keys?.filter((k) => !context.siblings.includes(k.name)).map((k, i) => keyItem(k, i, range));
      }
      default:
        return undefined;
    }
  }
}

interface KeyCompletion {
  name: string;
  detail: string;
  doc: string;
  required?: boolean;
  block?: boolean;
}

function keyCompletions(workflow: Workflow, offset: number, last: string, parent: string): KeyCompletion[] | undefined {
  if (last === 'polling_policy' && parent === 'connector_params') {
    return POLLING_POLICY_KEYS.map((k) => ({ name: k, detail: 'number', doc: PARAM_DOCS[k] }));
  }
  const callee = callAt(workflow, offset);
  if (!callee || !isConnectorNamespace(callee)) return undefined;
  if (last === 'connector_params' && parent === 'args') {
    return CONNECTOR_PARAMS_KEYS.map((k) => ({ name: k, detail: 'connector_params', doc: PARAM_DOCS[k], block: k === 'polling_policy' }));
  }
  if (last !== 'args') return undefined;
  const method = lookupConnectorMethod(callee);
  return method?.args.map((a) => ({
    name: a.name,
    detail: `${a.required ? 'required' : 'optional'} ${a.kind === 'body' ? `body: ${a.type}` : a.kind}`,
    doc: a.doc,
    required: a.required,
    block: a.kind === 'body' || a.kind === 'connector_params',
  }));
}

/** The callee of the call step the cursor is in: the last call step that starts before it. */
function callAt(workflow: Workflow, offset: number): string | undefined {
  const routine = workflow.routines.filter((r) => r.span.start <= offset).pop();
  const call = routine && stepsOf(routine).map((v) => v.step).filter((s) => s.kind === 'call' && s.span.start <= offset).pop();
  return call?.kind === 'call' ? call.call.value : undefined;
}

/** Items keep the catalogue's order (Google's table, versions as listed, resources before methods). */
function nameItem(c: ConnectorCompletion, index: number, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KIND[c.level]);
  item.range = range;
  item.filterText = c.name;
  item.sortText = String(index).padStart(4, '0');
  if (c.method) {
    item.insertText = c.name;
    item.detail = c.method.fullName;
    item.documentation = new vscode.MarkdownString(connectorHover(c.method));
  } else {
    // Not a whole name yet: insert the next dot and ask for the next level.
    item.insertText = `${c.name}.`;
    item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  }
  return item;
}

function keyItem(k: KeyCompletion, index: number, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem(k.name, vscode.CompletionItemKind.Field);
  item.detail = k.detail;
  item.documentation = k.doc;
  item.range = range;
  item.sortText = `${k.required ? 0 : 1}${String(index).padStart(3, '0')}`;
  item.insertText = k.block ? new vscode.SnippetString(`${k.name}:\n\t$0`) : `${k.name}: `;
  return item;
}
