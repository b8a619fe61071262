/**
 * The extension host while typing, measured in real VS Code (code-server's Node extension host,
 * driven by Chromium, as the integration tests run): `test/integration/bench/typing.test.ts` types
 * 40 characters into the 1,054-step workflow at Google's 128 KB limit and into the 5,000-step
 * workflow, requesting completion after each and a hover every fifth, and records how long the
 * host's event loop was held. Needs the tools `scripts/vscode/provision.sh` installs (it is run
 * here; cached after the first time) and a build (`npm run build`).
 *
 *   node --import tsx bench/typing.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TypingFigures } from '../test/integration/bench/typing.test';
import { load1, ms, printTable, REPO, runIfMain } from './util';

/** The `export NAME=value` lines provision.sh prints, as an environment. */
function provisionedEnv(): NodeJS.ProcessEnv {
  const exports = execFileSync('bash', [path.join(REPO, 'scripts', 'vscode', 'provision.sh')], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const m of exports.matchAll(/^export (\w+)=(.*)$/gm)) env[m[1]] = m[2].replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
  return env;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(REPO, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cw-typing-')), 'figures.json');
  const load = load1();
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'scripts', 'vscode', 'runIntegration.ts')], {
    cwd: REPO,
    env: { ...provisionedEnv(), CW_INTEGRATION_SUITE_DIR: 'bench', CW_TYPING_BENCH_OUT: out, CW_ARTIFACTS: path.dirname(out) },
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (!fs.existsSync(out)) throw new Error(`the typing run wrote no figures (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  const figures = JSON.parse(fs.readFileSync(out, 'utf8')) as TypingFigures[];
  printTable(
    'Extension host while typing (real VS Code: code-server + Chromium)',
    ['workflow', 'longest extension-host task', 'vs the 50 ms target', 'p99 task', 'tasks > 50 ms', 'completion round trip (median)', 'last keystroke → diagnostics'],
    figures.map((f) => [
      `${f.file.endsWith('.txt') ? 'the same as plain text (VS Code alone)' : `${f.steps} steps`}, ${f.kb} KB (${f.edits} one-character edits)`,
      ms(f.longestTaskMs),
      `${(f.longestTaskMs / 50).toFixed(2)}×`,
      ms(f.p99TaskMs),
      String(f.tasksOver50),
      ms(f.completionMedianMs),
      f.diagnosticsAfterLastEditMs < 0 ? 'not seen' : ms(f.diagnosticsAfterLastEditMs),
    ]),
    [
      `load average at start ${load}; a task is a stretch during which a 2 ms interval timer in the extension host could not fire`,
      'keystroke → diagnostics includes the debounce (150 ms in the language server)',
    ],
  );
}

runIfMain(module, main);
