import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');

/** Returns whatever http.get answered: the body, or the error it raised. */
const FETCHER = `
main:
  params: [args]
  steps:
    - get:
        try:
          call: http.get
          args:
            url: \${args.url}
          result: r
        except:
          as: e
          steps:
            - failed:
                return: \${e}
    - ok:
        return: \${r.body}
`;

/** `cloud-workflows run fetcher.yaml --clock virtual --format json --data {url} [extra]`; the decoded report. */
function runCli(dir: string, url: string, extra: string[] = []): Promise<{ state: string; result: unknown }> {
  const args = ['--import', 'tsx', path.join(REPO, 'src', 'cli', 'main.ts'), 'run', path.join(dir, 'fetcher.yaml'), '--clock', 'virtual', '--format', 'json', '--data', JSON.stringify({ url }), ...extra];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: REPO, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err && !stdout) reject(new Error(`cloud-workflows run failed: ${err.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as { state: string; result: unknown });
    });
  });
}

/** An address of this machine that is not loopback (traffic to it never leaves the machine). */
function ownAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal)?.address;
}

function listen(host: string): Promise<http.Server> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`hello from ${host}`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve(server));
  });
}

/**
 * The network policy of local runs, end to end through the CLI: loopback is reachable, other
 * hosts are refused with a ConnectionFailedError saying how to allow them, and `--allow-http`
 * allows them. The "other host" is this machine's own non-loopback address: nothing leaves it.
 */
describe('reliability: the network policy of local runs', function () {
  this.timeout(120_000);
  let dir: string;
  const servers: http.Server[] = [];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-network-'));
    fs.writeFileSync(path.join(dir, 'fetcher.yaml'), FETCHER);
  });

  after(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reaches loopback by default, as 127.0.0.1 and as localhost', async () => {
    const server = await listen('127.0.0.1');
    servers.push(server);
    const port = (server.address() as AddressInfo).port;
    const viaAddress = await runCli(dir, `http://127.0.0.1:${port}/`);
    assert.deepEqual([viaAddress.state, viaAddress.result], ['SUCCEEDED', 'hello from 127.0.0.1']);
    const viaName = await runCli(dir, `http://localhost:${port}/`);
    assert.deepEqual([viaName.state, viaName.result], ['SUCCEEDED', 'hello from 127.0.0.1']);
  });

  it('refuses another host with a ConnectionFailedError that says how to allow it, and --allow-http allows it', async function () {
    const address = ownAddress();
    if (!address) this.skip();
    const host = address as string;
    const server = await listen(host);
    servers.push(server);
    const url = `http://${host}:${(server.address() as AddressInfo).port}/`;

    const refused = await runCli(dir, url);
    assert.deepEqual([refused.state, refused.result], [
      'SUCCEEDED',
      {
        message: `the local emulator's network policy refused a connection to ${host}; allow it with the setting cloudWorkflows.emulator.allowHttpHosts or the CLI flag --allow-http ${host}`,
        tags: ['ConnectionFailedError'],
      },
    ]);

    const allowed = await runCli(dir, url, ['--allow-http', host]);
    assert.deepEqual([allowed.state, allowed.result], ['SUCCEEDED', `hello from ${host}`]);

    const otherAllowed = await runCli(dir, url, ['--allow-http', 'api.example.com']);
    assert.deepEqual((otherAllowed.result as { tags: string[] }).tags, ['ConnectionFailedError']);
  });
});
