/**
 * Small helpers shared by the benchmark scripts: timing, medians and percentiles, markdown tables,
 * the machine description, and where the repository and the shared corpus are. Benchmarks measure
 * and print; they never pass or fail on time.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

/** The repository root. */
export const REPO = path.resolve(__dirname, '..');
/** `shared/` beside the repository (corpus, peers). */
export const SHARED = path.resolve(REPO, '..', 'shared');

/** True for the short pass (`npm run bench -- --quick`). */
export function isQuick(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--quick') || process.env.BENCH_QUICK === '1';
}

/** Milliseconds from a monotonic clock. */
export function now(): number {
  return performance.now();
}

/** Runs `fn` once and returns its result and the elapsed milliseconds. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = now();
  const value = await fn();
  return { value, ms: now() - start };
}

/**
 * Times `fn` `runs` times after `warmup` untimed runs; returns every sample in milliseconds. The
 * median of these, not the mean, is what the tables report: the machine is shared and noisy.
 */
export async function samples(fn: () => unknown, runs: number, warmup = 1): Promise<number[]> {
  return (await measure(fn, runs, warmup)).wall;
}

/** Wall-clock and CPU samples (user + system of this process, GC threads included), in ms. */
export interface Samples {
  wall: number[];
  cpu: number[];
}

/**
 * Like `samples`, with the CPU time of each run too: on a loaded machine CPU time says what the
 * code costs, wall time what a user waits.
 */
export async function measure(fn: () => unknown, runs: number, warmup = 1): Promise<Samples> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: Samples = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = now();
    await fn();
    out.wall.push(now() - start);
    const used = process.cpuUsage(cpu);
    out.cpu.push((used.user + used.system) / 1000);
  }
  return out;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The nearest-rank percentile (`p` in 0..100) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** `12.3 ms`, `0.042 ms`, `1.85 s`. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(3)} ms`;
}

/** `ours / theirs` as `0.12×`. */
export function ratio(ours: number, theirs: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return 'n/a';
  const r = ours / theirs;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(2) : r.toFixed(3)}×`;
}

/** A count with thousands separators. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Prints a markdown table under a `###` heading, with optional notes below it. */
export function printTable(title: string, headers: string[], rows: string[][], notes: string[] = []): void {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const out = [`### ${title}`, '', line(headers), line(headers.map(() => '---')), ...rows.map(line)];
  if (notes.length > 0) out.push('', ...notes.map((n) => `- ${n}`));
  console.log(`${out.join('\n')}\n`);
}

/** `2 cores (Intel ...), Node v20.x, load 1.2 / 3.4 / 5.6` — printed with every run. */
export function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${load}`;
}

/** The current 1-minute load average, for notes next to a measurement. */
export function load1(): string {
  return os.loadavg()[0].toFixed(2);
}

/** Reads a TSV with a header row into records keyed by column name. */
export function readTsv(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = head.split('\t');
  return lines.map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

export interface CorpusFile {
  name: string;
  text: string;
  format: 'yaml' | 'json';
}

/** The valid corpus, without templated sources (not deployable as written). */
export function validCorpus(): CorpusFile[] {
  const dir = path.join(SHARED, 'corpus', 'valid');
  return readTsv(path.join(dir, 'MANIFEST.tsv'))
    .filter((row) => !row.notes.includes('templated'))
    .map((row) => ({ name: row.file, text: fs.readFileSync(path.join(dir, row.file), 'utf8'), format: row.format === 'json' ? 'json' : 'yaml' }));
}

/** The invalid corpus: every file listed in NOTES.tsv. */
export function invalidCorpus(): CorpusFile[] {
  const dir = path.join(SHARED, 'corpus', 'invalid');
  return readTsv(path.join(dir, 'NOTES.tsv')).map((row) => ({
    name: row.file,
    text: fs.readFileSync(path.join(dir, row.file), 'utf8'),
    format: row.file.endsWith('.json') ? 'json' : 'yaml',
  }));
}

/** Runs `main` when the script is started directly, exiting 0 (or 1 with the error printed). */
export function runIfMain(mod: NodeModule, main: (quick: boolean) => Promise<void>): void {
  if (require.main !== mod) return;
  main(isQuick()).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
