/**
 * The cost of debugging: the same CPU-bound workflow run plainly on the in-process emulator (what
 * `cloud-workflows run` does) and inside a `cloud-workflows dap` session with no breakpoints (the
 * adapter served on a loopback socket, driven by `@vscode/debugadapter-testsupport`'s client from
 * `initialize` to `exited`), then with a conditional breakpoint evaluated at every iteration.
 *
 *   node --import tsx bench/debugger.ts [--quick]
 */
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { DebugController } from '../src/dap/controller';
import { WorkflowDebugSession } from '../src/dap/session';
import { Emulator } from '../src/emulator';
import { count, load1, median, ms, now, printTable, ratio, runIfMain } from './util';

const SOURCE = (n: number): string => `main:
  steps:
    - init:
        assign:
          - total: 0
          - acc: 1
    - loop:
        for:
          value: i
          range: [1, ${n}]
          steps:
            - add:
                assign:
                  - total: \${total + i * 2 - 1}
            - mix:
                call: mix
                args:
                  a: \${acc}
                  i: \${i}
                result: acc
    - done:
        return: \${total + acc}

mix:
  params: [a, i]
  steps:
    - back:
        return: \${(a * 31 + i) % 1000003}
`;

async function plainRun(file: string, withHook = false): Promise<void> {
  const quiet = { stopped: () => undefined, threadStarted: () => undefined, threadExited: () => undefined, output: () => undefined };
  const emu = new Emulator({ clock: 'virtual', debug: withHook ? new DebugController(quiet, { stopOnEntry: false }) : undefined });
  emu.deploy('bench', fs.readFileSync(file, 'utf8'));
  const started = emu.run('bench');
  const record = await emu.wait(String(started.name));
  if (record.state !== 'SUCCEEDED') throw new Error(`plain run ${record.state}`);
  await emu.close();
}

async function debugRun(file: string, port: number, breakpoint?: DebugProtocol.SourceBreakpoint): Promise<void> {
  const dc = new DebugClient('node', 'unused', 'cloud-workflows');
  await dc.start(port);
  await dc.initializeRequest();
  const initialized = dc.waitForEvent('initialized');
  const exited = dc.waitForEvent('exited', 600_000) as Promise<DebugProtocol.ExitedEvent>;
  const launched = dc.launchRequest({ program: file } as DebugProtocol.LaunchRequestArguments);
  await initialized;
  if (breakpoint) await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [breakpoint] });
  await dc.configurationDoneRequest();
  await launched;
  const code = (await exited).body.exitCode;
  if (code !== 0) throw new Error(`debug run exited ${code}`);
  await dc.stop();
}

async function main(quick: boolean): Promise<void> {
  const n = quick ? 1000 : 5000;
  const runs = quick ? 3 : 11;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-bench-dap-'));
  const file = path.join(dir, 'bench.workflows.yaml');
  fs.writeFileSync(file, SOURCE(n));
  const server = net.createServer((socket) => {
    const session = new WorkflowDebugSession();
    session.setRunAsServer(true);
    session.start(socket, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const cases: [string, () => Promise<void>][] = [
    ['plain run (emulator, virtual clock)', () => plainRun(file)],
    ['the same run with the debug hook attached (no adapter)', () => plainRun(file, true)],
    ['debug session, no breakpoints', () => debugRun(file, port)],
    ['debug session, a conditional breakpoint that never holds (evaluated every iteration)', () => debugRun(file, port, { line: 13, condition: 'i < 0' })],
  ];
  // Interleaved, so drifting machine load weighs on every case alike.
  for (const [, run] of cases) await run();
  const wall: number[][] = cases.map(() => []);
  const cpu: number[][] = cases.map(() => []);
  for (let k = 0; k < runs; k++) {
    for (let c = 0; c < cases.length; c++) {
      const t = now();
      const u = process.cpuUsage();
      await cases[c][1]();
      const used = process.cpuUsage(u);
      wall[c].push(now() - t);
      cpu[c].push((used.user + used.system) / 1000);
    }
  }
  const rows = cases.map(([label], c) => [label, ms(median(wall[c])), ms(median(cpu[c])), ratio(median(cpu[c]), median(cpu[0])), ratio(median(wall[c]), median(wall[0]))]);
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const steps = 2 + n * 4 + 1;
  printTable('Debugger: a debug session against a plain run of the same workflow', ['run', 'wall time (median)', 'CPU time (median)', 'CPU against the plain run', 'wall against the plain run'], rows, [
    `a for loop of ${count(n)} iterations, each an assign and a subworkflow call (about ${count(steps)} steps); ${runs} interleaved runs each after one warm-up; target: a session without breakpoints under 1.5× the plain run; everything runs in this one process (the client too), so CPU time is the steadier figure on a loaded machine`,
    `load average (1 min): ${load1()}`,
  ]);
}

runIfMain(module, main);
