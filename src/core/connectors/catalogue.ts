/**
 * The connector catalogue: resolves connector names (`googleapis.<api>.<version>.<resource>.<method>`
 * and `gke.<function>`) to methods with their arguments. The API list is always in memory; each API
 * version's generated methods are read on first use through the loader the host installs
 * (`setConnectorDataLoader`), so the catalogue's data stays out of the activation bundle. Without a
 * loader, API and version names are still checked and methods are reported `unavailable`.
 */
import { suggest } from '../validate/suggest';
import { connectorApi, CONNECTOR_APIS, referenceUrl, type ConnectorApiInfo } from './apis';
import { EXTRA_QUERY, GKE_METHODS, HELPERS, STANDARD_PARAMS } from './handWritten';
import type { ApiData, ApiDataLoader, MethodData } from './types';

export type { ApiData, ApiDataLoader, MethodData, ParamData } from './types';
export { CONNECTOR_APIS, connectorApi, referenceUrl, type ConnectorApiInfo } from './apis';

/** Where an argument goes in the REST call. */
export type ConnectorArgKind = 'path' | 'query' | 'standard' | 'synthetic' | 'body' | 'connector_params' | 'helper';

export interface ConnectorArg {
  readonly name: string;
  readonly kind: ConnectorArgKind;
  readonly required: boolean;
  readonly type?: string;
  readonly doc: string;
}

/** A connector method with everything the editor and the live runtime need. */
export interface ConnectorMethod {
  /** e.g. `googleapis.pubsub.v1.projects.topics.publish` or `gke.request`. */
  readonly fullName: string;
  readonly api: ConnectorApiInfo;
  /** `''` for `gke`. */
  readonly version: string;
  readonly rootUrl: string;
  readonly data: MethodData;
  /** Every argument the method takes, required ones first. */
  readonly args: readonly ConnectorArg[];
  /** Google's reference page of the method. */
  readonly referenceUrl: string;
}

/** What a connector name refers to. Spans are offsets into the name. */
export type ConnectorResolution =
  | { kind: 'method'; method: ConnectorMethod }
  | { kind: 'unknown-api'; api: string; span: NameSpan; suggestion?: string }
  | { kind: 'unknown-version'; api: string; version: string; span: NameSpan; suggestion?: string }
  /** `approximate` when the API's methods were derived from another version: a miss is less certain. */
  | { kind: 'unknown-method'; method: string; span: NameSpan; suggestion?: string; approximate: boolean }
  /** The API and version exist but their method data could not be read (no loader installed). */
  | { kind: 'unavailable' };

export interface NameSpan {
  start: number;
  end: number;
}

/** The `connector_params` keys and the `polling_policy` keys (Google's JSON schema for workflows). */
export const CONNECTOR_PARAMS_KEYS = ['timeout', 'polling_policy', 'skip_polling', 'scopes'] as const;
export const POLLING_POLICY_KEYS = ['initial_delay', 'multiplier', 'max_delay'] as const;

const CONNECTOR_PARAMS_ARG: ConnectorArg = {
  name: 'connector_params',
  kind: 'connector_params',
  required: false,
  type: 'map',
  doc: 'Connector options: timeout (seconds), polling_policy (initial_delay, multiplier, max_delay), skip_polling and scopes.',
};

/**
 * The methods of one API version. Methods are built from their data on first lookup, so reading
 * Compute's 1,100 methods costs one JSON parse, not 1,100 argument lists.
 */
export class ConnectorMethodIndex {
  private readonly data = new Map<string, MethodData>();
  private readonly built = new Map<string, ConnectorMethod>();

  constructor(
    private readonly api: ConnectorApiInfo,
    private readonly version: string,
    private readonly rootUrl: string,
    methods: readonly MethodData[],
  ) {
    for (const m of methods) this.data.set(m.name, m);
  }

  get size(): number {
    return this.data.size;
  }

  /** `resource.method` names, in catalogue order. */
  keys(): IterableIterator<string> {
    return this.data.keys();
  }

  has(name: string): boolean {
    return this.data.has(name);
  }

  get(name: string): ConnectorMethod | undefined {
    let method = this.built.get(name);
    if (method) return method;
    const data = this.data.get(name);
    if (!data) return undefined;
    method = build(this.api, this.version, this.rootUrl, data);
    this.built.set(name, method);
    return method;
  }

  *values(): IterableIterator<ConnectorMethod> {
    for (const name of this.data.keys()) yield this.get(name) as ConnectorMethod;
  }

  *entries(): IterableIterator<[string, ConnectorMethod]> {
    for (const name of this.data.keys()) yield [name, this.get(name) as ConnectorMethod];
  }
}

let loader: ApiDataLoader | undefined;
const apiCache = new Map<string, ConnectorMethodIndex | null>();

/** Installs the reader of generated API data (see `src/engine/connectors/dataFiles.ts` for Node). */
export function setConnectorDataLoader(next: ApiDataLoader | undefined): void {
  loader = next;
  apiCache.clear();
}

/** True when method data can be read. */
export function connectorDataAvailable(): boolean {
  return loader !== undefined;
}

/**
 * True when `name` has a connector's shape: `googleapis.` with an API, a version, a resource and a
 * method, or `gke.` and a function. Shorter `googleapis.` names are not connectors at all.
 */
export function isConnectorNamespace(name: string): boolean {
  if (name.startsWith('gke.')) return name.length > 4;
  return name.startsWith('googleapis.') && name.split('.').length >= 5 && !name.split('.').includes('');
}

/**
 * The methods of one API version by their `resource.method` name, helpers included; undefined
 * when the API or version is unknown or the data cannot be read.
 */
export function connectorMethods(apiName: string, version: string): ConnectorMethodIndex | undefined {
  const key = `${apiName}.${version}`;
  const cached = apiCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const api = connectorApi(apiName);
  let methods: ConnectorMethodIndex | null = null;
  if (api?.handWritten) {
    methods = new ConnectorMethodIndex(api, '', '', GKE_METHODS);
  } else if (api && api.versions.includes(version) && loader) {
    let data: ApiData | undefined;
    try {
      data = loader(apiName, version);
    } catch {
      data = undefined;
    }
    if (data) methods = new ConnectorMethodIndex(api, version, data.rootUrl, [...data.methods, ...(HELPERS[key] ?? [])]);
  }
  apiCache.set(key, methods);
  return methods ?? undefined;
}

function build(api: ConnectorApiInfo, version: string, rootUrl: string, data: MethodData): ConnectorMethod {
  const required = new Set(data.required ?? []);
  const args: ConnectorArg[] = data.path.map((p) => ({ name: p.name, kind: 'path' as const, required: true, type: 'string', doc: p.doc }));
  const query = [...data.query, ...(EXTRA_QUERY[`${api.name}.${version}.${data.name}`] ?? [])];
  for (const q of query) {
    // Dotted parameters (`mask.fieldPaths`) are written as a map: `mask: {fieldPaths: [...]}`.
    const dot = q.name.indexOf('.');
    if (dot > 0 && !data.helper) {
      const group = q.name.slice(0, dot);
      const existing = args.find((a) => a.name === group);
      const field = `\`${q.name.slice(dot + 1)}\`: ${q.doc}`;
      if (existing) (existing as { doc: string }).doc += ` ${field}`;
      else args.push({ name: group, kind: 'query', required: false, type: 'map', doc: `A map of: ${field}` });
      continue;
    }
    args.push({ name: q.name, kind: data.helper ? 'helper' : 'query', required: required.has(q.name), type: q.type, doc: q.doc });
  }
  if (!data.helper) {
    for (const s of api.synthetic ?? []) {
      if (!s.versions || s.versions.includes(version)) args.push({ name: s.name, kind: 'synthetic', required: false, type: s.type, doc: s.doc });
    }
    for (const s of STANDARD_PARAMS) if (!args.some((a) => a.name === s.name)) args.push({ name: s.name, kind: 'standard', required: false, type: s.type, doc: s.doc });
    if (data.body) args.push({ name: 'body', kind: 'body', required: true, type: data.body, doc: `The request body: a ${data.body}.` });
  }
  if (api.name !== 'gke') args.push(CONNECTOR_PARAMS_ARG);
  args.sort((a, b) => Number(b.required) - Number(a.required));
  const fullName = api.name === 'gke' ? `gke.${data.name}` : `googleapis.${api.name}.${version}.${data.name}`;
  return { fullName, api, version, rootUrl, data, args, referenceUrl: referenceUrl(api.name, version || undefined, api.name === 'gke' ? undefined : data.name) };
}

/** Resolves a name in a connector namespace; see `ConnectorResolution`. */
export function resolveConnector(name: string): ConnectorResolution {
  const parts = name.split('.');
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    at += p.length + 1;
  }
  const span = (from: number, to = parts.length): NameSpan =>
    from >= parts.length ? { start: name.length, end: name.length } : { start: offsets[from], end: offsets[Math.min(to, parts.length) - 1] + parts[Math.min(to, parts.length) - 1].length };
  if (parts[0] === 'gke') {
    const methods = connectorMethods('gke', '')!;
    const rest = parts.slice(1).join('.');
    const method = methods.get(rest);
    if (method) return { kind: 'method', method };
    return { kind: 'unknown-method', method: rest, span: span(1), suggestion: suggest(rest, methods.keys()), approximate: false };
  }
  const apiName = parts[1] ?? '';
  const api = connectorApi(apiName);
  if (!api || api.handWritten) {
    const names = CONNECTOR_APIS.filter((a) => !a.handWritten).map((a) => a.name);
    return { kind: 'unknown-api', api: apiName, span: span(1, 2), suggestion: suggest(apiName, names) };
  }
  const version = parts[2] ?? '';
  if (!api.versions.includes(version)) {
    return { kind: 'unknown-version', api: api.name, version, span: parts.length > 2 ? span(2, 3) : span(1, 2), suggestion: suggest(version, api.versions) ?? (api.versions.length === 1 ? api.versions[0] : undefined) };
  }
  const methods = connectorMethods(api.name, version);
  if (!methods) return { kind: 'unavailable' };
  const rest = parts.slice(3).join('.');
  const method = methods.get(rest);
  if (method) return { kind: 'method', method };
  return {
    kind: 'unknown-method',
    method: rest,
    span: parts.length > 3 ? span(3) : span(2, 3),
    suggestion: rest ? suggest(rest, methods.keys()) : undefined,
    approximate: api.derivedFrom !== undefined,
  };
}

/** The method with this full name, if the catalogue knows it. */
export function lookupConnectorMethod(name: string): ConnectorMethod | undefined {
  if (!isConnectorNamespace(name)) return undefined;
  const resolved = resolveConnector(name);
  return resolved.kind === 'method' ? resolved.method : undefined;
}
