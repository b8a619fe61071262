import * as assert from 'assert';
import { redact } from '../../../../src/vscode/util/log';

suite('Editing: log redaction', () => {
  test('hides bearer tokens but keeps the scheme', () => {
    assert.strictEqual(redact('Authorization: Bearer ya29.a0AfB_x-y~z+/= sent'), 'Authorization: Bearer [REDACTED] sent');
  });

  test('hides token and secret fields in JSON, query strings and YAML', () => {
    assert.strictEqual(
      redact('{"access_token": "ya29.x\\"y", "expires_in": 3599, "refresh_token":"1//0g"}'),
      '{"access_token": "[REDACTED]", "expires_in": 3599, "refresh_token":"[REDACTED]"}',
    );
    assert.strictEqual(redact('GET /x?access_token=abc&alt=json'), 'GET /x?access_token=[REDACTED]&alt=json');
    assert.strictEqual(redact('client_secret: s3cr3t'), 'client_secret: [REDACTED]');
  });

  test('hides PEM private keys, escaped in JSON or raw', () => {
    assert.strictEqual(
      redact('{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n", "client_email": "a@b"}'),
      '{"private_key": "[REDACTED]", "client_email": "a@b"}',
    );
    assert.strictEqual(redact('-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\nnext'), '[REDACTED]\nnext');
  });

  test('leaves ordinary log lines alone', () => {
    const line = 'Deployed projects/p/locations/us-central1/workflows/batch-parent (revision 000001-abc)';
    assert.strictEqual(redact(line), line);
  });
});
