/**
 * Parallel child executions: the seed parent/child example (`examples/parent-child`) on the REAL
 * clock through the emulator's REST API, against its 10-second ideal (four children that each
 * sleep 10 s in parallel); then 1,000 child executions through a `parallel for` with a
 * `concurrency_limit` on the virtual clock: wall time, peak memory, executions per second.
 *
 *   node --import tsx bench/parallel.ts [--quick]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCloudClient } from '../src/cloud';
import { Emulator, startEmulator } from '../src/emulator';
import { count, load1, mb, median, ms, now, printTable, REPO, runIfMain } from './util';

const EXAMPLE = path.join(REPO, 'examples', 'parent-child');
const IDEAL_MS = 10_000;

async function seedExample(runs: number): Promise<void> {
  const server = await startEmulator({ port: 0, clock: 'real', sourceDirs: [EXAMPLE] });
  const client = createCloudClient({ kind: 'emulator', port: server.port, project: server.emulator.project, location: server.emulator.location });
  try {
    const ids = server.deployed.map((d) => d.workflowId).sort();
    if (!ids.includes('workflow-parent') || !ids.includes('workflow-child')) throw new Error(`example not deployed: ${JSON.stringify(server.deployFailures)}`);
    const walls: number[] = [];
    const durations: number[] = [];
    let summary = '';
    for (let k = 0; k < runs; k++) {
      const start = now();
      const created = await client.runExecution('workflow-parent');
      await server.emulator.wait(created.name);
      walls.push(now() - start);
      const done = await client.getExecution(created.name);
      durations.push((done.durationSeconds ?? Number.NaN) * 1000);
      const result = JSON.parse(done.result ?? '{}') as { success?: object; failure?: object };
      summary = `${done.state}: ${Object.keys(result.success ?? {}).length} succeeded, ${Object.keys(result.failure ?? {}).length} failed children`;
    }
    const wall = median(walls);
    const duration = median(durations);
    printTable(
      'Parallel: the seed parent/child example on the real clock (emulator over REST)',
      ['measure', 'ours', 'ideal', 'overhead'],
      [
        ['create → parent ended (client wall time, median)', ms(wall), ms(IDEAL_MS), `${(wall - IDEAL_MS).toFixed(0)} ms`],
        ['execution duration as the API reports it (median)', ms(duration), ms(IDEAL_MS), `${(duration - IDEAL_MS).toFixed(0)} ms`],
      ],
      [`${runs} run(s); outcome: ${summary}; load average (1 min): ${load1()}`],
    );
  } finally {
    await client.close();
    await server.close();
  }
}

/**
 * A parent that runs the seed workflow-child once per iteration of a `parallel for`, passing its
 * execution ID as the example does, and counts successes and failures.
 */
export function parentSource(children: number, concurrency: number): string {
  return `
main:
  steps:
    - init:
        assign:
          - succeeded: 0
          - failed: 0
    - fan_out:
        parallel:
          shared: [succeeded, failed]
          concurrency_limit: ${concurrency}
          for:
            value: i
            range: [1, ${children}]
            steps:
              - run_child:
                  try:
                    steps:
                      - start:
                          call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
                          args:
                            workflow_id: workflow-child
                            argument:
                              iteration: \${i}
                              parent_execution_id: \${sys.get_env("GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID")}
                          result: r
                      - count_ok:
                          assign:
                            - succeeded: \${succeeded + 1}
                  except:
                    as: e
                    steps:
                      - count_failed:
                          assign:
                            - failed: \${failed + 1}
    - done:
        return:
          succeeded: \${succeeded}
          failed: \${failed}
`;
}

/** Peak RSS and heap while `fn` runs, sampled every 5 ms, as deltas over the values before it. */
async function withMemory<T>(fn: () => Promise<T>): Promise<{ value: T; rss: number; heap: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const sample = (): void => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  try {
    const value = await fn();
    sample();
    return { value, rss: rss - before.rss, heap: heap - before.heapUsed };
  } finally {
    clearInterval(timer);
  }
}

async function thousandChildren(children: number, concurrency: number): Promise<void> {
  const emulator = new Emulator({ clock: 'virtual' });
  try {
    emulator.deploy('workflow-child', fs.readFileSync(path.join(EXAMPLE, 'workflow-child.yaml'), 'utf8'));
    emulator.deploy('bench-parent', parentSource(children, concurrency));
    const virtualStart = emulator.clock.now();
    const cpu = process.cpuUsage();
    const start = now();
    const { value: record, rss, heap } = await withMemory(async () => emulator.wait(String(emulator.run('bench-parent').name)));
    const wall = now() - start;
    const used = process.cpuUsage(cpu);
    const virtual = emulator.clock.now() - virtualStart;
    const started = emulator.children(record.name).length;
    printTable(
      `Parallel: ${count(children)} child executions, parallel for with concurrency_limit ${concurrency}, virtual clock (in process)`,
      ['measure', 'value'],
      [
        ['outcome', `${record.state} ${record.result ?? record.error?.payload ?? ''}`],
        ['child executions started', count(started)],
        ['wall time', ms(wall)],
        ['CPU time (this process)', ms((used.user + used.system) / 1000)],
        ['executions per second (children / wall time)', count((started / wall) * 1000)],
        ['virtual time elapsed (ideal: children / limit × 10 s)', `${(virtual / 1000).toFixed(0)} s (ideal ${((children / concurrency) * 10).toFixed(0)} s)`],
        ['peak RSS growth (sampled every 5 ms)', mb(rss)],
        ['peak heap growth', mb(heap)],
      ],
      [
        'each child is the seed workflow-child (sleeps 10 s, fails on even iterations); the emulator keeps every execution and its step history in memory',
        `load average (1 min): ${load1()}`,
      ],
    );
  } finally {
    await emulator.close();
  }
}

export async function main(quick: boolean): Promise<void> {
  await seedExample(quick ? 1 : 3);
  await thousandChildren(quick ? 200 : 1000, 20);
}

runIfMain(module, main);
