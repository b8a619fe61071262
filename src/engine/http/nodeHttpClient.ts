/**
 * The `HttpClient` for local runs, over node:http and node:https.
 *
 * - Network policy: every host, including each redirect target, is checked by `allowHost`
 *   before connecting. The default allows loopback only (`localhost`, `127.0.0.0/8`, `::1`); a
 *   refused host raises a ConnectionFailedError that says how to allow it.
 * - Failures: no connection (refused, DNS, TLS, unreachable) → ConnectionFailedError; a
 *   connection that breaks after it was established → ConnectionError (the request may have
 *   arrived); the request's `timeoutMs`, counted over all redirects → TimeoutError. A response
 *   body larger than 2 MB (the service's limit) raises a catchable ResourceLimitError.
 * - Redirects: 301, 302, 303, 307 and 308 with a Location are followed, at most 10 in a row;
 *   303, and 301/302 after a POST, continue as GET without a body; 307/308 repeat the method and
 *   body. Authorization and Cookie headers are dropped when the origin changes. After 10
 *   redirects the last 3xx response is returned as it is.
 * - Each request uses its own connection (no keep-alive), so a server closing idle sockets never
 *   turns into a spurious ConnectionError.
 * - Response header names are lower-cased; repeated headers are joined with ", ".
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { WorkflowError, workflowError } from '../errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../host';
import { isLoopbackHost } from './networkPolicy';

export interface NodeHttpClientOptions {
  /** Decides whether a host (name or address, IPv6 without brackets) may be reached. Default: loopback only. */
  allowHost?(host: string): boolean;
  /** Largest response body in bytes; default 2 MB. */
  maxResponseBytes?: number;
  /** Redirects followed in a row; default 10. */
  maxRedirects?: number;
}

/** The service's HTTP response size limit. */
export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
export const MAX_REDIRECTS = 10;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ECONNABORTED']);

export class NodeHttpClient implements HttpClient {
  private readonly allowHost: (host: string) => boolean;
  private readonly maxResponseBytes: number;
  private readonly maxRedirects: number;

  constructor(options: NodeHttpClientOptions = {}) {
    this.allowHost = options.allowHost ?? isLoopbackHost;
    this.maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
    this.maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const deadline = Date.now() + request.timeoutMs;
    let url = new URL(request.url);
    let method = request.method.toUpperCase();
    let body = request.body;
    const headers = { ...request.headers };
    for (let hop = 0; ; hop++) {
      const response = await this.once(url, method, headers, body, deadline, request);
      const location = response.headers.location;
      if (!REDIRECTS.has(response.status) || location === undefined || hop >= this.maxRedirects) return response;
      const next = new URL(location, url);
      if (next.origin !== url.origin) {
        for (const h of Object.keys(headers)) if (/^(authorization|cookie)$/i.test(h)) delete headers[h];
      }
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
        for (const h of Object.keys(headers)) if (/^content-(type|length)$/i.test(h)) delete headers[h];
      }
      url = next;
    }
  }

  private once(url: URL, method: string, headers: Record<string, string>, body: Uint8Array | undefined, deadline: number, request: HttpRequest): Promise<HttpResponse> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return Promise.reject(workflowError('ConnectionFailedError', `cannot connect to ${url.href}: only http and https URLs are supported`));
    }
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!this.allowHost(host)) {
      return Promise.reject(
        workflowError(
          'ConnectionFailedError',
          `the local emulator's network policy refused a connection to ${host}; allow it with the setting cloudWorkflows.emulator.allowHttpHosts or the CLI flag --allow-http ${host}`,
        ),
      );
    }
    const signal = request.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const origin = `${url.protocol}//${url.host}`;
    const seconds = request.timeoutMs / 1000;
    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false;
      let connected = false;
      const finish = (error: unknown, response?: HttpResponse): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error !== undefined) {
          req.destroy();
          reject(error);
        } else resolve(response as HttpResponse);
      };
      const onAbort = (): void => finish(signal?.reason ?? new Error('aborted'));
      const outHeaders: Record<string, string> = { ...headers };
      if (body !== undefined) outHeaders['content-length'] = String(body.byteLength);
      const transport = url.protocol === 'https:' ? https : http;
      const req = transport.request(url, { method, headers: outHeaders, agent: false });
      const timer = setTimeout(
        () => finish(workflowError('TimeoutError', `HTTP request to ${url.href} timed out after ${seconds} seconds`)),
        Math.max(0, deadline - Date.now()),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('socket', (socket) => {
        const markConnected = (): void => {
          connected = true;
        };
        if (url.protocol === 'https:') socket.once('secureConnect', markConnected);
        else socket.once('connect', markConnected);
      });
      req.on('error', (err: NodeJS.ErrnoException) => finish(transportError(err, connected, origin, host)));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.maxResponseBytes) {
            finish(new WorkflowError(responseTooLarge(url.href, this.maxResponseBytes)));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const responseHeaders: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) responseHeaders[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
          }
          finish(undefined, { status: res.statusCode ?? 0, headers: responseHeaders, body: new Uint8Array(Buffer.concat(chunks)) });
        });
        res.on('error', (err: NodeJS.ErrnoException) => finish(transportError(err, true, origin, host)));
        res.on('aborted', () => finish(workflowError('ConnectionError', `the connection to ${origin} broke while reading the response`)));
      });
      req.end(body === undefined ? undefined : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    });
  }
}

function responseTooLarge(url: string, limit: number): Map<string, string | string[]> {
  return new Map<string, string | string[]>([
    ['message', `the HTTP response from ${url} is larger than the ${limit / (1024 * 1024)} MB limit`],
    ['tags', ['ResourceLimitError']],
  ]);
}

function transportError(err: NodeJS.ErrnoException, connected: boolean, origin: string, host: string): WorkflowError {
  const code = err.code ?? '';
  if (!connected || NOT_CONNECTED.has(code)) {
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') return workflowError('ConnectionFailedError', `could not resolve the host ${host}`);
    if (code === 'ECONNREFUSED') return workflowError('ConnectionFailedError', `could not connect to ${origin}: connection refused`);
    return workflowError('ConnectionFailedError', `could not connect to ${origin}: ${err.message}`);
  }
  return workflowError('ConnectionError', `the connection to ${origin} broke during the request: ${code || err.message}`);
}
