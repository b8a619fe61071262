/**
 * Google's Workflows v1 and Executions v1 REST surface on one `node:http` port (their real hosts,
 * workflows.googleapis.com and workflowexecutions.googleapis.com, have disjoint paths). Every
 * failure is answered in Google's error format.
 */
import * as http from 'node:http';
import { ApiError, invalidArgument } from './apiError';
import type { Emulator } from './emulator';
import { enumValue } from './workflowsApi';
import type { ExecutionView, Json } from './resources';
import type { JsonValue } from '../engine/value';
import type { ReceivedRequest } from './callbacks';

/** Google's frontends refuse larger request bodies; 1 MB is ample for sources and arguments. */
export const MAX_BODY_BYTES = 1024 * 1024;

type Handler = (match: string[], query: URLSearchParams, body: () => Json, request: ReceivedRequest) => Json | Promise<Json>;

const ANY_METHOD = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];

interface Route {
  pattern: RegExp;
  methods: Record<string, Handler>;
}

const P = '/v1/projects/([^/]+)/locations/([^/]+)';
const W = `${P}/workflows/([^/:]+)`;
const E = `${W}/executions/([^/:]+)`;

function routes(emu: Emulator): Route[] {
  const wf = (m: string[]): string => `projects/${m[0]}/locations/${m[1]}/workflows/${m[2]}`;
  const ex = (m: string[]): string => `${wf(m)}/executions/${m[3]}`;
  return [
    {
      pattern: new RegExp(`^${P}/workflows$`),
      methods: {
        GET: (m, q) => emu.workflows.list(m[0], m[1], listOptions(q)),
        POST: (m, q, body) => emu.workflows.create(m[0], m[1], q.get('workflowId') ?? undefined, body()),
      },
    },
    {
      pattern: new RegExp(`^${W}$`),
      methods: {
        GET: (m, q) => emu.workflows.get(wf(m), q.get('revisionId') ?? undefined),
        PATCH: (m, q, body) => emu.workflows.update(wf(m), body(), q.get('updateMask') ?? undefined),
        DELETE: (m) => emu.workflows.delete(wf(m)),
      },
    },
    {
      pattern: new RegExp(`^${W}:listRevisions$`),
      methods: { GET: (m, q) => emu.workflows.listRevisions(wf(m), intParam(q, 'pageSize'), q.get('pageToken') ?? undefined) },
    },
    {
      pattern: new RegExp(`^${P}/operations/([^/]+)$`),
      methods: { GET: (m) => emu.workflows.getOperation(`projects/${m[0]}/locations/${m[1]}/operations/${m[2]}`) },
    },
    {
      pattern: new RegExp(`^${W}/executions$`),
      methods: {
        GET: (m, q) => emu.executions.list(wf(m), { ...listOptions(q), view: viewParam(q) }),
        POST: (m, _q, body) => emu.executions.create(wf(m), body()),
      },
    },
    {
      pattern: new RegExp(`^${E}$`),
      // DELETE is an emulator extension: Google keeps executions for their retention period.
      methods: { GET: (m, q) => emu.executions.get(ex(m), viewParam(q) ?? 'FULL'), DELETE: (m) => emu.executions.delete(ex(m)) },
    },
    {
      pattern: new RegExp(`^${E}:cancel$`),
      methods: {
        POST: (m, _q, body) => {
          body(); // the request body is `{}`; it is still checked to be JSON
          return emu.executions.cancel(ex(m));
        },
      },
    },
    {
      pattern: new RegExp(`^${E}/callbacks$`),
      methods: { GET: (m) => emu.callbacks.list(ex(m)) },
    },
    {
      pattern: new RegExp(`^${E}/callbacks/([^/]+)$`),
      methods: Object.fromEntries(ANY_METHOD.map((method) => [method, (m: string[], _q: URLSearchParams, _b: () => Json, request: ReceivedRequest) => emu.callbacks.deliver(ex(m), m[4], request)])),
    },
    {
      pattern: new RegExp(`^${E}/stepEntries$`),
      methods: { GET: (m, q) => emu.executions.listStepEntries(ex(m), { ...listOptions(q), skip: intParam(q, 'skip') }) },
    },
    {
      pattern: new RegExp(`^${E}/stepEntries/([^/]+)$`),
      methods: { GET: (m) => emu.executions.getStepEntry(ex(m), m[4]) },
    },
  ];
}

function listOptions(q: URLSearchParams): { pageSize?: number; pageToken?: string; filter?: string; orderBy?: string } {
  return {
    pageSize: intParam(q, 'pageSize'),
    pageToken: q.get('pageToken') ?? undefined,
    filter: q.get('filter') ?? undefined,
    orderBy: q.get('orderBy') ?? undefined,
  };
}

function intParam(q: URLSearchParams, key: string): number | undefined {
  const raw = q.get(key);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw invalidArgument(`Invalid value for ${key}: "${raw}" is not an integer.`);
  return Number(raw);
}

/** `view` by name or number (EXECUTION_VIEW_UNSPECIFIED = 0, BASIC = 1, FULL = 2). */
function viewParam(q: URLSearchParams): ExecutionView | undefined {
  const raw = q.get('view');
  if (raw === null || raw === '') return undefined;
  const value: JsonValue = /^\d+$/.test(raw) ? Number(raw) : raw;
  const view = enumValue(value, ['EXECUTION_VIEW_UNSPECIFIED', 'BASIC', 'FULL'], 'view');
  return view === 'EXECUTION_VIEW_UNSPECIFIED' ? undefined : view;
}

/** Creates (but does not start) the HTTP server for `emu`. */
export function createServer(emu: Emulator): http.Server {
  const table = routes(emu);
  return http.createServer((req, res) => {
    readBody(req).then(
      (raw) => dispatch(table, req, raw).then((json) => send(res, 200, json), (err: unknown) => sendError(res, err)),
      (err: unknown) => sendError(res, err),
    );
  });
}

async function dispatch(table: Route[], req: http.IncomingMessage, raw: Buffer): Promise<Json> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw invalidArgument(`Invalid URL path ${url.pathname}.`);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  for (const route of table) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    const handler = route.methods[method];
    if (!handler) {
      const allowed = Object.keys(route.methods).join(', ');
      throw new ApiError(405, `Method ${method} is not allowed on ${path} (allowed: ${allowed}).`, 'UNIMPLEMENTED');
    }
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    return handler(m.slice(1), url.searchParams, () => parseBody(raw), { method, path, headers, query, body: raw });
  }
  throw new ApiError(404, `No such API method: ${method} ${path}. The emulator serves Workflows v1 and Executions v1.`, 'NOT_FOUND');
}

function parseBody(raw: Buffer): Json {
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw invalidArgument(`Invalid JSON payload received. ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalidArgument('Invalid JSON payload received. The request body must be a JSON object.');
  }
  return data as Json;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        if (!refused) reject(invalidArgument(`Request payload size exceeds the limit: ${MAX_BODY_BYTES} bytes.`));
        refused = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, json: unknown): void {
  if (res.headersSent) return;
  const body = JSON.stringify(json);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendError(res: http.ServerResponse, err: unknown): void {
  const apiError = err instanceof ApiError ? err : new ApiError(500, `Internal error in the local emulator: ${err instanceof Error ? err.message : String(err)}`, 'INTERNAL');
  send(res, apiError.code, apiError.toBody());
}
