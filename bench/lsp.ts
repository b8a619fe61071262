/**
 * The language server as editors run it (built bundles, so `npm run build` first), side by side
 * with yaml-language-server + the SchemaStore Workflows schema run as a real server on the same
 * edits (bench/lspServers.ts):
 * - start time (spawn to initialize result) of dist/lsp.js, dist/cli.js lsp and the peer;
 * - keystroke to diagnostics: one-character edits in the middle of the generated 1,000-step
 *   (Google's 128 KB limit) and 5,000-step workflows, against issue 13's targets;
 * - completion at the end of the 5,000-step file, cached and right after an edit;
 * - responsiveness: hovers on a small open workflow while the 5,000-step one is re-checked;
 * - memory: resident size with 300 corpus workflows open.
 * Wall time is measured by the client; the server's CPU time (user + system, /proc/<pid>/stat,
 * 10 ms resolution, GC threads included) is reported beside it, since on a loaded machine wall
 * time includes waiting for a core.
 *
 *   node --import tsx bench/lsp.ts [--quick] [--server path/to/lsp.js|cli.js]
 */
import * as fs from 'node:fs';
import type { Hover } from 'vscode-languageserver-protocol';
import { generateWorkflow } from './generateWorkflow';
import { CLI, LEAN, PEER, PEER_DEBOUNCE_MS, ours, startServer, type Launch, type Server } from './lspServers';
import { kb, load1, mb, median, ms, now, percentile, printTable, ratio, runIfMain, validCorpus } from './util';

const TARGETS: Record<number, number> = { 1000: 50, 5000: 150 };
const COMPLETION_TARGET = 30;

const SMALL_URI = 'file:///bench/small.workflows.yaml';
const SMALL = ['main:', '  params: [args]', '  steps:', '    - init:', '        assign:', '          - name: ${args.name}', '    - done:', '        return: ${name}', ''].join('\n');

/** A line in the middle of the file whose last character the edits toggle (`application/json` ↔ `application/jsox`). */
function editLine(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => l.endsWith('Accept: application/json'));
  const [l, i] = candidates[Math.floor(candidates.length / 2)];
  return { line: i, character: l.length - 1 };
}

function toggle(uri: string, at: { line: number; character: number }, version: number): object {
  const range = { start: at, end: { line: at.line, character: at.character + 1 } };
  return { textDocument: { uri, version }, contentChanges: [{ range, text: version % 2 === 0 ? 'x' : 'n' }] };
}

async function open(server: Server, uri: string, text: string, languageId = 'yaml'): Promise<void> {
  const published = server.nextPublish(uri, server.launch.peer ? undefined : 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  await published;
}

interface Keystrokes {
  walls: number[];
  cpus: number[];
}

/** One-character edits, each waiting for its diagnostics. The peer's wall time excludes its fixed debounce. */
async function keystrokes(launch: Launch, steps: number, edits: number): Promise<Keystrokes> {
  const { server } = await startServer(launch);
  const uri = `file:///bench/w${steps}.workflows.yaml`;
  const text = generateWorkflow(steps);
  await open(server, uri, text);
  const at = editLine(text);
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let version = 2; version < edits + 2; version++) {
    const published = server.nextPublish(uri, launch.peer ? undefined : version);
    const cpu = server.cpuMs();
    const t = now();
    await server.connection.sendNotification('textDocument/didChange', toggle(uri, at, version));
    await published;
    walls.push(now() - t - (launch.peer ? PEER_DEBOUNCE_MS : 0));
    cpus.push(server.cpuMs() - cpu);
  }
  await server.stop();
  return { walls, cpus };
}

async function startup(launches: Launch[], runs: number): Promise<string[][]> {
  const rows: string[][] = [];
  for (const launch of launches) {
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { server, startMs, startCpuMs } = await startServer(launch);
      walls.push(startMs);
      cpus.push(startCpuMs);
      await server.stop();
    }
    const bundle = launch.peer ? '' : `, bundle ${kb(fs.statSync(launch.args[0]).size)}`;
    rows.push([`start: ${launch.label}${bundle}`, ms(median(walls)), ms(Math.max(...walls)), ms(median(cpus)), '—']);
  }
  return rows;
}

async function typing(server: Launch, runs: number): Promise<string[][]> {
  const rows: string[][] = [];
  for (const steps of [1000, 5000]) {
    const text = generateWorkflow(steps);
    const mine = await keystrokes(server, steps, runs);
    const theirs = await keystrokes(PEER, steps, Math.max(3, Math.round(runs / 3)));
    const label = `keystroke → diagnostics, ${steps.toLocaleString('en-US')} steps (${kb(text.length)})`;
    rows.push([`${label}: ours`, ms(median(mine.walls)), ms(percentile(mine.walls, 95)), ms(median(mine.cpus)), `target < ${TARGETS[steps]} ms: ${ratio(median(mine.walls), TARGETS[steps])} (CPU ${ratio(median(mine.cpus), TARGETS[steps])})`]);
    rows.push([`${label}: peer, after its ${PEER_DEBOUNCE_MS} ms debounce`, ms(median(theirs.walls)), ms(percentile(theirs.walls, 95)), ms(median(theirs.cpus)), `ours / peer: ${ratio(median(mine.walls), median(theirs.walls))} (CPU ${ratio(median(mine.cpus), median(theirs.cpus))})`]);
  }
  return rows;
}

/** Completion inside the last `${` of the 5,000-step file: with the model cached, and right after an edit (parse included). */
async function completion(launch: Launch, runs: number): Promise<string[][]> {
  const { server } = await startServer(launch, 600_000);
  const uri = 'file:///bench/w5000.workflows.yaml';
  const text = generateWorkflow(5000);
  const lines = text.split('\n');
  const line = lines.map((l, i) => [l, i] as const).filter(([l]) => l.includes('${')).pop() as readonly [string, number];
  const position = { line: line[1], character: line[0].indexOf('${') + 2 };
  const at = editLine(text);
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
    await server.connection.sendNotification('textDocument/didChange', toggle(uri, at, version));
    edited.push(await request());
  }
  await server.stop();
  const row = (label: string, r: [number, number, number][]): string[] => {
    const wall = median(r.map((x) => x[0]));
    return [`${label} (${r[0][2]} items)`, ms(wall), ms(percentile(r.map((x) => x[0]), 95)), ms(median(r.map((x) => x[1]))), `target < ${COMPLETION_TARGET} ms: ${ratio(wall, COMPLETION_TARGET)}`];
  };
  return [row('completion at the end of 5,000 steps, model cached', cached), row('completion at the end of 5,000 steps, right after an edit', edited)];
}

/**
 * Edits the 5,000-step file and, until its diagnostics arrive, hovers on a small open workflow
 * again and again: the hover latencies say how long the server kept a request waiting.
 */
async function responsiveness(launch: Launch, edits: number): Promise<string[]> {
  const { server } = await startServer(launch);
  const uri = 'file:///bench/w5000.workflows.yaml';
  const text = generateWorkflow(5000);
  await open(server, SMALL_URI, SMALL);
  await open(server, uri, text);
  const at = editLine(text);
  const hovers: number[] = [];
  const checks: number[] = [];
  for (let version = 2; version < edits + 2; version++) {
    let done = false;
    const published = server.nextPublish(uri, launch.peer ? undefined : version).then(() => (done = true));
    const t = now();
    await server.connection.sendNotification('textDocument/didChange', toggle(uri, at, version));
    while (!done) {
      const h = now();
      await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: SMALL_URI }, position: { line: 7, character: 20 } });
      hovers.push(now() - h);
      // About a hover per 10 ms of idle time: a user pointing around, not a flood competing for the cores.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await published;
    checks.push(now() - t);
  }
  await server.stop();
  return [`hover on a small workflow while 5,000 steps are re-checked: ${launch.label}`, ms(median(hovers)), ms(percentile(hovers, 95)), `slowest ${ms(Math.max(...hovers))}`, `${hovers.length} hovers during ${edits} checks of ${ms(median(checks))} (median)`];
}

/** Resident memory with `count` corpus workflows open, each checked once. */
async function memory(launch: Launch, count: number): Promise<string[]> {
  const { server } = await startServer(launch);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const before = server.rssKb();
  const files = validCorpus().slice(0, count);
  const published = files.map((f, i) => {
    const uri = `file:///bench/corpus/${i}.workflows.${f.format}`;
    const done = server.nextPublish(uri, launch.peer ? undefined : 1);
    void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: f.format, version: 1, text: f.text } });
    return done;
  });
  let checked = 0;
  for (const p of published) void p.then(() => checked++);
  // A server that never publishes for some file must not hang the run.
  await Promise.race([Promise.all(published), new Promise((resolve) => setTimeout(resolve, 120_000))]);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = server.rssKb();
  await server.stop();
  const size = files.reduce((n, f) => n + f.text.length, 0);
  return [`${files.length} corpus workflows open (${kb(size)}): ${launch.label}`, mb(after * 1024), mb(before * 1024), mb((after - before) * 1024), `${kb(((after - before) * 1024) / files.length)} per workflow; ${checked} checked`];
}

function serverOption(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--server');
  return i >= 0 ? argv[i + 1] : undefined;
}

export async function main(quick: boolean): Promise<void> {
  const chosen = serverOption(process.argv);
  for (const bundle of chosen ? [chosen] : [LEAN, CLI]) if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
  const server = ours(chosen ?? LEAN);
  const runs = quick ? 3 : 15;
  const starts = await startup(chosen ? [server, PEER] : [server, ours(CLI), PEER], quick ? 2 : 5);
  const rows = [...starts, ...(await typing(server, runs)), ...(await completion(server, runs))];
  printTable('Language server: start, keystroke → diagnostics, completion', ['measure', 'wall (median)', 'wall (p95 / slowest)', 'server CPU (median)', 'against'], rows, [
    `ours: diagnosticsDelay 0 (editors add the default 150 ms debounce after the last keystroke); the peer's fixed ${PEER_DEBOUNCE_MS} ms debounce is subtracted from its wall time`,
    'each edit toggles the last character of `Accept: application/json` in the middle of the file (the peer gets a third as many edits, at least 3)',
    'CPU time from /proc/<pid>/stat has 10 ms resolution and counts the GC threads; on a shared, loaded machine wall time includes waiting for a core',
    `${runs} edits or requests each; load average (1 min): ${load1()}`,
  ]);
  const hover = [await responsiveness(server, quick ? 2 : 6), await responsiveness(PEER, quick ? 2 : 4)];
  printTable('Language server: responsiveness during a re-check', ['measure', 'hover (median)', 'hover (p95)', 'hover (slowest)', 'during'], hover, [
    'from the edit until the big file\'s diagnostics arrive, a hover is sent 10 ms after the previous one was answered',
    `load average (1 min): ${load1()}`,
  ]);
  const count = quick ? 100 : 300;
  const mem = [await memory(server, count), await memory(PEER, count)];
  printTable('Language server: memory', ['measure', 'RSS after', 'RSS at start', 'added', 'per workflow'], mem, [
    'resident set size (VmRSS from /proc/<pid>/status) 1 s after the last diagnostics; no forced GC, so it includes garbage not yet collected',
    `load average (1 min): ${load1()}`,
  ]);
}

runIfMain(module, main);
