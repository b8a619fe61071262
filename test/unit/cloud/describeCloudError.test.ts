import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createCloudClient, describeCloudError } from '../../../src/cloud';
import type { CloudClient } from '../../../src/cloud';

/** A server that answers every request with `status` and `body` (or never answers when status is 0). */
async function fakeServer(status: number, body: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    if (status === 0) return;
    res.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/html' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function client(port: number, timeoutMs = 5000): CloudClient {
  return createCloudClient({ kind: 'emulator', port, project: 'p', location: 'us-central1' }, { timeoutMs });
}

async function describeAnswer(status: number, body: string): Promise<ReturnType<typeof describeCloudError>> {
  const server = await fakeServer(status, body);
  const c = client(server.port);
  try {
    await c.getWorkflow('w');
    throw new Error('the call succeeded');
  } catch (err) {
    return describeCloudError(err);
  } finally {
    await c.close();
    await server.close();
  }
}

const googleError = (code: number, status: string, message: string, details?: unknown[]): string =>
  JSON.stringify({ error: { code, message, status, ...(details ? { details } : {}) } });

describe('describeCloudError: one clear sentence per failure, from real client errors', () => {
  it('names the missing permission and the role for a 403', async () => {
    const body = googleError(403, 'PERMISSION_DENIED', "Permission 'workflows.workflows.get' denied on resource '//workflows.googleapis.com/projects/p/locations/us-central1/workflows/w' (or it may not exist).", [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'IAM_PERMISSION_DENIED', domain: 'workflows.googleapis.com', metadata: { permission: 'workflows.workflows.get' } },
    ]);
    assert.deepEqual(await describeAnswer(403, body), {
      message: 'Permission denied: your account lacks workflows.workflows.get.',
      hint: 'Ask for roles/workflows.editor on the project (deploying needs it; running needs roles/workflows.invoker).',
      code: 403,
    });
  });

  it('names the API to enable and how, when the service is disabled', async () => {
    const body = googleError(
      403,
      'PERMISSION_DENIED',
      'Workflows API has not been used in project 123 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/workflows.googleapis.com/overview?project=123 then retry.',
      [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED', domain: 'googleapis.com', metadata: { consumer: 'projects/123', service: 'workflows.googleapis.com' } }],
    );
    assert.deepEqual(await describeAnswer(403, body), {
      message: 'The workflows.googleapis.com API is not enabled in project 123.',
      hint: 'Enable it with `gcloud services enable workflows.googleapis.com --project 123`, wait a minute, then retry.',
      code: 403,
    });
  });

  it('says what was not found for a 404', async () => {
    const body = googleError(404, 'NOT_FOUND', "Resource 'projects/p/locations/us-central1/workflows/w' was not found");
    assert.deepEqual(await describeAnswer(404, body), {
      message: "Not found: Resource 'projects/p/locations/us-central1/workflows/w' was not found.",
      hint: 'Check the project, location and name; deploy the workflow first if needed.',
      code: 404,
    });
  });

  it('explains a 409 conflict', async () => {
    const body = googleError(409, 'ALREADY_EXISTS', "Resource 'projects/p/locations/us-central1/workflows/w' already exists");
    assert.deepEqual(await describeAnswer(409, body), {
      message: "Conflict: Resource 'projects/p/locations/us-central1/workflows/w' already exists.",
      hint: 'Wait for the other operation to finish, then try again.',
      code: 409,
    });
  });

  it('explains a 429 quota error', async () => {
    const body = googleError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for quota metric Read requests.');
    assert.deepEqual(await describeAnswer(429, body), {
      message: 'Quota exceeded or rate limited: Quota exceeded for quota metric Read requests.',
      hint: 'Wait a little and retry, or ask for a higher quota.',
      code: 429,
    });
  });

  it('passes on the server message of a 500', async () => {
    const body = googleError(500, 'INTERNAL', 'Internal error encountered.');
    assert.deepEqual(await describeAnswer(500, body), {
      message: 'The server failed (500): Internal error encountered.',
      hint: 'Try again in a moment.',
      code: 500,
    });
  });

  it('never shows a raw body that is not Google JSON', async () => {
    assert.deepEqual(await describeAnswer(502, '<html><body>Bad Gateway</body></html>'), {
      message: 'The server failed (502): Bad Gateway.',
      hint: 'Try again in a moment.',
      code: 502,
    });
  });

  it('says the emulator is not running when the connection is refused', async () => {
    const server = await fakeServer(200, '{}');
    const port = server.port;
    await server.close();
    const c = client(port);
    await assert.rejects(c.listWorkflows(), (err: unknown) => {
      assert.deepEqual(describeCloudError(err), {
        message: `Nothing is listening at 127.0.0.1:${port}: the local emulator isn't running.`,
        hint: 'Start it with `cloud-workflows emulator`, or switch the target to the emulator embedded in the extension.',
        code: 'ECONNREFUSED',
      });
      return true;
    });
    await c.close();
  });

  it('times out against a server that never answers', async () => {
    const server = await fakeServer(0, '');
    const c = client(server.port, 300);
    const started = Date.now();
    await assert.rejects(c.getWorkflow('w'), (err: unknown) => {
      assert.deepEqual(describeCloudError(err), {
        message: 'The request timed out: the server did not answer in time.',
        hint: 'Check your network connection, then try again.',
        code: 'ETIMEDOUT',
      });
      return true;
    });
    assert.ok(Date.now() - started < 5000, 'the timeout applies');
    await c.close();
    await server.close();
  });

  describe('without credentials', () => {
    const saved: Record<string, string | undefined> = {};
    const vars = ['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_CONFIG', 'METADATA_SERVER_DETECTION', 'GOOGLE_CLOUD_PROJECT', 'HOME'];
    let empty: string;
    before(() => {
      for (const v of vars) saved[v] = process.env[v];
      empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-noadc-'));
      delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      delete process.env.GOOGLE_CLOUD_PROJECT;
      process.env.CLOUDSDK_CONFIG = empty;
      process.env.HOME = empty;
      process.env.METADATA_SERVER_DETECTION = 'none';
    });
    after(() => {
      for (const v of vars) {
        if (saved[v] === undefined) delete process.env[v];
        else process.env[v] = saved[v];
      }
      fs.rmSync(empty, { recursive: true, force: true });
    });

    it('tells how to log in, and a later call tries again instead of reusing a broken client', async () => {
      const c = createCloudClient({ kind: 'cloud', project: 'p', location: 'us-central1' }, { timeoutMs: 2000 });
      const expected = {
        message: 'No usable Google Cloud credentials were found.',
        hint: 'Run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file.',
      };
      await assert.rejects(c.listWorkflows(), (err: unknown) => {
        assert.deepEqual(describeCloudError(err), expected);
        return true;
      });
      await assert.rejects(c.getWorkflow('w'), (err: unknown) => {
        assert.deepEqual(describeCloudError(err), expected);
        return true;
      });
      await c.close();
    });
  });

  it('maps gRPC codes of client-side GoogleErrors to the same sentences', () => {
    const err = Object.assign(new Error("5 NOT_FOUND: Resource 'x' was not found"), { code: 5, details: "Resource 'x' was not found" });
    assert.deepEqual(describeCloudError(err), {
      message: "Not found: 5 NOT_FOUND: Resource 'x' was not found.",
      hint: 'Check the project, location and name; deploy the workflow first if needed.',
      code: 404,
    });
  });

  it('describes plain values and unknown errors without a stack or JSON', () => {
    assert.deepEqual(describeCloudError(new Error('something odd')), { message: 'something odd', code: undefined });
    assert.deepEqual(describeCloudError(undefined), { message: 'The request failed for an unknown reason.', code: undefined });
  });
});
