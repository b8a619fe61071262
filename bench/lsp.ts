/**
 * The language server as editors run it (`dist/cli.js lsp --stdio`, so `npm run build` first):
 * start time, keystroke-to-diagnostics latency for one-character edits on the generated 1,000-step
 * and 5,000-step workflows, completion latency at the end of the 5,000-step file, and the size of
 * the bundle that carries the server. Wall time is measured by the client; the server's CPU time
 * (user + system, read from /proc/<pid>/stat) is reported beside it, since on a loaded machine
 * wall time includes waiting for a core.
 *
 *   node --import tsx bench/lsp.ts [--quick]
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { generateWorkflow } from './generateWorkflow';
import { kb, load1, median, ms, now, percentile, printTable, REPO, runIfMain } from './util';

const CLI = path.join(REPO, 'dist', 'cli.js');
const TICKS = 100; // USER_HZ on Linux

interface Server {
  connection: ProtocolConnection;
  cpuMs(): number;
  published: PublishDiagnosticsParams[];
  onPublish?: (p: PublishDiagnosticsParams) => void;
  stop(): Promise<void>;
}

async function start(diagnosticsDelay: number): Promise<{ server: Server; wall: number; cpu: number }> {
  const t = now();
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const cpuMs = (): number => {
    try {
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
    } catch {
      return NaN;
    }
  };
  const server: Server = {
    connection,
    cpuMs,
    published: [],
    stop: async () => {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise((resolve) => child.once('exit', resolve));
      connection.dispose();
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    server.published.push(p);
    server.onPublish?.(p);
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { diagnosticsDelay } });
  const wall = now() - t;
  await connection.sendNotification('initialized', {});
  return { server, wall, cpu: cpuMs() };
}

function published(server: Server, uri: string, version: number): Promise<void> {
  if (server.published.some((p) => p.uri === uri && p.version === version)) return Promise.resolve();
  return new Promise((resolve) => {
    server.onPublish = (p) => {
      if (p.uri === uri && p.version === version) resolve();
    };
  });
}

async function startup(runs: number): Promise<string[][]> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { server, wall, cpu } = await start(0);
    walls.push(wall);
    cpus.push(cpu);
    await server.stop();
  }
  return [['start (spawn to initialize result)', ms(median(walls)), ms(Math.max(...walls)), ms(median(cpus))]];
}

/** One-character edits (a trailing space added, then removed) and the wall/CPU time until their diagnostics arrive. */
async function keystrokes(steps: number, edits: number): Promise<string[]> {
  const { server } = await start(0);
  const uri = `file:///bench/w${steps}.workflows.yaml`;
  const text = generateWorkflow(steps);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await published(server, uri, 1);
  const walls: number[] = [];
  const cpus: number[] = [];
  // `  params: [input]` is line 1: a trailing space there keeps the workflow as it is.
  for (let version = 2; version < edits + 2; version++) {
    const add = version % 2 === 0;
    const range = add ? { start: { line: 1, character: 17 }, end: { line: 1, character: 17 } } : { start: { line: 1, character: 17 }, end: { line: 1, character: 18 } };
    const cpu = server.cpuMs();
    const t = now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: add ? ' ' : '' }] });
    await published(server, uri, version);
    walls.push(now() - t);
    cpus.push(server.cpuMs() - cpu);
  }
  await server.stop();
  return [`keystroke → diagnostics, ${steps.toLocaleString('en-US')} steps (${kb(text.length)})`, ms(median(walls)), ms(percentile(walls, 95)), ms(median(cpus))];
}

/** Completion inside the last `${` of the 5,000-step file: with the model cached, and right after an edit (parse included). */
async function completion(runs: number): Promise<string[][]> {
  const { server } = await start(600_000);
  const uri = 'file:///bench/w5000.workflows.yaml';
  const text = generateWorkflow(5000);
  const lines = text.split('\n');
  const line = lines.map((l, i) => [l, i] as const).filter(([l]) => l.includes('${')).pop() as readonly [string, number];
  const position = { line: line[1], character: line[0].indexOf('${') + 2 };
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const request = async (): Promise<[number, number, number]> => {
    const cpu = server.cpuMs();
    const t = now();
    const items = await server.connection.sendRequest<unknown[]>('textDocument/completion', { textDocument: { uri }, position });
    return [now() - t, server.cpuMs() - cpu, items.length];
  };
  await request();
  const cached: [number, number, number][] = [];
  for (let i = 0; i < runs; i++) cached.push(await request());
  const edited: [number, number, number][] = [];
  for (let version = 2; version < runs + 2; version++) {
    const add = version % 2 === 0;
    const range = add ? { start: { line: 1, character: 17 }, end: { line: 1, character: 17 } } : { start: { line: 1, character: 17 }, end: { line: 1, character: 18 } };
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: add ? ' ' : '' }] });
    edited.push(await request());
  }
  await server.stop();
  const row = (label: string, r: [number, number, number][]): string[] => [`${label} (${r[0][2]} items)`, ms(median(r.map((x) => x[0]))), ms(percentile(r.map((x) => x[0]), 95)), ms(median(r.map((x) => x[1])))];
  return [row('completion at the end of 5,000 steps, model cached', cached), row('completion at the end of 5,000 steps, right after an edit', edited)];
}

export async function main(quick: boolean): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const runs = quick ? 3 : 15;
  const rows = [...(await startup(quick ? 2 : 5)), await keystrokes(1000, runs), await keystrokes(5000, runs), ...(await completion(runs))];
  printTable('Language server (`cloud-workflows lsp --stdio`, built bundle)', ['measure', 'wall (median)', 'wall (p95 / slowest)', 'server CPU (median)'], rows, [
    `bundle carrying the server: dist/cli.js, ${kb(fs.statSync(CLI).size)} (minified; the whole CLI)`,
    'diagnostics measured with diagnosticsDelay 0: editors add the default 150 ms debounce after the last keystroke',
    'CPU time from /proc/<pid>/stat has 10 ms resolution; on a shared, loaded machine wall time includes waiting for a core',
    `${runs} edits or requests each; load average (1 min): ${load1()}`,
  ]);
}

runIfMain(module, main);
