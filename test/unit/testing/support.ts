import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadTestFile, testCaseOf } from '../../../src/testing/loadTestFile';
import { runTest, type TestResult } from '../../../src/testing/runTest';

/** A temporary folder with the given files; removed by `cleanup`. */
export function tempFiles(files: Record<string, string>): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-tests-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs every test of `flow.workflows.test.yaml` against `flow.workflows.yaml` (plus any other
 * files) and returns the results by test name.
 */
export async function runTests(workflow: string, tests: string, others: Record<string, string> = {}): Promise<Map<string, TestResult>> {
  const { dir, cleanup } = tempFiles({ 'flow.workflows.yaml': workflow, 'flow.workflows.test.yaml': tests, ...others });
  try {
    const loaded = loadTestFile(path.join(dir, 'flow.workflows.test.yaml'));
    if (loaded.diagnostics.length > 0) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    const out = new Map<string, TestResult>();
    for (const t of loaded.file.tests) out.set(t.name, await runTest(testCaseOf(loaded, t)));
    return out;
  } finally {
    cleanup();
  }
}

/** `passed`, or `failed: <message>` with the temp folder's path removed. */
export function outcome(result: TestResult | undefined): string {
  if (!result) return 'missing';
  return result.status === 'passed' ? 'passed' : `failed: ${result.message ?? ''}`;
}
