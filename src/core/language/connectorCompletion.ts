/**
 * The connector part of completion: connector names level by level in `call:` and inside `${}`
 * (`googleapis.` → API → version → resource → method), the arguments of a connector call under
 * `args:`, and the keys of `connector_params` and its `polling_policy`. Pure (no `vscode` import).
 */
import { CONNECTOR_PARAMS_KEYS, isConnectorNamespace, lookupConnectorMethod, POLLING_POLICY_KEYS } from '../connectors/catalogue';
import { completeConnectorName, CONNECTOR_ROOTS, type ConnectorCompletion } from '../connectors/complete';
import type { Span } from '../location';
import type { Completion, CompletionKind, KeyCandidate } from './completion';
import { connectorHover } from './connectorDocs';

const KIND: Record<ConnectorCompletion['level'], CompletionKind> = {
  namespace: 'module',
  api: 'module',
  version: 'module',
  resource: 'folder',
  method: 'method',
};

/** What each `connector_params` and `polling_policy` key means. */
export const CONNECTOR_PARAM_DOCS: Readonly<Record<string, string>> = {
  timeout: 'Seconds the whole call may take: an integer from 1 to 31536000 (default 1800).',
  polling_policy: 'How a long-running operation is polled: initial_delay (1.0), multiplier (1.25), max_delay (60.0).',
  skip_polling: 'true: return the first response (the operation) without waiting for it.',
  scopes: 'OAuth2 scopes for the call: a string or a list (default cloud-platform).',
  initial_delay: 'Seconds before the first poll (default 1.0).',
  multiplier: 'Growth of the delay between polls (default 1.25).',
  max_delay: 'Longest delay between polls, in seconds (default 60.0).',
};

/**
 * The connector names that may follow the dotted name `prefix`, replacing `range`: the namespace
 * roots where nothing dotted is typed yet, else the next level. Items keep the catalogue's order
 * (Google's table, versions as listed, resources before methods).
 */
export function connectorNameCompletions(prefix: string, range: Span): Completion[] {
  const found = prefix.includes('.') ? completeConnectorName(prefix) : CONNECTOR_ROOTS;
  return found.map((c, i) => {
    const item: Completion = { label: c.label, description: c.detail, kind: KIND[c.level], insertText: c.name, snippet: false, range, filterText: c.name, sortText: String(i).padStart(4, '0') };
    if (c.method) {
      item.detail = c.method.fullName;
      item.documentation = { kind: 'markdown', value: connectorHover(c.method) };
    } else {
      // Not a whole name yet: insert the next dot and ask for the next level.
      item.insertText = `${c.name}.`;
      item.retrigger = true;
    }
    return item;
  });
}

/**
 * The keys a connector call takes at a key position whose enclosing keys end with `last` and
 * `parent`: the method's arguments under `args`, the `connector_params` keys, the `polling_policy`
 * keys, less those in `present`. Undefined when the position is none of these (or `callee` is not a connector).
 */
export function connectorKeyCandidates(callee: string | undefined, last: string | undefined, parent: string | undefined, present: readonly string[]): KeyCandidate[] | undefined {
  const number = (i: number, required = false): string => `${required ? 0 : 1}${String(i).padStart(3, '0')}`;
  if (last === 'polling_policy' && parent === 'connector_params') {
    return POLLING_POLICY_KEYS.filter((k) => !present.includes(k)).map((k, i) => ({ name: k, kind: 'field', detail: 'number', documentation: CONNECTOR_PARAM_DOCS[k], sortText: number(i), value: 'scalar' }));
  }
  if (!callee || !isConnectorNamespace(callee)) return undefined;
  if (last === 'connector_params' && parent === 'args') {
    return CONNECTOR_PARAMS_KEYS.filter((k) => !present.includes(k)).map((k, i) => ({ name: k, kind: 'field', detail: 'connector_params', documentation: CONNECTOR_PARAM_DOCS[k], sortText: number(i), value: k === 'polling_policy' ? 'map' : 'scalar' }));
  }
  if (last !== 'args') return undefined;
  const method = lookupConnectorMethod(callee);
  return method?.args.filter((a) => !present.includes(a.name)).map((a, i) => ({
    name: a.name,
    kind: 'field',
    detail: `${a.required ? 'required' : 'optional'} ${a.kind === 'body' ? `body: ${a.type}` : a.kind}`,
    documentation: a.doc,
    sortText: number(i, a.required),
    value: a.kind === 'body' || a.kind === 'connector_params' ? 'map' : 'scalar',
  }));
}
