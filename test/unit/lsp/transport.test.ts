import { deepStrictEqual } from 'assert';
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { IPCMessageReader, IPCMessageWriter, createProtocolConnection, type InitializeResult } from 'vscode-languageserver-protocol/node';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = ['--import', 'tsx', path.join(REPO, 'src', 'cli', 'main.ts'), 'lsp'];

describe('lsp: transports and options', () => {
  it('serves over Node IPC with --node-ipc', async () => {
    const child = spawn(process.execPath, [...CLI, '--node-ipc'], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      deepStrictEqual(result.serverInfo, { name: 'cloud-workflows' });
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      deepStrictEqual(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses a missing or unknown transport with usage and exit code 2', () => {
    for (const args of [[], ['--tcp'], ['--stdio', '--node-ipc']]) {
      const run = spawnSync(process.execPath, [...CLI, ...args], { cwd: REPO, encoding: 'utf8' });
      deepStrictEqual([run.status, run.stdout, run.stderr.split('\n')[0]], [
        2,
        '',
        args[0] === '--tcp' ? "cloud-workflows lsp: unknown option '--tcp'" : 'cloud-workflows lsp: give exactly one of --stdio or --node-ipc',
      ]);
    }
  });
});
