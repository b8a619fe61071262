import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a service-account key file with a freshly generated RSA key into `dir` and returns its
 * path. With `GOOGLE_APPLICATION_CREDENTIALS` pointing at it, the real Application Default
 * Credentials path signs its own JWTs offline, so tests can see real tokens without Google.
 */
export function writeFakeServiceAccountKey(dir: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = {
    type: 'service_account',
    project_id: 'key-project',
    private_key_id: 'k1',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
    client_email: 'deployer@key-project.iam.gserviceaccount.com',
    client_id: '1',
    token_uri: 'https://oauth2.googleapis.com/token',
  };
  const file = path.join(dir, 'key.json');
  fs.writeFileSync(file, JSON.stringify(key));
  return file;
}
