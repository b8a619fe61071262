/**
 * Emulator REST throughput and latency: create-execution then get, for a trivial workflow, with
 * 1, 8 and 32 concurrent clients, each a real Google `ExecutionsClient` behind our cloud layer
 * (`createCloudClient`), over HTTP on loopback. The number of requests is bounded.
 *
 *   node --import tsx bench/emulatorApi.ts [--quick]
 */
import { createCloudClient, type CloudClient } from '../src/cloud';
import { startEmulator } from '../src/emulator';
import { count, load1, ms, now, percentile, printTable, runIfMain } from './util';

const TRIVIAL = `
main:
  params: [input]
  steps:
    - done:
        return: \${input}
`;

/** Runs `total` create+get pairs spread over `clients` workers; returns each pair's latency. */
async function drive(clients: CloudClient[], total: number): Promise<{ latencies: number[]; wall: number; failures: number }> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const start = now();
  await Promise.all(
    clients.map(async (client) => {
      while (next < total) {
        const i = next++;
        const t = now();
        try {
          const created = await client.runExecution('trivial', JSON.stringify({ i }));
          await client.getExecution(created.name);
          latencies.push(now() - t);
        } catch {
          failures++;
        }
      }
    }),
  );
  return { latencies, wall: now() - start, failures };
}

export async function main(quick: boolean): Promise<void> {
  const server = await startEmulator({ port: 0, clock: 'virtual' });
  const all: CloudClient[] = [];
  try {
    server.emulator.deploy('trivial', TRIVIAL);
    const target = { kind: 'emulator' as const, port: server.port, project: server.emulator.project, location: server.emulator.location };
    const rows: string[][] = [];
    const perLevel = quick ? 32 : 640;
    for (const concurrency of [1, 8, 32]) {
      const clients = Array.from({ length: concurrency }, () => createCloudClient(target));
      all.push(...clients);
      // Warm-up: every client connects and its library code is loaded before timing.
      await Promise.all(clients.map((c) => c.listExecutions('trivial', { pageSize: 1 })));
      await drive(clients, Math.min(perLevel / 4, 32));
      const { latencies, wall, failures } = await drive(clients, perLevel);
      const pairs = latencies.length;
      rows.push([
        String(concurrency),
        count(pairs),
        count((pairs / wall) * 1000),
        count(((pairs * 2) / wall) * 1000),
        ms(percentile(latencies, 50)),
        ms(percentile(latencies, 99)),
        String(failures),
      ]);
    }
    printTable(
      'Emulator REST API: create execution + get execution, trivial workflow',
      ['concurrent clients', 'create+get pairs', 'pairs / s', 'requests / s', 'p50 latency (pair)', 'p99 latency (pair)', 'failures'],
      rows,
      [
        "each client is our cloud layer over Google's ExecutionsClient (REST fallback, HTTP/1.1 on 127.0.0.1); the emulator, the clients and the workflow runs share this one Node process",
        `load average (1 min): ${load1()}`,
      ],
    );
  } finally {
    await Promise.all(all.map((c) => c.close()));
    await server.close();
  }
}

runIfMain(module, main);
