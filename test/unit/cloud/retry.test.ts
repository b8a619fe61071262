import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCloudClient, describeCloudError } from '../../../src/cloud';
import type { CloudClient, Target } from '../../../src/cloud';
import { isRetryable, retryAfterMs, retryDelay } from '../../../src/cloud/retry';
import { writeFakeServiceAccountKey } from '../support/fakeServiceAccountKey';

const P = 'projects/p/locations/l';
const W = `/v1/${P}/workflows`;

/** What the fake server does with one request: answer a status (with JSON and headers) or drop the connection. */
type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'reset';

function googleError(status: number, name: string): unknown {
  return { error: { code: status, message: `fake ${status}`, status: name } };
}

const UNAVAILABLE: Answer = { status: 503, body: googleError(503, 'UNAVAILABLE') };

/**
 * Safe reads of the cloud layer are retried on 429 and 503 (and on dropped connections to Google
 * Cloud) with 250 ms doubling waits, `Retry-After` honoured and capped; deploy and run never are.
 * Waits go through an injected sleep that records them, so no test waits for real.
 */
describe('cloud layer: retrying safe reads only', () => {
  let server: http.Server;
  let port: number;
  let answers: Answer[] = [];
  let fallback: Answer = { status: 500 };
  const seen: string[] = [];
  let delays: number[] = [];
  const clients: CloudClient[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url?.split('?')[0]}`);
      req.resume();
      const answer = answers.shift() ?? fallback;
      if (answer === 'reset') {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  beforeEach(() => {
    answers = [];
    fallback = { status: 500, body: googleError(500, 'INTERNAL') };
    seen.length = 0;
    delays = [];
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function connect(target: Target = { kind: 'emulator', port, project: 'p', location: 'l' }, maxDelayMs?: number): CloudClient {
    const sleep = async (ms: number): Promise<void> => {
      delays.push(ms);
    };
    const client = createCloudClient(target, { timeoutMs: 5000, retry: { sleep, ...(maxDelayMs === undefined ? {} : { maxDelayMs }) } });
    clients.push(client);
    return client;
  }

  it('reads the workflow list after two 503 answers, with exactly 3 requests and waits of 250 then 500 ms', async () => {
    answers = [UNAVAILABLE, UNAVAILABLE, { status: 200, body: { workflows: [] } }];
    assert.deepEqual(await connect().listWorkflows(), { items: [] });
    assert.deepEqual(seen, [`GET ${W}`, `GET ${W}`, `GET ${W}`]);
    assert.deepEqual(delays, [250, 500]);
  });

  it('retries the raw step-entry read the same way', async () => {
    answers = [UNAVAILABLE, { status: 429, body: googleError(429, 'RESOURCE_EXHAUSTED') }, { status: 200, body: { stepEntries: [] } }];
    assert.deepEqual(await connect().listStepEntries(`${P}/workflows/w/executions/e`), { items: [] });
    assert.deepEqual(seen, Array(3).fill(`GET ${W}/w/executions/e/stepEntries`));
    assert.deepEqual(delays, [250, 500]);
  });

  it('sends a create-execution that gets 503 exactly once and fails with the clear message', async () => {
    answers = [UNAVAILABLE, { status: 200, body: { name: `${P}/workflows/w/executions/e`, state: 'ACTIVE' } }];
    await assert.rejects(connect().runExecution('w', '{}'), (err: unknown) => {
      assert.deepEqual(describeCloudError(err), { message: 'The server failed (503): fake 503.', hint: 'Try again in a moment.', code: 503 });
      return true;
    });
    assert.deepEqual(seen, [`POST ${W}/w/executions`]);
    assert.deepEqual(delays, []);
  });

  it('gives up on a list after 3 attempts of 429, honouring Retry-After up to the cap', async () => {
    fallback = { status: 429, body: googleError(429, 'RESOURCE_EXHAUSTED'), headers: { 'retry-after': '3600' } };
    await assert.rejects(connect(undefined, 2000).listExecutions('w'), (err: unknown) => {
      assert.deepEqual(describeCloudError(err), {
        message: 'Quota exceeded or rate limited: fake 429.',
        hint: 'Wait a little and retry, or ask for a higher quota.',
        code: 429,
      });
      return true;
    });
    assert.deepEqual(seen, Array(3).fill(`GET ${W}/w/executions`));
    assert.deepEqual(delays, [2000, 2000]);
  });

  it('waits what a short Retry-After asks, and at most 5 s by default', async () => {
    answers = [{ status: 429, body: googleError(429, 'RESOURCE_EXHAUSTED'), headers: { 'retry-after': '1' } }, { status: 200, body: { name: `${P}/workflows/w/executions/e`, state: 'SUCCEEDED' } }];
    assert.equal((await connect().getExecution(`${P}/workflows/w/executions/e`)).state, 'SUCCEEDED');
    assert.deepEqual(delays, [1000]);
    delays = [];
    fallback = { status: 503, body: googleError(503, 'UNAVAILABLE'), headers: { 'retry-after': '60' } };
    await assert.rejects(connect().getWorkflow('w'));
    assert.deepEqual(delays, [5000, 5000]);
  });

  it('does not retry other failures: 500, 404 and a refused connection to the emulator', async () => {
    answers = [{ status: 404, body: googleError(404, 'NOT_FOUND') }];
    await assert.rejects(connect().getWorkflow('w'), (err: unknown) => describeCloudError(err).code === 404);
    await assert.rejects(connect().getWorkflow('w'), (err: unknown) => describeCloudError(err).code === 500);
    assert.deepEqual(seen, [`GET ${W}/w`, `GET ${W}/w`]);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await assert.rejects(connect({ kind: 'emulator', port: deadPort, project: 'p', location: 'l' }).listWorkflows(), (err: unknown) => {
      assert.equal(describeCloudError(err).message, `Nothing is listening at 127.0.0.1:${deadPort}: the local emulator isn't running.`);
      return true;
    });
    assert.deepEqual(delays, []);
  });

  it('polls a deploy operation again after a 503, without sending the deploy twice', async () => {
    const op = `${P}/operations/op1`;
    const done = {
      name: op,
      done: true,
      response: { '@type': 'type.googleapis.com/google.cloud.workflows.v1.Workflow', name: `${P}/workflows/w`, revisionId: '000001-abc', state: 'ACTIVE' },
    };
    answers = [{ status: 404, body: googleError(404, 'NOT_FOUND') }, { status: 200, body: { name: op, done: false } }, UNAVAILABLE, { status: 200, body: done }];
    const info = await connect().deployWorkflow('w', 'main:\n  steps:\n    - r:\n        return: 1\n');
    assert.deepEqual([info.name, info.revisionId], [`${P}/workflows/w`, '000001-abc']);
    assert.deepEqual(seen, [`GET ${W}/w`, `POST ${W}`, `GET /v1/${op}`, `GET /v1/${op}`]);
    assert.deepEqual(delays, [250]);
  });

  describe('against a Google Cloud target', () => {
    let dir: string;
    const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;

    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-retry-'));
      process.env.GOOGLE_APPLICATION_CREDENTIALS = writeFakeServiceAccountKey(dir);
    });

    after(() => {
      if (saved === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('reads again after the connection is reset twice', async () => {
      answers = ['reset', 'reset', { status: 200, body: { workflows: [] } }];
      const target: Target = { kind: 'cloud', project: 'p', location: 'l', endpoint: { host: '127.0.0.1', port, protocol: 'http' } };
      assert.deepEqual(await connect(target).listWorkflows(), { items: [] });
      assert.deepEqual(seen, [`GET ${W}`, `GET ${W}`, `GET ${W}`]);
      assert.deepEqual(delays, [250, 500]);
    });
  });

  it('decides from the error and the target alone', () => {
    const cases: [unknown, 'emulator' | 'cloud', boolean][] = [
      [{ code: 'ECONNRESET' }, 'cloud', true],
      [{ code: 'ECONNREFUSED' }, 'cloud', true],
      [{ cause: { code: 'ECONNREFUSED' } }, 'emulator', false],
      [{ code: 'ECONNRESET' }, 'emulator', false],
      [{ code: 'ETIMEDOUT' }, 'cloud', false],
      [{ code: 14 }, 'emulator', true],
      [{ response: { status: 429 } }, 'emulator', true],
      [{ response: { status: 500 } }, 'cloud', false],
      [{ response: { status: 404 } }, 'cloud', false],
    ];
    assert.deepEqual(
      cases.map(([err, kind]) => isRetryable(err, kind)),
      cases.map(([, , expected]) => expected),
    );
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryAfterMs({ response: { headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' } } }, now), 3000);
    assert.equal(retryAfterMs({ response: { headers: new Headers({ 'Retry-After': '7' }) } }), 7000);
    assert.equal(retryAfterMs({ response: { headers: { 'retry-after': 'soon' } } }), undefined);
    assert.deepEqual([1, 2, 3].map((n) => retryDelay({}, n)), [250, 500, 1000]);
  });
});
