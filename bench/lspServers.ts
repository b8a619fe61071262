/**
 * Language servers as editors run them, for bench/lsp.ts: ours (`dist/lsp.js --stdio` or
 * `dist/cli.js lsp --stdio`) and the peer, yaml-language-server started as a real server with the
 * SchemaStore Workflows schema associated through a file URI (no network). Each server is a child
 * process whose CPU time and resident memory are read from /proc.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { now, REPO, SHARED } from './util';

const TICKS = 100; // USER_HZ on Linux
export const LEAN = path.join(REPO, 'dist', 'lsp.js');
export const CLI = path.join(REPO, 'dist', 'cli.js');
const YAML_LS = path.join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
export const SCHEMA_FILE = path.join(SHARED, 'peers', 'schemastore-workflows', 'workflows.json');
/** yaml-language-server's fixed debounce before it validates (`validationDelayMs`). */
export const PEER_DEBOUNCE_MS = 200;

export interface Launch {
  label: string;
  peer: boolean;
  args: string[];
}

/** Ours from a bundle: `cli.js` needs the `lsp` command, `lsp.js` is the server itself. */
export function ours(bundle: string): Launch {
  const args = path.basename(bundle) === 'cli.js' ? [bundle, 'lsp', '--stdio'] : [bundle, '--stdio'];
  const relative = path.relative(REPO, bundle);
  return { label: `ours (${relative.startsWith('..') ? bundle : relative})`, peer: false, args };
}

export const PEER: Launch = { label: 'yaml-language-server + SchemaStore schema', peer: true, args: [YAML_LS, '--stdio'] };

/** The peer's settings: validation with the Workflows schema for `*.workflows.yaml|json`, no schema store download. */
const PEER_SETTINGS = {
  validate: true,
  hover: true,
  completion: true,
  format: { enable: false },
  schemaStore: { enable: false },
  schemas: { [pathToFileURL(SCHEMA_FILE).href]: ['*.workflows.yaml', '*.workflows.json'] },
};

export interface Server {
  readonly launch: Launch;
  readonly connection: ProtocolConnection;
  cpuMs(): number;
  /** Resident set size in KB (VmRSS). */
  rssKb(): number;
  /** The next diagnostics published for `uri` (for `version`, when given: the peer sends none). */
  nextPublish(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

function procField(pid: number | undefined, read: (pid: number) => number): number {
  try {
    return pid === undefined ? NaN : read(pid);
  } catch {
    return NaN;
  }
}

/** Starts a server and returns it with the time from spawn to the initialize result. */
export async function startServer(launch: Launch, diagnosticsDelay = 0): Promise<{ server: Server; startMs: number; startCpuMs: number }> {
  const t = now();
  const child = spawn(process.execPath, launch.args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const w of [...waiters]) {
      if (w.uri !== p.uri || (w.version !== undefined && p.version !== w.version)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => (i.section === 'yaml' ? PEER_SETTINGS : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('telemetry/event', () => undefined);
  connection.listen();
  const server: Server = {
    launch,
    connection,
    cpuMs: () => procField(child.pid, (pid) => {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
    }),
    rssKb: () => procField(child.pid, (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1])),
    nextPublish: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
  const capabilities = launch.peer ? { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } } : {};
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions: { diagnosticsDelay } });
  const startMs = now() - t;
  const startCpuMs = server.cpuMs();
  await connection.sendNotification('initialized', {});
  if (launch.peer) await peerReady(server);
  return { server, startMs, startCpuMs };
}

/**
 * Sends the peer its settings and waits until the schema applies: a probe whose step has an
 * unknown key must get a schema error, or the comparison would be against no schema at all.
 */
async function peerReady(server: Server): Promise<void> {
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const uri = 'file:///bench/probe.workflows.yaml';
  for (let version = 1; version <= 50; version++) {
    const text = `main:\n  steps:\n    - a:\n        nxt: 1${' '.repeat(version)}\n`;
    const published = server.nextPublish(uri);
    if (version === 1) await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    else await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    if ((await published).diagnostics.length > 0) {
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('yaml-language-server never applied the Workflows schema');
}
