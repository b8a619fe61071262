/**
 * `npm run bench [-- --quick] [-- --only diagnostics,interpreter]`: runs every benchmark script,
 * one after another, each in its own Node process (so memory figures and warm-up do not leak
 * between them), and prints their markdown tables under a header naming the machine. Nothing
 * here passes or fails on time; the exit code is non-zero only when a script crashed.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { isQuick, machine, ms, now } from './util';

const SCRIPTS = ['diagnostics', 'editor', 'interpreter', 'parallel', 'emulatorApi', 'extension', 'yamlReader', 'regex', 'graph', 'connectors', 'debugger', 'executionHistory', 'workflowTests', 'lsp', 'typing'];

function selected(argv: readonly string[]): string[] {
  const i = argv.indexOf('--only');
  if (i < 0 || !argv[i + 1]) return SCRIPTS;
  const wanted = argv[i + 1].split(',');
  const unknown = wanted.filter((w) => !SCRIPTS.includes(w));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${SCRIPTS.join(', ')}`);
  return wanted;
}

function main(): number {
  const quick = isQuick();
  let scripts: string[];
  try {
    scripts = selected(process.argv);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 2;
  }
  console.log(`## Benchmark run${quick ? ' (--quick)' : ''}\n`);
  console.log(`- date: ${new Date().toISOString()}`);
  console.log(`- machine at start: ${machine()}\n`);
  const started = now();
  let failed = 0;
  for (const name of scripts) {
    const args = ['--import', 'tsx', path.join(__dirname, `${name}.ts`), ...(quick ? ['--quick'] : [])];
    const t = now();
    const child = spawnSync(process.execPath, ['--expose-gc', ...args], { stdio: 'inherit' });
    const status = child.status ?? 1;
    if (status !== 0) failed++;
    console.log(`_${name}: ${ms(now() - t)}${status !== 0 ? `, exited with ${status}` : ''}_\n`);
  }
  console.log(`- machine at end: ${machine()}`);
  console.log(`- total: ${ms(now() - started)}`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main();
