/**
 * Connector name completion, level by level: `googleapis.` → API → version → resource → method
 * (and `gke.` → function). Given the dotted name typed so far, returns the next segments with the
 * full name each would complete to. Pure; the editor glue turns these into completion items.
 */
import { CONNECTOR_APIS, connectorMethods, type ConnectorMethod } from './catalogue';

export interface ConnectorCompletion {
  /** The segment offered, e.g. `storage`, `v1`, `objects`, `get`. */
  readonly label: string;
  /** The whole name up to and including the segment, e.g. `googleapis.storage.v1.objects`. */
  readonly name: string;
  readonly level: 'namespace' | 'api' | 'version' | 'resource' | 'method';
  /** A short description: the product, the version's method count, the method's HTTP call. */
  readonly detail: string;
  /** The method, when the segment completes one. */
  readonly method?: ConnectorMethod;
}

/** Namespace roots offered where a call target or an expression starts. */
export const CONNECTOR_ROOTS: readonly ConnectorCompletion[] = [
  { label: 'googleapis', name: 'googleapis', level: 'namespace', detail: 'Google Cloud connectors' },
  { label: 'gke', name: 'gke', level: 'namespace', detail: 'Kubernetes API connector (GKE)' },
];

/**
 * The completions for the dotted name `typed` (e.g. `googleapis.storage.v1.obj`): the segments
 * that may follow its last dot. Empty when `typed` is not inside a connector namespace.
 */
export function completeConnectorName(typed: string): ConnectorCompletion[] {
  const parts = typed.split('.');
  const head = parts.slice(0, -1);
  if (head.length === 0) return [];
  if (head[0] === 'gke') {
    if (head.length !== 1) return [];
    return [...connectorMethods('gke', '')!.values()].map((m) => ({ label: m.data.name, name: m.fullName, level: 'method', detail: 'gke', method: m }));
  }
  if (head[0] !== 'googleapis') return [];
  if (head.length === 1) {
    return CONNECTOR_APIS.filter((a) => !a.handWritten).map((a) => ({ label: a.name, name: `googleapis.${a.name}`, level: 'api', detail: a.product }));
  }
  const api = CONNECTOR_APIS.find((a) => a.name === head[1] && !a.handWritten);
  if (!api) return [];
  if (head.length === 2) {
    return api.versions.map((v) => {
      const count = connectorMethods(api.name, v)?.size;
      return { label: v, name: `googleapis.${api.name}.${v}`, level: 'version', detail: count === undefined ? api.product : `${api.product}: ${count} methods` };
    });
  }
  const methods = connectorMethods(api.name, head[2]);
  if (!methods) return [];
  const path = head.slice(3);
  const prefix = path.length ? `${path.join('.')}.` : '';
  const base = `googleapis.${api.name}.${head[2]}.${prefix}`;
  const seen = new Map<string, ConnectorCompletion>();
  for (const name of methods.keys()) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    const dot = rest.indexOf('.');
    const label = dot < 0 ? rest : rest.slice(0, dot);
    if (dot < 0) {
      const method = methods.get(name) as ConnectorMethod;
      seen.set(`m:${label}`, { label, name: base + label, level: 'method', detail: methodDetail(method), method });
    }
    else if (!seen.has(`r:${label}`)) seen.set(`r:${label}`, { label, name: base + label, level: 'resource', detail: 'resource' });
  }
  return [...seen.values()].sort((a, b) => (a.level === b.level ? (a.label < b.label ? -1 : 1) : a.level === 'resource' ? -1 : 1));
}

/** `GET storage/v1/b/{bucket}/o/{object}`, or `helper` for connector-only helpers. */
export function methodDetail(method: ConnectorMethod): string {
  return method.data.helper ? 'connector helper' : `${method.data.http} ${method.data.url}`;
}
