/**
 * Entry of the integration suite, loaded by VS Code's extension host (code-server's Node host in CI,
 * or a desktop VS Code through `@vscode/test-electron`). Runs, with mocha's TDD interface, the smoke
 * test beside this file and every `*.test.js` compiled under `suite/`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * Prefix of the lines the code-server runner forwards from the extension host to its stdout: the
 * browser console also carries the workbench's own logs, which stay in a log file.
 */
export const REPORT_PREFIX = '[cw-mocha] ';
/** Marker line the code-server runner reads to get the counts; mocha's own report stays human. */
export const RESULT_MARKER = 'CW_INTEGRATION_RESULT';

function report(line: string): void {
  console.log(`${REPORT_PREFIX}${line}`);
}

/**
 * `suite/` by default; `CW_INTEGRATION_SUITE_DIR=bench` runs the measurements under `bench/`
 * instead (`npm run bench -- --only typing`), without the smoke test.
 */
function testFiles(): string[] {
  const dir = process.env.CW_INTEGRATION_SUITE_DIR || 'suite';
  const suiteDir = path.join(__dirname, dir);
  const inSuite = fs.existsSync(suiteDir)
    ? fs
        .readdirSync(suiteDir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.test.js'))
        .map((file) => path.join(suiteDir, file))
        .sort()
    : [];
  return dir === 'suite' ? [path.join(__dirname, 'smoke.test.js'), ...inSuite] : inSuite;
}

/** Runs the suite; rejects when any test fails so the workbench reports a non-zero exit code. */
export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => report(format(...data));
  // The lines travel through the browser console: no ANSI colours, whatever the host's terminal says.
  Mocha.reporters.Base.useColors = false;
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.CW_INTEGRATION_TIMEOUT ?? 20_000),
    grep: process.env.CW_INTEGRATION_GREP || undefined,
  });
  for (const file of testFiles()) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        report(`${RESULT_MARKER} ${JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending })}`);
        if (failures > 0) reject(new Error(`${failures} integration tests failed.`));
        else resolve();
      });
    } catch (error) {
      // A test file that throws while loading fails the whole run; say which one.
      report(`${RESULT_MARKER} ${JSON.stringify({ passed: 0, failed: 1, pending: 0 })}`);
      report(`the suite failed to load: ${error instanceof Error ? error.stack : String(error)}`);
      reject(error);
    }
  });
}
