import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCloudClient, describeCloudError } from '../../../src/cloud';
import type { CloudClient } from '../../../src/cloud';

type Mode = '403' | '404' | '409' | '429' | '500' | '503' | 'garbage' | 'hang';

const STATUS_NAMES: Record<string, string> = {
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const W = '/v1/projects/p/locations/l/workflows';
const TIMEOUT_MS = 1500;

const EXPECTED: Record<Mode, { message: string; hint?: string; code?: number | string }> = {
  403: {
    message: 'Permission denied: fake 403.',
    hint: 'Ask for roles/workflows.editor on the project (deploying needs it; running needs roles/workflows.invoker).',
    code: 403,
  },
  404: { message: 'Not found: fake 404.', hint: 'Check the project, location and name; deploy the workflow first if needed.', code: 404 },
  409: { message: 'Conflict: fake 409.', hint: 'Wait for the other operation to finish, then try again.', code: 409 },
  429: { message: 'Quota exceeded or rate limited: fake 429.', hint: 'Wait a little and retry, or ask for a higher quota.', code: 429 },
  500: { message: 'The server failed (500): fake 500.', hint: 'Try again in a moment.', code: 500 },
  503: { message: 'The server failed (503): fake 503.', hint: 'Try again in a moment.', code: 503 },
  garbage: {
    message: 'The server answered with something that is not a Workflows API response (not valid JSON).',
    hint: 'Check the endpoint: it should be the Workflows API or the local emulator, not a proxy or another server.',
  },
  hang: { message: 'The request timed out: the server did not answer in time.', hint: 'Check your network connection, then try again.', code: 'ETIMEDOUT' },
};

/**
 * The cloud client layer against a local server that fails in every way Google's frontends (or
 * whatever sits in between) can: each call ends with its clear sentence, a server that never
 * answers times out, nothing unsafe is sent twice (deploy and run go out exactly once), safe reads
 * are retried only on 429 and 503 (3 attempts, see src/cloud/retry.ts), and no promise rejection
 * goes unhandled.
 */
describe('reliability: the cloud layer against failing servers', function () {
  this.timeout(120_000);
  let server: http.Server;
  let port: number;
  let mode: Mode = '403';
  const seen: string[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url?.split('?')[0]}`);
      if (mode === 'hang') return;
      if (mode === 'garbage') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('<html>garbage');
        return;
      }
      const code = Number(mode);
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code, message: `fake ${code}`, status: STATUS_NAMES[code] } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Let any late rejection of an abandoned request surface before the last check.
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', onUnhandled);
    assert.deepEqual(unhandled, []);
  });

  /** A safe read goes out 3 times on 429 and 503 (the documented retry), once otherwise. */
  const read = (request: string) => (m: Mode) => (m === '429' || m === '503' ? [request, request, request] : [request]);

  const operations: { name: string; call(c: CloudClient): Promise<unknown>; requests(mode: Mode): string[] }[] = [
    {
      name: 'deploy',
      call: (c) => c.deployWorkflow('w', 'main:\n  steps:\n    - r:\n        return: 1\n'),
      // Deploy asks whether the workflow exists; only a 404 goes on to create it.
      requests: (m) => (m === '404' ? [`GET ${W}/w`, `POST ${W}`] : [`GET ${W}/w`]),
    },
    { name: 'run', call: (c) => c.runExecution('w', '{}'), requests: () => [`POST ${W}/w/executions`] },
    { name: 'list', call: (c) => c.listWorkflows(), requests: read(`GET ${W}`) },
    { name: 'list executions', call: (c) => c.listExecutions('w'), requests: read(`GET ${W}/w/executions`) },
  ];

  for (const m of Object.keys(EXPECTED) as Mode[]) {
    const what = m === 'hang' ? 'a server that never answers' : m === 'garbage' ? 'a 200 answer that is not JSON' : `HTTP ${m}`;
    it(`ends deploy, run and list with one clear message on ${what}, sending deploy and run once`, async () => {
      mode = m;
      const client = createCloudClient({ kind: 'emulator', port, project: 'p', location: 'l' }, { timeoutMs: TIMEOUT_MS });
      try {
        for (const op of operations) {
          seen.length = 0;
          const started = Date.now();
          await assert.rejects(op.call(client), (err: unknown) => {
            assert.deepEqual(describeCloudError(err), EXPECTED[m], `${op.name} on ${what}`);
            return true;
          });
          const took = Date.now() - started;
          if (m === 'hang') assert.ok(took >= TIMEOUT_MS - 100 && took < TIMEOUT_MS + 30_000, `${op.name} timed out after ${took} ms`);
          assert.deepEqual(seen, op.requests(m), `${op.name} on ${what}`);
        }
      } finally {
        await client.close();
      }
    });
  }
});
