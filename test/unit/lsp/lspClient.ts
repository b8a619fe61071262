/**
 * A real LSP client over stdio for the protocol tests: spawns `cloud-workflows lsp --stdio` (the
 * CLI source under tsx, as the other CLI tests do) and speaks JSON-RPC with
 * vscode-languageserver-protocol. Waits poll for a condition with a deadline, never sleep.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

const REPO = path.resolve(__dirname, '..', '..', '..');

export interface LspServer {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** Everything the server wrote to stderr. */
  stderr(): string;
  /** Every `window/logMessage` text the server sent. */
  logs: string[];
  /** Resolves with the exit code (or signal) once the server process ended. */
  exited: Promise<number | NodeJS.Signals | null>;
  initialize(capabilities?: ClientCapabilities, initializationOptions?: unknown): Promise<InitializeResult>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  /** The diagnostics of `uri` once a publish for `version` (or any version, if omitted) arrived. */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Every publish received so far, in order. */
  published: PublishDiagnosticsParams[];
  /** `shutdown` then `exit`; resolves with the exit code. */
  stop(): Promise<number | NodeJS.Signals | null>;
  kill(): void;
}

/** Starts the server as an editor would: `cloud-workflows lsp --stdio`. */
export function startLsp(args: string[] = ['--stdio']): LspServer {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'src', 'cli', 'main.ts'), 'lsp', ...args], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    waiters.forEach((w) => w());
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => logs.push(params.message));
  connection.listen();

  const server: LspServer = {
    connection,
    child,
    stderr: () => stderr,
    logs,
    exited,
    published,
    initialize: async (capabilities = {}, initializationOptions) => {
      const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
      await connection.sendNotification('initialized', {});
      return result;
    },
    open: (uri, text, languageId = 'yaml', version = 1) => void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } }),
    change: (uri, version, contentChanges) => void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges }),
    close: (uri) => void connection.sendNotification('textDocument/didClose', { textDocument: { uri } }),
    diagnostics: (uri, version, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = [...published].reverse().find((p) => p.uri === uri && (version === undefined || p.version === version));
          if (!found) return false;
          waiters.delete(onPublish);
          clearTimeout(timer);
          resolve(found.diagnostics);
          return true;
        };
        const onPublish = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(onPublish);
          reject(new Error(`no diagnostics for ${uri}@${String(version)} within ${timeoutMs} ms; stderr: ${stderr}`));
        }, timeoutMs);
        if (!check()) waiters.add(onPublish);
      }),
    stop: async () => {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
    kill: () => {
      connection.dispose();
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
  return server;
}

/** A position, 0-based. */
export function at(line: number, character: number): { line: number; character: number } {
  return { line, character };
}

/** The two-routine workflow most suites use, with one unknown key (`nxt`). */
export const GREETER = [
  'main:',
  '  params: [args]',
  '  steps:',
  '    - init:',
  '        assign:',
  '          - name: ${args.name}',
  '        nxt: greet',
  '    - greet:',
  '        call: greet_user',
  '        args:',
  '          who: ${name}',
  '        result: greeting',
  '    - done:',
  '        return: ${greeting}',
  'greet_user:',
  '  params: [who]',
  '  steps:',
  '    - build:',
  '        return: ${"Hello, " + who}',
  '',
].join('\n');

export const GREETER_URI = 'file:///work/greeter.workflows.yaml';

/** Polls `condition` every 10 ms until it holds, failing after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
