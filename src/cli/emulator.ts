/**
 * `cloud-workflows emulator`: serves Google's Workflows and Executions REST APIs locally until
 * SIGINT/SIGTERM. Prints `listening on http://HOST:PORT` once ready (with the real port for
 * `--port 0`), so scripts and the extension can wait for that line.
 */
import { parseArgs } from 'node:util';
import { encodeJsonData } from '../engine/json';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { LIVE_CONNECTORS_OPTIONS, LIVE_CONNECTORS_USAGE, liveConnectorsOption } from './liveConnectorsOption';

const USAGE = `usage: cloud-workflows emulator [options]

Serves the Workflows v1 and Executions v1 REST APIs of Google Cloud Workflows locally.

options:
  --host <host>          interface to bind (default 127.0.0.1)
  --port <port>          port (default 8787; 0 picks a free one)
  --dir <dir>            deploy every workflow file in <dir> at start; repeatable
  --data-dir <dir>       keep workflows and executions there across restarts
  --project <id>         default project (default local-project)
  --location <id>        default location (default us-central1)
  --clock real|virtual   virtual: sys.sleep and retries complete at once (default real)
  --allow-http <host>    let http.* calls reach <host> besides loopback ('*' for any); repeatable
  --max-executions <n>   keep at most n executions; the oldest ended ones go first (default 10000)
${LIVE_CONNECTORS_USAGE}  -h, --help             show this help
`;

export async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>;
  try {
    values = parse(argv);
  } catch (err) {
    process.stderr.write(`cloud-workflows emulator: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let running: RunningEmulator;
  try {
    running = await startEmulator({
      host: values.host,
      port: values.port,
      dataDir: values.dataDir,
      project: values.project,
      location: values.location,
      clock: values.clock,
      allowHttpHost: values.allowHttp,
      liveConnectors: values.liveConnectors,
      maxExecutions: values.maxExecutions,
      sourceDirs: values.dirs,
      onLog: (execution, entry) => process.stdout.write(`[${execution.split('/').pop()}] ${entry.severity} ${encodeJsonData(entry.payload)}\n`),
    });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const message =
      code === 'EADDRINUSE'
        ? `port ${values.port} on ${values.host} is already in use (another emulator?); choose another with --port`
        : code === 'EADDRNOTAVAIL'
          ? `cannot bind ${values.host}: no such local address`
          : err instanceof Error
            ? err.message
            : String(err);
    process.stderr.write(`cloud-workflows emulator: ${message}\n`);
    return 1;
  }
  for (const c of running.startup.corrupt) {
    process.stderr.write(`warning: ${c.path} could not be read (${c.reason}); moved to ${c.movedTo}\n`);
  }
  for (const name of running.startup.interrupted) {
    process.stderr.write(`warning: execution ${name} was running when the emulator stopped; it is now FAILED\n`);
  }
  for (const f of running.deployFailures) {
    process.stderr.write(`${f.problems.length > 0 ? f.problems.join('\n') : f.message}\n`);
  }
  for (const d of running.deployed) process.stdout.write(`deployed ${d.workflowId} (revision ${d.revisionId}) from ${d.file}\n`);
  process.stdout.write(`listening on ${running.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  process.stdout.write('emulator stopped\n');
  return 0;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      dir: { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
      project: { type: 'string' },
      location: { type: 'string' },
      clock: { type: 'string' },
      'allow-http': { type: 'string', multiple: true },
      ...LIVE_CONNECTORS_OPTIONS,
      'max-executions': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (positionals.length > 0) throw new Error(`unexpected argument '${positionals[0]}'`);
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got '${values.port}'`);
  const clock = values.clock ?? 'real';
  if (clock !== 'real' && clock !== 'virtual') throw new Error(`--clock must be real or virtual, got '${clock}'`);
  const maxExecutions = values['max-executions'] === undefined ? undefined : Number(values['max-executions']);
  if (maxExecutions !== undefined && (!Number.isInteger(maxExecutions) || maxExecutions < 1)) {
    throw new Error(`--max-executions must be a whole number of at least 1, got '${values['max-executions']}'`);
  }
  return {
    help: values.help === true,
    maxExecutions,
    host: values.host ?? '127.0.0.1',
    port,
    dirs: values.dir ?? [],
    dataDir: values['data-dir'],
    project: values.project,
    location: values.location,
    clock: clock as 'real' | 'virtual',
    allowHttp: values['allow-http'] ?? [],
    liveConnectors: liveConnectorsOption(values, (line) => process.stdout.write(`${line}\n`)),
  };
}
