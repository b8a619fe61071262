/**
 * Runs workflow tests for the Testing view in a separate Node process — the extension's own
 * `cloud-workflows test --format json --details` — so a long test never blocks the editor and the
 * view shows exactly what CI shows. Coverage comes back as the LCOV the CLI writes.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface CliFailure {
  message: string;
  expected?: string;
  actual?: string;
}

export interface CliTestResult {
  file: string;
  name: string;
  status: 'passed' | 'failed';
  message?: string;
  durationMs: number;
  failures: CliFailure[];
  endedAt: { file: string; routine: string; step: string; line: number; column: number } | null;
  logs: string[];
}

export interface CliRun {
  results: CliTestResult[];
  /** `file:line:col: ...` lines of test files that are not valid. */
  stderr: string;
  /** LCOV text when coverage was asked for. */
  lcov?: string;
}

/** Runs `cloud-workflows test` on `file` (only tests whose name contains `grep`, when given). */
export async function runCli(cliPath: string, file: string, options: { grep?: string; coverage: boolean; signal: AbortSignal }): Promise<CliRun> {
  const dir = options.coverage ? fs.mkdtempSync(path.join(os.tmpdir(), 'cw-test-coverage-')) : undefined;
  const lcovFile = dir && path.join(dir, 'coverage.info');
  const args = [cliPath, 'test', file, '--format', 'json', '--details'];
  if (options.grep !== undefined) args.push('--grep', options.grep);
  if (lcovFile) args.push('--coverage', `lcov:${lcovFile}`);
  try {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      // In VS Code desktop `process.execPath` is Electron: ELECTRON_RUN_AS_NODE makes it plain Node.
      const child = spawn(process.execPath, args, { cwd: path.dirname(file), env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, signal: options.signal });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('error', reject);
      child.on('close', () => resolve({ stdout: out, stderr: err }));
    });
    let results: CliTestResult[] = [];
    if (stdout.trim() !== '') results = (JSON.parse(stdout) as { tests: CliTestResult[] }).tests;
    const lcov = lcovFile && fs.existsSync(lcovFile) ? fs.readFileSync(lcovFile, 'utf8') : undefined;
    return { results, stderr, lcov };
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Step counts by file from LCOV text: `SF:` starts a file, `DA:line,count` adds a line. */
export function parseLcov(text: string): Map<string, { line: number; count: number }[]> {
  const out = new Map<string, { line: number; count: number }[]>();
  let current: { line: number; count: number }[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('SF:')) {
      current = [];
      out.set(line.slice(3), current);
    } else if (line.startsWith('DA:') && current) {
      const [l, c] = line.slice(3).split(',').map(Number);
      if (Number.isInteger(l) && Number.isInteger(c)) current.push({ line: l, count: c });
    } else if (line === 'end_of_record') current = undefined;
  }
  return out;
}
