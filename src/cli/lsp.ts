/**
 * `cloud-workflows lsp --stdio | --node-ipc`: serves the language server (src/lsp) to any editor.
 * `--clientProcessId=N`, which some clients add, is accepted (the server library watches that
 * process and exits with it).
 */
import { IPCMessageReader, IPCMessageWriter, createConnection } from 'vscode-languageserver/node';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startServer } from '../lsp/server';

/** The validation worker beside this file: `dist/lspWorker.js` when bundled, `lspWorker.ts` from source. */
function validationWorker(): string | undefined {
  return ['lspWorker.js', 'lspWorker.ts'].map((name) => path.join(__dirname, name)).find((file) => fs.existsSync(file));
}

const USAGE = `usage: cloud-workflows lsp --stdio | --node-ipc

Serves diagnostics, completion, hover, signature help, definition, references, rename,
outline, folding, selection ranges, semantic tokens, document links and quick fixes for
Cloud Workflows files over the Language Server Protocol, with an index of the workspace's
workflow files for child workflow IDs. See docs/EDITORS.md.
`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export async function main(argv: string[], io: Io = STDIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--stdio' && a !== '--node-ipc' && !/^--clientProcessId=\d+$/.test(a));
  const transports = argv.filter((a) => a === '--stdio' || a === '--node-ipc');
  if (unknown.length > 0 || transports.length !== 1) {
    io.err(unknown.length > 0 ? `cloud-workflows lsp: unknown option '${unknown[0]}'\n${USAGE}` : `cloud-workflows lsp: give exactly one of --stdio or --node-ipc\n${USAGE}`);
    return 2;
  }
  if (transports[0] === '--node-ipc' && !process.send) {
    io.err('cloud-workflows lsp: --node-ipc needs a parent that opened an IPC channel\n');
    return 2;
  }
  const connection =
    transports[0] === '--stdio'
      ? // Raw streams (not message readers), so the library exits when the editor closes stdin.
        createConnection(process.stdin, process.stdout)
      : createConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
  // stdout carries the protocol: anything logged goes to the client's log instead.
  console.log = console.info = console.warn = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  startServer(connection, { validationWorker: validationWorker() });
  // The server library ends the process on `exit` (or when the input closes).
  return new Promise<number>(() => undefined);
}
