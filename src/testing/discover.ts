/**
 * Finds test files under the given paths: every `*.workflows.test.yaml|yml|json`, and every
 * `*.test.yaml|yml|json` beside a workflow of the same stem. `node_modules` and dot-folders are
 * skipped; a file named explicitly is always taken. Paths are reported as found from the given
 * path (`examples` → `examples/parent-child/workflow-parent.test.yaml`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultWorkflowPath, isTestFileName } from './loadTestFile';

const WORKFLOWS_TEST = /\.workflows\.test\.(ya?ml|json)$/i;

/** True for a test file found in a directory walk (see the module comment). */
export function isDiscoverableTestFile(file: string): boolean {
  if (WORKFLOWS_TEST.test(file)) return true;
  return isTestFileName(file) && fs.existsSync(defaultWorkflowPath(file));
}

/** Test files under `given` (a file or a directory), sorted; throws when it does not exist. */
export function findTestFiles(given: string): string[] {
  const stat = fs.statSync(given);
  if (!stat.isDirectory()) return [given];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && isDiscoverableTestFile(full)) out.push(full);
    }
  };
  walk(given);
  return out;
}
