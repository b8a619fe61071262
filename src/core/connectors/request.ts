/**
 * How a connector call becomes a REST request, from the catalogue: the URL template expanded
 * (RFC 6570: `{+name}` reserved expansion keeps `/`, `{bucket}` simple expansion percent-encodes
 * it), the other arguments as query parameters (lists repeated, the map of a dotted parameter
 * such as `mask: {fieldPaths: [...]}` flattened to `mask.fieldPaths`, a `query:` map sent as it
 * is), `body` as JSON, and the synthetic `region`/`location` picking a regional host. Pure.
 */
import type { ConnectorMethod } from './catalogue';

/** Argument values as JSON data. */
export type ArgValue = null | boolean | number | string | ArgValue[] | { [key: string]: ArgValue };

export interface ConnectorRequest {
  method: string;
  url: string;
  /** The JSON body, if the call sends one. */
  body?: ArgValue;
}

/** A problem with the arguments: a TypeError or ValueError of the workflow. */
export class ConnectorArgError extends Error {
  constructor(
    readonly tag: 'TypeError' | 'ValueError',
    message: string,
  ) {
    super(message);
  }
}

/** RFC 3986 unreserved characters stay; reserved expansion also keeps the reserved ones. */
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const RESERVED = /[:/?#[\]@!$&'()*+,;=]/;

function encode(value: string, reserved: boolean): string {
  let out = '';
  for (const ch of value) {
    if (UNRESERVED.test(ch) || (reserved && RESERVED.test(ch))) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function scalarText(name: string, value: ArgValue | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ConnectorArgError('TypeError', `argument '${name}' must be a string, number or boolean, got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a map' : 'nothing'}`);
}

/** Expands `{name}` and `{+name}` in `template` from `values`; a missing value is a ValueError. */
export function expandTemplate(template: string, values: Readonly<Record<string, ArgValue>>): string {
  return template.replace(/\{(\+?)([A-Za-z_][\w.]*)\}/g, (_, plus: string, name: string) => {
    if (values[name] === undefined || values[name] === null) throw new ConnectorArgError('ValueError', `missing required argument '${name}'`);
    const text = scalarText(name, values[name]);
    if (text === '') throw new ConnectorArgError('ValueError', `argument '${name}' must not be empty`);
    return encode(text, plus === '+');
  });
}

const NOT_QUERY = new Set(['body', 'connector_params']);

/**
 * The REST request of a call of `method` with `args`. `endpoint` replaces the scheme and host of
 * Google's URL (the path stays Google's), for a fake API on loopback.
 */
export function buildConnectorRequest(method: ConnectorMethod, args: Readonly<Record<string, ArgValue>>, endpoint?: string): ConnectorRequest {
  const data = method.data;
  const path = expandTemplate(data.url, args);
  const synthetic = new Set(method.args.filter((a) => a.kind === 'synthetic').map((a) => a.name));
  const pathNames = new Set(data.path.map((p) => p.name));
  const query: [string, string][] = [];
  const add = (name: string, value: ArgValue | undefined) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) for (const v of value) query.push([name, scalarText(name, v)]);
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) add(`${name}.${k}`, v);
    else query.push([name, scalarText(name, value)]);
  };
  for (const [name, value] of Object.entries(args)) {
    if (pathNames.has(name) || NOT_QUERY.has(name) || synthetic.has(name)) continue;
    if (name === 'query' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) add(k, v);
      continue;
    }
    add(name, value);
  }
  let root = method.rootUrl;
  const region = [...synthetic].map((s) => args[s]).find((v) => typeof v === 'string' && v !== '' && v !== 'global') as string | undefined;
  if (region !== undefined) {
    if (!/^[a-z0-9-]+$/.test(region)) throw new ConnectorArgError('ValueError', `'${region}' is not a region or location name`);
    root = root.replace('://', `://${region}-`);
  }
  if (endpoint !== undefined) root = `${endpoint.replace(/\/+$/, '')}/`;
  const search = query.map(([k, v]) => `${encode(k, false)}=${encode(v, false)}`).join('&');
  const out: ConnectorRequest = { method: data.http, url: `${root}${path}${search ? `?${search}` : ''}` };
  if (args.body !== undefined && data.body !== undefined) out.body = args.body;
  return out;
}

/** The connector options of a call, with Google's defaults. */
export interface ConnectorOptions {
  /** Seconds; default 1800. */
  timeout: number;
  initialDelay: number;
  multiplier: number;
  maxDelay: number;
  skipPolling: boolean;
  scopes: string[];
}

export const DEFAULT_CONNECTOR_OPTIONS: ConnectorOptions = {
  timeout: 1800,
  initialDelay: 1,
  multiplier: 1.25,
  maxDelay: 60,
  skipPolling: false,
  scopes: ['https://www.googleapis.com/auth/cloud-platform'],
};

/** Reads `connector_params`; wrong types are TypeErrors, wrong values (a negative timeout) ValueErrors. */
export function connectorOptions(params: ArgValue | undefined): ConnectorOptions {
  const out = { ...DEFAULT_CONNECTOR_OPTIONS };
  if (params === undefined || params === null) return out;
  if (typeof params !== 'object' || Array.isArray(params)) throw new ConnectorArgError('TypeError', 'connector_params must be a map');
  const positive = (key: string, value: ArgValue | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number') throw new ConnectorArgError('TypeError', `connector_params ${key} must be a number`);
    if (!(value > 0)) throw new ConnectorArgError('ValueError', `connector_params ${key} must be positive, got ${value}`);
    return value;
  };
  out.timeout = positive('timeout', params.timeout, out.timeout);
  if (out.timeout > 31_536_000) throw new ConnectorArgError('ValueError', `connector_params timeout must be at most 31536000 seconds, got ${out.timeout}`);
  const polling = params.polling_policy;
  if (polling !== undefined && polling !== null) {
    if (typeof polling !== 'object' || Array.isArray(polling)) throw new ConnectorArgError('TypeError', 'connector_params polling_policy must be a map');
    out.initialDelay = positive('initial_delay', polling.initial_delay, out.initialDelay);
    out.multiplier = positive('multiplier', polling.multiplier, out.multiplier);
    out.maxDelay = positive('max_delay', polling.max_delay, out.maxDelay);
  }
  if (params.skip_polling !== undefined) {
    if (typeof params.skip_polling !== 'boolean') throw new ConnectorArgError('TypeError', 'connector_params skip_polling must be true or false');
    out.skipPolling = params.skip_polling;
  }
  const scopes = params.scopes;
  if (typeof scopes === 'string') out.scopes = scopes.split(/[\s,]+/).filter(Boolean);
  else if (Array.isArray(scopes) && scopes.every((s) => typeof s === 'string')) out.scopes = scopes as string[];
  else if (scopes !== undefined) throw new ConnectorArgError('TypeError', 'connector_params scopes must be a string or a list of strings');
  return out;
}
