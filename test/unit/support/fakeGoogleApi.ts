import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFakeServiceAccountKey } from './fakeServiceAccountKey';

export interface FakeGoogleApi {
  port: number;
  /** The service-account key file the credentials point at. */
  keyFile: string;
  /** Stops the server, deletes the key and restores the environment. */
  close(): Promise<void>;
}

/**
 * A fake Google API on loopback with Application Default Credentials pointing at a freshly made
 * service-account key (project `key-project`): the real auth path signs its tokens offline.
 * `handle` gets each request with its whole body.
 */
export async function startFakeGoogleApi(handle: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void): Promise<FakeGoogleApi> {
  const saved = { credentials: process.env.GOOGLE_APPLICATION_CREDENTIALS, project: process.env.GOOGLE_CLOUD_PROJECT };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-fake-google-'));
  const keyFile = writeFakeServiceAccountKey(dir);
  process.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
  delete process.env.GOOGLE_CLOUD_PROJECT;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handle(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    keyFile,
    async close() {
      if (saved.credentials === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved.credentials;
      if (saved.project !== undefined) process.env.GOOGLE_CLOUD_PROJECT = saved.project;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
