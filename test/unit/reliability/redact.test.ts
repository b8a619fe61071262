import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { inspect } from 'node:util';
import { createCloudClient, describeCloudError } from '../../../src/cloud';
import { redact } from '../../../src/vscode/util/redact';
import { startFakeGoogleApi } from '../support/fakeGoogleApi';
import type { FakeGoogleApi } from '../support/fakeGoogleApi';

const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJhQGIuaWFtLmdzZXJ2aWNlYWNjb3VudC5jb20ifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('reliability: secrets never reach the log', function () {
  this.timeout(60_000);

  it('removes a whole service-account key file but keeps the harmless fields', () => {
    const key = {
      type: 'service_account',
      private_key_id: 'k1',
      private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n',
      client_email: 'deployer@p.iam.gserviceaccount.com',
    };
    assert.equal(
      redact(`loaded ${JSON.stringify(key)}`),
      'loaded {"type":"service_account","private_key_id":"k1","private_key":"[REDACTED]","client_email":"deployer@p.iam.gserviceaccount.com"}',
    );
  });

  it('removes bearer tokens, access and refresh tokens, JWT assertions and basic credentials', () => {
    assert.deepEqual(
      [
        'Authorization: Bearer ya29.a0AfH6SMBx-y_z.Q==',
        `{"access_token": "ya29.abc", "refresh_token":"1//0gabc", "expires_in": 3599}`,
        'POST /token access_token=ya29.abc&refresh_token=1//0g&x=1',
        `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=${JWT}`,
        `401: the token ${JWT} is invalid`,
        'token ya29.a0AfH6SMBxLongToken expired',
        'Authorization: Basic dXNlcjpwYXNzd29yZA==',
        'Basic setup of workflow batch-parent done',
      ].map(redact),
      [
        'Authorization: Bearer [REDACTED]',
        '{"access_token": "[REDACTED]", "refresh_token":"[REDACTED]", "expires_in": 3599}',
        'POST /token access_token=[REDACTED]&refresh_token=[REDACTED]&x=1',
        'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=[REDACTED]',
        '401: the token [REDACTED] is invalid',
        'token [REDACTED] expired',
        'Authorization: Basic [REDACTED]',
        'Basic setup of workflow batch-parent done',
      ],
    );
  });

  describe('a cloud call with a generated service-account key', () => {
    let api: FakeGoogleApi;
    let port: number;
    const tokens: string[] = [];

    before(async () => {
      // A hostile server: it quotes the credentials it received back in its error message.
      api = await startFakeGoogleApi((req, _body, res) => {
        const authorization = String(req.headers.authorization);
        tokens.push(authorization.replace(/^Bearer /, ''));
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 401, message: `Invalid credentials: ${authorization}; raw ${tokens[tokens.length - 1]}`, status: 'UNAUTHENTICATED' } }));
      });
      port = api.port;
    });

    after(async () => {
      await api.close();
    });

    it('logs the failure with no token and no key material, even when the server echoes the token', async () => {
      const client = createCloudClient({ kind: 'cloud', location: 'us-central1', endpoint: { host: '127.0.0.1', port, protocol: 'http' } }, { timeoutMs: 10_000 });
      let error: unknown;
      try {
        await client.listWorkflows();
      } catch (err) {
        error = err;
      } finally {
        await client.close();
      }
      assert.equal(tokens.length, 1);
      const token = tokens[0];
      assert.match(token, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
      const raw = `${error instanceof Error ? error.message : String(error)}\n${inspect(error, { depth: 6 })}`;
      assert.ok(raw.includes(token), 'the unredacted error must carry the token, or this test proves nothing');
      // What Log.error writes: "<action> failed: <message>", and the described error, each redacted.
      const lines = [
        redact(`List workflows failed: ${error instanceof Error ? error.message : String(error)}`),
        redact(JSON.stringify(describeCloudError(error))),
        redact(inspect(error, { depth: 6 })),
      ];
      const key = JSON.parse(fs.readFileSync(api.keyFile, 'utf8')) as { private_key: string };
      const keyLine = key.private_key.split('\n')[1];
      for (const line of lines) {
        assert.ok(!line.includes(token), `token in: ${line.slice(0, 200)}`);
        for (const part of token.split('.')) assert.ok(!line.includes(part), `token part in: ${line.slice(0, 200)}`);
        assert.ok(!line.includes(keyLine), 'private key material in the log');
      }
      assert.equal(
        lines[0],
        'List workflows failed: {"error":{"code":401,"message":"Invalid credentials: Bearer [REDACTED]; raw [REDACTED]","status":"UNAUTHENTICATED"}}',
      );
    });
  });
});
