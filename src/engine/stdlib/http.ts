/**
 * `http.get|post|put|patch|delete|request` (WORKFLOWS-LANGUAGE.md §3.6): builds the request, sends
 * it through the host's `HttpClient` (which applies the network policy and maps transport
 * failures to ConnectionFailedError, ConnectionError and TimeoutError), and returns
 * `{body, code, headers}`; a status of 400 or more raises an HttpError map
 * `{message, tags: ["HttpError"], code, headers, body}`.
 *
 * Local differences, by design: `auth` is checked for shape but no credentials are attached (the
 * emulator has no Google identity to sign with); `private_service_name` is checked but the
 * request goes to `url` directly. `timeout` defaults to 300 s and may not exceed 1800 s. Query
 * values may be strings, numbers, booleans or lists of those (a list repeats the key); they are
 * appended to any query already in the URL.
 */
import { workflowError } from '../errors';
import { typeOf, type Value } from '../value';
import { Args } from './args';
import type { NativeContext, NativeFunction } from './context';
import { stringOf } from './helpers';
import { decodeResponseBody, encodeRequestBody, headersToMap } from './httpEncoding';

/** The User-Agent Google sends; a caller's User-Agent gets a space and this appended. */
export const DEFAULT_USER_AGENT = 'GoogleCloudWorkflows; (+https://cloud.google.com/workflows/docs)';
export const DEFAULT_TIMEOUT_SECONDS = 300;
export const MAX_TIMEOUT_SECONDS = 1800;

function scalarText(a: Args, what: string, v: Value): string {
  if (typeof v === 'string' || typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return stringOf(a.fn, v);
  throw workflowError('TypeError', `${a.fn}: ${what} must be a string, number or boolean, got ${typeOf(v)}`);
}

function buildUrl(a: Args): URL {
  const text = a.string('url');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return a.valueError(`invalid URL ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') a.valueError(`the URL must use http or https, got ${JSON.stringify(text)}`);
  const query = a.optional('query');
  if (query === undefined || query === null) return url;
  if (!(query instanceof Map)) return a.typeError('query', 'a map', query);
  for (const [k, v] of query) {
    if (v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, scalarText(a, `query parameter "${k}"`, item));
  }
  return url;
}

function buildHeaders(a: Args): Record<string, string> {
  const headers: Record<string, string> = {};
  const given = a.optional('headers');
  if (given !== undefined && given !== null) {
    if (!(given instanceof Map)) a.typeError('headers', 'a map', given);
    for (const [k, v] of given) {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(k)) a.valueError(`invalid header name ${JSON.stringify(k)}`);
      const text = scalarText(a, `header "${k}"`, v);
      if (/[\r\n\0]/.test(text)) a.valueError(`header "${k}" contains a line break`);
      headers[k.toLowerCase()] = text;
    }
  }
  headers['user-agent'] = headers['user-agent'] === undefined ? DEFAULT_USER_AGENT : `${headers['user-agent']} ${DEFAULT_USER_AGENT}`;
  return headers;
}

function checkAuth(a: Args): void {
  const auth = a.optional('auth');
  if (auth === undefined || auth === null) return;
  if (!(auth instanceof Map)) a.typeError('auth', 'a map', auth);
  const type = auth.get('type');
  if (type !== 'OIDC' && type !== 'OAuth2') a.valueError(`auth type must be "OIDC" or "OAuth2", got ${JSON.stringify(type ?? null)}`);
}

function timeoutMs(a: Args): number {
  const seconds = a.optionalNumber('timeout', DEFAULT_TIMEOUT_SECONDS);
  if (!(seconds > 0) || seconds > MAX_TIMEOUT_SECONDS) a.valueError(`timeout must be more than 0 and at most ${MAX_TIMEOUT_SECONDS} seconds, got ${seconds}`);
  return seconds * 1000;
}

async function send(a: Args, method: string, ctx: NativeContext): Promise<Value> {
  const url = buildUrl(a);
  const headers = buildHeaders(a);
  checkAuth(a);
  a.optionalString('private_service_name', null);
  const timeout = timeoutMs(a);
  const body = a.optional('body');
  let bytes: Uint8Array | undefined;
  if (body !== undefined && body !== null) {
    const encoded = encodeRequestBody(a.fn, body, headers['content-type']);
    bytes = encoded.bytes;
    if (encoded.contentType) headers['content-type'] = encoded.contentType;
  }
  const response = await ctx.host.http.send({ method, url: url.toString(), headers, body: bytes, timeoutMs: timeout, signal: ctx.signal });
  const responseHeaders = headersToMap(response.headers);
  const decoded = decodeResponseBody(responseHeaders.get('content-type') as string | undefined, response.body);
  const code = BigInt(response.status);
  if (response.status >= 400) {
    throw workflowError('HttpError', `HTTP server responded with error code ${response.status}`, [
      ['code', code],
      ['headers', responseHeaders],
      ['body', decoded],
    ]);
  }
  return new Map<string, Value>([
    ['body', decoded],
    ['code', code],
    ['headers', responseHeaders],
  ]);
}

function verb(method: string): NativeFunction {
  const fn = `http.${method.toLowerCase()}`;
  return (values, ctx) => send(new Args(fn, values), method, ctx);
}

const request: NativeFunction = (values, ctx) => {
  const a = new Args('http.request', values);
  const method = a.string('method');
  if (!/^[A-Za-z]+$/.test(method)) a.valueError(`invalid HTTP method ${JSON.stringify(method)}`);
  return send(a, method.toUpperCase(), ctx);
};

export const HTTP_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['http.get', verb('GET')],
  ['http.post', verb('POST')],
  ['http.put', verb('PUT')],
  ['http.patch', verb('PATCH')],
  ['http.delete', verb('DELETE')],
  ['http.request', request],
]);
