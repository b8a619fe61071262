/**
 * The connector catalogue: how long reading one API version's data takes (each is read once, on
 * first use) and how much memory it holds, for the small and the largest APIs; the whole
 * catalogue loaded at once; name completion at each level; and linting a workflow full of
 * connector calls.
 *
 *   node --import tsx bench/connectors.ts [--quick]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONNECTOR_APIS, connectorMethods, setConnectorDataLoader } from '../src/core/connectors/catalogue';
import { completeConnectorName } from '../src/core/connectors/complete';
import { lintText } from '../src/core/validate';
import { connectorDataDir, readApiData } from '../src/engine/connectors/dataFiles';
import { kb, mb, median, ms, now, printTable, runIfMain } from './util';

function heap(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

/** Median time to read and index one API version from disk, and the heap it keeps. */
function loadOne(api: string, version: string, runs: number): { time: number; bytes: number; heapBytes: number; methods: number } {
  const file = path.join(connectorDataDir()!, `${api}.${version}.json`);
  const times: number[] = [];
  let heapBytes = 0;
  let methods = 0;
  for (let i = 0; i < runs; i++) {
    setConnectorDataLoader(readApiData);
    const before = heap();
    const t = now();
    methods = connectorMethods(api, version)!.size;
    times.push(now() - t);
    heapBytes = heap() - before;
  }
  return { time: median(times), bytes: fs.statSync(file).size, heapBytes, methods };
}

async function main(quick: boolean): Promise<void> {
  const runs = quick ? 3 : 15;
  const rows = [
    ['storage', 'v1'],
    ['pubsub', 'v1'],
    ['bigquery', 'v2'],
    ['aiplatform', 'v1'],
    ['compute', 'beta'],
  ].map(([api, version]) => {
    const r = loadOne(api, version, runs);
    return [`${api}.${version}`, String(r.methods), kb(r.bytes), ms(r.time), mb(r.heapBytes)];
  });
  setConnectorDataLoader(readApiData);
  const before = heap();
  const t = now();
  let total = 0;
  for (const api of CONNECTOR_APIS) for (const v of api.versions) total += connectorMethods(api.name, v)?.size ?? 0;
  const allTime = now() - t;
  const allHeap = heap() - before;
  const allBytes = fs.readdirSync(connectorDataDir()!).reduce((s, f) => s + fs.statSync(path.join(connectorDataDir()!, f)).size, 0);
  rows.push([`all ${CONNECTOR_APIS.length} APIs`, String(total), kb(allBytes), ms(allTime), mb(allHeap)]);
  printTable('Connectors: reading the catalogue (each API version is read once, on first use)', ['data', 'methods', 'file', 'read + index', 'heap held'], rows, [
    `median of ${runs} cold reads each (cache cleared between runs); heap after a forced GC`,
  ]);

  const prefixes = ['googleapis.', 'googleapis.compute.', 'googleapis.compute.v1.', 'googleapis.compute.v1.instances.', 'googleapis.aiplatform.v1.projects.locations.'];
  const completion = prefixes.map((p) => {
    const times: number[] = [];
    let n = 0;
    for (let i = 0; i < runs * 10; i++) {
      const t0 = now();
      n = completeConnectorName(p).length;
      times.push(now() - t0);
    }
    return [`\`${p}\``, String(n), ms(median(times))];
  });
  printTable('Connectors: name completion (catalogue already loaded)', ['typed', 'items', 'median'], completion);

  const calls: [string, string[]][] = [
    ['googleapis.compute.v1.instances.insert', ['project: p', 'zone: z', 'body: {name: i}']],
    ['googleapis.storage.v1.objects.get', ['bucket: b', 'object: o', 'alt: media']],
    ['googleapis.bigquery.v2.jobs.query', ['projectId: p', 'body: {query: "SELECT 1"}']],
    ['googleapis.pubsub.v1.projects.topics.publish', ['topic: projects/p/topics/t', 'body: {messages: []}', 'connector_params: {timeout: 60}']],
  ];
  const workflow = (connector: boolean) => {
    const steps: string[] = ['main:', '  steps:'];
    for (let i = 0; i < 200; i++) {
      const [name, args] = connector ? calls[i % calls.length] : ['http.get', ['url: https://example.com']];
      steps.push(`    - s${i}:`, `        call: ${name}`, '        args:', ...args.map((a) => `          ${a}`));
    }
    return `${steps.join('\n')}\n`;
  };
  const rowsLint = [true, false].map((connector) => {
    const text = workflow(connector);
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = now();
      found = lintText(text).diagnostics.length;
      times.push(now() - t0);
    }
    return [connector ? '200 connector calls (4 APIs)' : '200 http.get calls (baseline)', kb(text.length), String(found), ms(median(times))];
  });
  printTable('Connectors: linting a workflow of connector calls', ['workflow', 'source', 'diagnostics', 'median'], rowsLint);
}

runIfMain(module, main);
