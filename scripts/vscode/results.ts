/** Where the runners leave evidence, and the per-stage counts `test-all.sh` sums. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ARTIFACTS = path.resolve(process.env.CW_ARTIFACTS ?? path.join(__dirname, '..', '..', '.test-artifacts'));

export interface StageResult {
  passed: number;
  failed: number;
}

/** Writes `.test-artifacts/results/<stage>.json`, read by `test-all.sh` for the final line. */
export function writeStageResult(stage: string, result: StageResult): void {
  const dir = path.join(ARTIFACTS, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${stage}.json`), `${JSON.stringify(result)}\n`);
}

/** Makes a fresh scratch folder under the system temp folder. */
export function scratchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), prefix));
}
