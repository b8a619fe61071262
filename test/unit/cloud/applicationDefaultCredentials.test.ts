import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCloudClient, describeCloudError } from '../../../src/cloud';
import { writeFakeServiceAccountKey } from '../support/fakeServiceAccountKey';

describe('cloud layer: the Google Cloud target with Application Default Credentials', () => {
  let dir: string;
  let server: http.Server;
  let port: number;
  const seen: { method?: string; url?: string; authorization?: string }[] = [];
  const saved = { credentials: process.env.GOOGLE_APPLICATION_CREDENTIALS, project: process.env.GOOGLE_CLOUD_PROJECT };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-adc-'));
    process.env.GOOGLE_APPLICATION_CREDENTIALS = writeFakeServiceAccountKey(dir);
    delete process.env.GOOGLE_CLOUD_PROJECT;
    server = http.createServer((req, res) => {
      seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 404, message: 'Workflow not found', status: 'NOT_FOUND' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  after(async () => {
    if (saved.credentials === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved.credentials;
    if (saved.project !== undefined) process.env.GOOGLE_CLOUD_PROJECT = saved.project;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes the project from the credentials and sends a signed bearer token on every call', async () => {
    const client = createCloudClient({ kind: 'cloud', location: 'europe-west1', endpoint: { host: '127.0.0.1', port, protocol: 'http' } }, { timeoutMs: 5000 });
    assert.equal(await client.project(), 'key-project');
    await assert.rejects(client.getWorkflow('w'), (err: unknown) => {
      assert.deepEqual(describeCloudError(err), {
        message: 'Not found: Workflow not found.',
        hint: 'Check the project, location and name; deploy the workflow first if needed.',
        code: 404,
      });
      return true;
    });
    await assert.rejects(client.listStepEntries('projects/key-project/locations/europe-west1/workflows/w/executions/e'));
    await client.close();
    assert.deepEqual(
      seen.map((r) => [r.method, r.url?.split('?')[0]]),
      [
        ['GET', '/v1/projects/key-project/locations/europe-west1/workflows/w'],
        ['GET', '/v1/projects/key-project/locations/europe-west1/workflows/w/executions/e/stepEntries'],
      ],
    );
    for (const r of seen) {
      const [, payload] = String(r.authorization).replace(/^Bearer /, '').split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss: string; sub: string };
      assert.equal(claims.iss, 'deployer@key-project.iam.gserviceaccount.com');
      assert.equal(claims.sub, 'deployer@key-project.iam.gserviceaccount.com');
    }
  });
});
