/**
 * A fake Google API on 127.0.0.1 for live connector tests: each `METHOD /path` gets a queue of
 * scripted answers (status and JSON, raw text, or silence); every request is recorded.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Answer =
  | { status: number; json?: unknown; headers?: Record<string, string> }
  | { status: number; text: string }
  /** Never answers. */
  | { silence: true };

export interface FakeRequest {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

export interface FakeGoogleApi {
  url: string;
  requests: FakeRequest[];
  /** Queues answers for `METHOD /path?query` (the path and query exactly as sent). */
  on(route: string, ...answers: Answer[]): void;
  close(): Promise<void>;
}

export async function startFakeGoogleApi(): Promise<FakeGoogleApi> {
  const queues = new Map<string, Answer[]>();
  const requests: FakeRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = `${req.method} ${req.url}`;
      requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') });
      const queue = queues.get(key) ?? [];
      const answer = queue.length > 1 ? queue.shift() : queue[0];
      if (!answer) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 404, message: `no fake answer for ${key}` } }));
        return;
      }
      if ('silence' in answer) return;
      if ('text' in answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.text);
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=UTF-8', ...answer.headers });
      res.end(answer.json === undefined ? '' : JSON.stringify(answer.json));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on(route, ...answers) {
      queues.set(route, answers);
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
