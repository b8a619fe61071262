/**
 * Mocha's spec reporter plus a `.test-artifacts/results/<stage>.json` with the counts, so
 * `test-all.sh` can sum the stages without parsing human output.
 * Usage: mocha --reporter ./scripts/vscode/summaryReporter.ts --reporter-option stage=unit
 */
import Mocha from 'mocha';
import { writeStageResult } from './results';

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const stage = String((options?.reporterOptions as Record<string, unknown> | undefined)?.stage ?? 'unit');
    runner.once('end', () => {
      const stats = runner.stats ?? { passes: 0, failures: 1 };
      writeStageResult(stage, { passed: stats.passes, failed: stats.failures });
    });
  }
}

export = SummaryReporter;
