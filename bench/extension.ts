/**
 * The extension's footprint: bundle sizes (dist/ as built, and a minified production build made
 * into a temporary folder), the VSIX, activation cost, and how many API requests one refresh of
 * the Executions tree costs for a parent execution with 1,000 children.
 *
 *   node --import tsx bench/extension.ts [--quick]
 */
import { execFileSync } from 'node:child_process';
import * as diagnosticsChannel from 'node:diagnostics_channel';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { createCloudClient } from '../src/cloud';
import { startEmulator } from '../src/emulator';
import { ExecutionsSource } from '../src/vscode/tree/executionsSource';
import type { TargetService } from '../src/vscode/target/targetService';
import { parentSource } from './parallel';
import { count, kb, load1, median, ms, now, printTable, REPO, runIfMain } from './util';

const BUNDLES = ['extension.js', 'cloud.js', 'cli.js'];

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file)).length;
}

async function bundleSizes(tmp: string): Promise<void> {
  const rows: string[][] = [];
  // The same options as scripts/build.mjs --production, written to a temporary folder so dist/ stays as it is.
  const production = { bundle: true, platform: 'node' as const, format: 'cjs' as const, target: 'node20', minify: true, keepNames: true, external: ['vscode'], logLevel: 'silent' as const };
  const entries: Record<string, string> = { 'extension.js': 'src/extension.ts', 'cloud.js': 'src/cloud/index.ts', 'cli.js': 'src/cli/main.ts' };
  for (const name of BUNDLES) {
    const built = path.join(REPO, 'dist', name);
    const minified = path.join(tmp, name);
    await esbuild.build({ ...production, entryPoints: [path.join(REPO, entries[name])], outfile: minified });
    const asBuilt = fs.existsSync(built) ? `${kb(fs.statSync(built).size)}` : 'not built';
    rows.push([`dist/${name}`, asBuilt, kb(fs.statSync(minified).size), kb(gzipSize(minified))]);
  }
  printTable('Extension: bundle sizes', ['bundle', 'dist/ as built now', 'production (minified)', 'production, gzipped'], rows, [
    'dist/ is whatever `npm run build` last wrote (a development build has source maps beside it and is not minified); the production column is built by this script with the options of `scripts/build.mjs --production`',
    'cloud.js holds the Google client and is required lazily, on the first deploy/run/tree read; extension.js is what activation loads',
  ]);
}

function vsix(tmp: string, quick: boolean): void {
  const cached = fs.existsSync(path.join(REPO, '.cache')) ? fs.readdirSync(path.join(REPO, '.cache')).filter((f) => f.endsWith('.vsix')) : [];
  let file: string | undefined = cached.length > 0 ? path.join(REPO, '.cache', cached.sort()[cached.length - 1]) : undefined;
  let note = file ? `from ${path.relative(REPO, file)}` : '';
  if (!file && !quick) {
    const out = path.join(tmp, 'bench.vsix');
    try {
      // README images need a base URL when package.json names no repository; any URL does for a size.
      const base = 'https://example.invalid/cloud-workflows-toolkit';
      const args = ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--baseContentUrl', base, '--baseImagesUrl', base, '-o', out];
      execFileSync('npx', args, { cwd: REPO, stdio: 'pipe', timeout: 180_000 });
      file = out;
      note = `built by this script from dist/ as it is: \`npx ${args.slice(0, -2).join(' ')} -o <tmp>\``;
    } catch (err) {
      const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-2).join(' ') ?? String(err);
      note = `vsce package failed: ${stderr}`;
    }
  }
  if (!file && quick) note = 'skipped in --quick (no .cache/*.vsix)';
  printTable('Extension: VSIX', ['package', 'size'], [['VSIX', file ? kb(fs.statSync(file).size) : 'n/a']], [note]);
}

/**
 * Child-process script: injects a stub `vscode` module through Module._resolveFilename, times the
 * `require` of dist/extension.js, then tries `activate()` against a deep stub that answers any
 * property or call with another stub. Prints one JSON line.
 */
const ACTIVATION_PROBE = `
const Module = require('module');
const path = require('path');
const { performance } = require('perf_hooks');
const stubFile = path.join(process.argv[2], 'vscode-stub.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? stubFile : resolve.call(this, request, ...rest);
};
const t0 = performance.now();
const ext = require(process.argv[3]);
const requireMs = performance.now() - t0;
let activateMs = null;
let activateError = null;
try {
  const vscode = require('vscode');
  const context = { subscriptions: [], extensionPath: process.argv[4], extensionUri: vscode.Uri.file(process.argv[4]),
    globalState: vscode.memento, workspaceState: vscode.memento, globalStorageUri: vscode.Uri.file(process.argv[2]),
    storageUri: vscode.Uri.file(process.argv[2]), asAbsolutePath: (p) => path.join(process.argv[4], p) };
  const t1 = performance.now();
  ext.activate(context);
  activateMs = performance.now() - t1;
} catch (e) {
  activateError = String(e && e.message || e).split('\\n')[0];
}
const loadedCloud = Object.keys(require.cache).some((f) => f.endsWith(path.join('dist', 'cloud.js')));
console.log(JSON.stringify({ requireMs, activateMs, activateError, loadedCloud }));
process.exit(0);
`;

const VSCODE_STUB = `
function stub(name) {
  const fn = function () {};
  const cache = new Map();
  return new Proxy(fn, {
    get(target, prop) {
      if (prop === 'then' || prop === 'toJSON') return undefined;
      if (prop === Symbol.toPrimitive) return (hint) => (hint === 'number' ? 0 : '');
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'prototype') return target.prototype;
      if (!cache.has(prop)) cache.set(prop, stub(name + '.' + String(prop)));
      return cache.get(prop);
    },
    set(target, prop, value) { cache.set(prop, value); return true; },
    apply() { return stub(name + '()'); },
    construct() { return stub('new ' + name); },
  });
}
const root = stub('vscode');
// esbuild's ESM interop copies own properties, so the names the bundle uses are real properties.
module.exports = Object.fromEntries(require('./vscode-names.json').map((n) => [n, root[n]]));
`;

function activation(tmp: string, runs: number): void {
  const recorded = path.join(REPO, '.test-artifacts', 'activation.json');
  const rows: string[][] = [];
  const notes: string[] = [];
  if (fs.existsSync(recorded)) {
    rows.push(['recorded by the integration tests (.test-artifacts/activation.json)', fs.readFileSync(recorded, 'utf8').trim()]);
  } else {
    notes.push('the integration tests record no activation time (no .test-artifacts/activation.json), so this is measured in plain Node with a stub `vscode` module');
  }
  const bundle = path.join(REPO, 'dist', 'extension.js');
  if (!fs.existsSync(bundle)) {
    printTable('Extension: activation', ['measure', 'value'], [...rows, ['dist/extension.js', 'not built (run `npm run build`)']], notes);
    return;
  }
  // Every name @types/vscode exports (nested ones too: extra names do no harm).
  const typings = fs.readFileSync(path.join(REPO, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const names = new Set([...typings.matchAll(/export (?:namespace|class|enum|const|let|function) (\w+)/g)].map((m) => m[1]));
  fs.writeFileSync(path.join(tmp, 'vscode-names.json'), JSON.stringify([...names]));
  fs.writeFileSync(path.join(tmp, 'vscode-stub.js'), VSCODE_STUB);
  fs.writeFileSync(path.join(tmp, 'probe.js'), ACTIVATION_PROBE);
  const results: { requireMs: number; activateMs: number | null; activateError: string | null; loadedCloud: boolean }[] = [];
  for (let k = 0; k < runs; k++) {
    try {
      const out = execFileSync(process.execPath, [path.join(tmp, 'probe.js'), tmp, bundle, REPO], { cwd: tmp, timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
      results.push(JSON.parse(out.toString().trim().split('\n').pop() as string));
    } catch (err) {
      const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? String(err);
      const reason = stderr.split('\n').find((l) => /Error/.test(l)) ?? stderr.split('\n')[0];
      printTable('Extension: activation', ['measure', 'value'], [...rows, ['require(dist/extension.js) with a stub vscode', `failed: ${reason.trim()}`]], notes);
      return;
    }
  }
  rows.push(['require(dist/extension.js), fresh Node process, median', ms(median(results.map((r) => r.requireMs)))]);
  const activated = results.filter((r) => r.activateMs !== null);
  rows.push([
    'activate() against a deep stub of the vscode API, median',
    activated.length > 0 ? ms(median(activated.map((r) => r.activateMs as number))) : `not measured: ${results[0].activateError}`,
  ]);
  rows.push(['Google client bundle (dist/cloud.js) loaded by activation', results.some((r) => r.loadedCloud) ? 'yes' : 'no']);
  notes.push(`${runs} fresh processes; the stub answers every API call at once, so real activation in VS Code costs more; load average (1 min): ${load1()}`);
  printTable('Extension: activation', ['measure', 'value'], rows, notes);
}

/**
 * Mirrors what the Executions view sends for a full refresh and the expansion of one parent with
 * `children` children: list workflows, list the parent workflow's first page, then the parent's
 * children (the called workflow's executions created since the parent started, 100 per page). It
 * drives the tree's own `ExecutionsSource` (which counts its requests) over REST, and counts the
 * HTTP requests the emulator receives as a check.
 */
async function treeRefresh(children: number): Promise<void> {
  const server = await startEmulator({ port: 0, clock: 'virtual' });
  const client = createCloudClient({ kind: 'emulator', port: server.port, project: server.emulator.project, location: server.emulator.location });
  let httpRequests = 0;
  const onRequest = (): void => {
    httpRequests++;
  };
  try {
    const emulator = server.emulator;
    emulator.deploy('workflow-child', fs.readFileSync(path.join(REPO, 'examples', 'parent-child', 'workflow-child.yaml'), 'utf8'));
    emulator.deploy('workflow-parent', parentSource(children, 20));
    const parent = await emulator.wait(String(emulator.run('workflow-parent').name));
    const source = new ExecutionsSource({ client: async () => client } as unknown as TargetService);
    diagnosticsChannel.subscribe('http.server.request.start', onRequest);
    const start = now();
    const workflows = await source.listWorkflows();
    const page = await source.listExecutions('workflow-parent');
    const parentInfo = page.items.find((e) => e.name === parent.name);
    if (!parentInfo) throw new Error('the parent execution is not on the first page');
    const calledIds = await source.calledWorkflows('workflow-parent', parentInfo.workflowRevisionId);
    const found = await source.children(parentInfo, calledIds);
    const wall = now() - start;
    diagnosticsChannel.unsubscribe('http.server.request.start', onRequest);
    printTable(
      `Extension: one Executions tree refresh of a parent with ${count(children)} children`,
      ['measure', 'value'],
      [
        ['workflows listed', String(workflows.length)],
        ['children found', count(found.length)],
        ['API requests (the tree source counter)', String(source.requests)],
        ['HTTP requests the emulator received', String(httpRequests)],
        ['wall time (emulator, client and tree code in one process)', ms(wall)],
      ],
      [
        "drives src/vscode/tree/executionsSource.ts (the tree's request layer, with its request counter) in the order the tree calls it on a full refresh and the parent's expansion; tree items themselves are not built (they need VS Code)",
        'the parent is a `parallel for` (concurrency_limit 20) running the seed workflow-child once per iteration, on the virtual clock',
        `load average (1 min): ${load1()}`,
      ],
    );
  } finally {
    diagnosticsChannel.unsubscribe('http.server.request.start', onRequest);
    await client.close();
    await server.close();
  }
}

export async function main(quick: boolean): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-'));
  try {
    await bundleSizes(tmp);
    vsix(tmp, quick);
    activation(tmp, quick ? 2 : 7);
    await treeRefresh(quick ? 100 : 1000);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

runIfMain(module, main);
