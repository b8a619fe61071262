/**
 * A loopback HTTP server for engine tests and an `HttpClient` over `fetch`. The server answers:
 *   /echo          → 200 JSON `{method, path, query, headers, body}` of the request
 *   /status/<n>    → status n with a JSON body `{status: n}`
 *   /text          → 200 text/plain `hello`
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { workflowError } from '../../../src/engine/errors';
import type { HttpClient } from '../../../src/engine/host';

export interface Loopback {
  url: string;
  close(): void;
}

export function loopbackServer(): Promise<Loopback> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const status = /^\/status\/(\d+)$/.exec(url.pathname);
      if (status) {
        res.writeHead(Number(status[1]), { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: Number(status[1]) }));
      } else if (url.pathname === '/text') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('hello');
      } else {
        const body = Buffer.concat(chunks).toString('utf8');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            method: req.method,
            path: url.pathname,
            query: Object.fromEntries(url.searchParams),
            contentType: req.headers['content-type'] ?? null,
            body,
          }),
        );
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

/** Sends requests with `fetch`; transport failures become ConnectionFailedError. */
export function fetchHttpClient(): HttpClient {
  return {
    async send(request) {
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: request.signal,
        });
      } catch (e) {
        throw workflowError('ConnectionFailedError', `Could not connect to ${request.url}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => (headers[k] = v));
      return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
    },
  };
}
