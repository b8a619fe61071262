/**
 * `npm run fuzz [-- --seconds N] [--target NAME] [--seed S]`: the long fuzz campaign. Runs every
 * target in rounds of fresh random seeds until the time is up, each round in a worker thread
 * watched for hangs. Each failing (shrunk) input, and each input that never returned, is saved
 * under test/fuzz/regressions/ and replayed by test/unit/reliability/fuzzRegressions.test.ts.
 * Prints how many inputs each target ran. Exit code 1 when anything failed.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { TARGETS, TIME_BOUNDS_MS, saveRegression } from './targets';
import type { RoundMessage, RoundRequest } from './worker';

/** A round is a time slice of one target: its worker's start-up cost is paid once per slice. */
const ROUND_RUNS = 1_000_000;
/** An input still running after this long is a hang (well above every per-input bound). */
const HANG_MS = 4 * Math.max(...Object.values(TIME_BOUNDS_MS));

interface RoundResult {
  numRuns: number;
  failure?: { input: string; message: string };
}

/** Runs one round in a worker; terminates it and reports the current input when it hangs. */
function runRound(request: RoundRequest): Promise<RoundResult> {
  return new Promise((resolve) => {
    const worker = new Worker(path.join(__dirname, 'worker.ts'), { execArgv: ['--require', 'tsx/cjs'], workerData: request });
    let current = '';
    let inputs = 0;
    let watchdog: NodeJS.Timeout | undefined;
    const finish = (result: RoundResult): void => {
      clearTimeout(watchdog);
      void worker.terminate();
      resolve(result);
    };
    const arm = (): void => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => finish({ numRuns: inputs, failure: { input: current, message: `did not return within ${HANG_MS} ms` } }), HANG_MS);
    };
    worker.on('message', (message: RoundMessage) => {
      if ('current' in message) {
        current = message.current;
        inputs++;
        arm();
      } else finish({ numRuns: message.numRuns, failure: message.failure });
    });
    worker.on('error', (err) => finish({ numRuns: inputs, failure: { input: current, message: `worker crashed: ${err.message}` } }));
    arm();
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { seconds: { type: 'string' }, target: { type: 'string' }, seed: { type: 'string' } },
  });
  const seconds = Number(values.seconds ?? 60);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    process.stderr.write(`fuzz: --seconds must be a positive number, got '${values.seconds}'\n`);
    return 2;
  }
  const targets = TARGETS.filter((t) => values.target === undefined || t.name === values.target);
  if (targets.length === 0) {
    process.stderr.write(`fuzz: unknown target '${values.target}'; targets: ${TARGETS.map((t) => t.name).join(', ')}\n`);
    return 2;
  }
  let seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const runs = new Map<string, number>(targets.map((t) => [t.name, 0]));
  let failures = 0;
  const slice = Math.max(5_000, (seconds * 1000) / targets.length / 3);
  process.stdout.write(`fuzzing ${targets.map((t) => t.name).join(', ')} for ${seconds} s from seed ${seed}\n`);
  while (Date.now() < deadline) {
    for (const t of targets) {
      if (Date.now() >= deadline) break;
      const timeLimitMs = Math.max(1, Math.min(deadline - Date.now(), slice));
      const result = await runRound({ target: t.name, seed: seed++, numRuns: ROUND_RUNS, timeLimitMs });
      runs.set(t.name, (runs.get(t.name) ?? 0) + result.numRuns);
      if (result.failure) {
        failures++;
        const file = saveRegression({ target: t.name, input: result.failure.input, failure: result.failure.message, found: new Date().toISOString() });
        process.stdout.write(`FAIL ${t.name}: ${result.failure.message.split('\n')[0]}\n  saved as test/fuzz/regressions/${file}\n`);
      }
    }
  }
  for (const [name, n] of runs) process.stdout.write(`${name}: ${n} inputs\n`);
  process.stdout.write(`${failures === 0 ? 'no failures' : `${failures} failure(s)`} in ${Math.round((Date.now() - started) / 1000)} s\n`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`fuzz: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
