import * as assert from 'node:assert/strict';
import { createCloudClient, describeCloudError } from '../../../src/cloud';
import { startFakeGoogleApi } from '../support/fakeGoogleApi';
import type { FakeGoogleApi } from '../support/fakeGoogleApi';

describe('cloud layer: the Google Cloud target with Application Default Credentials', () => {
  let api: FakeGoogleApi;
  let port: number;
  const seen: { method?: string; url?: string; authorization?: string }[] = [];

  before(async () => {
    api = await startFakeGoogleApi((req, _body, res) => {
      seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 404, message: 'Workflow not found', status: 'NOT_FOUND' } }));
    });
    port = api.port;
  });

  after(async () => {
    await api.close();
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
