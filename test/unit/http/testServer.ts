/** A real HTTP server on 127.0.0.1 with a few routes for client and http.* tests. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  url: string;
  port: number;
  /** Requests seen, in order. */
  requests: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }[];
  close(): Promise<void>;
}

function route(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
  res.sendDate = false;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const parts = url.pathname.split('/').filter(Boolean);
  switch (parts[0]) {
    case 'echo':
      res.writeHead(200, { 'content-type': 'application/json', 'x-custom': 'yes', 'set-cookie': ['a=1', 'b=2'] });
      res.end(JSON.stringify({ method: req.method, url: req.url, contentType: req.headers['content-type'] ?? null, userAgent: req.headers['user-agent'] ?? null, body: body.toString('utf8') }));
      return;
    case 'status': {
      const code = Number(parts[1]);
      res.writeHead(code, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code, message: 'nope' } }));
      return;
    }
    case 'text':
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('héllo');
      return;
    case 'bytes':
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from([0, 1, 2, 255]));
      return;
    case 'bad-json':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('not json');
      return;
    case 'no-content':
      res.writeHead(204, { 'content-type': 'application/json' });
      res.end();
      return;
    case 'big-int':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":12345678901234567890,"n":9007199254740993}');
      return;
    case 'redirect': {
      const n = Number(parts[1]);
      const code = Number(url.searchParams.get('code') ?? '302');
      if (n > 0) {
        res.writeHead(code, { location: `/redirect/${n - 1}?code=${code}` });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, body: body.toString('utf8') }));
      }
      return;
    }
    case 'see-other':
      res.writeHead(303, { location: '/echo' });
      res.end();
      return;
    case 'slow':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
      return;
    case 'hang':
      return;
    case 'big':
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.alloc(2 * 1024 * 1024 + 1));
      return;
    case 'broken':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
      res.write('only a part', () => res.destroy());
      return;
    default:
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
  }
}

/** Starts the server on a free loopback port. */
export async function startTestServer(): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      route(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
