/**
 * Runs the tests of many test files, in file order, and gathers their results and their summed
 * step coverage. Files that are not valid do not run; their diagnostics come back instead.
 */
import type { Diagnostic } from '../core/diagnostic';
import { CoverageCollector } from './coverage';
import { formatDiagnostics, loadTestFile, testCaseOf, type LoadedTestFile } from './loadTestFile';
import { runTest, type RunTestOptions, type TestResult } from './runTest';

export interface SuiteFile {
  /** The path as found from the given path (what reports show). */
  shown: string;
  path: string;
}

export interface SuiteResult {
  results: (TestResult & { shown: string })[];
  /** `file:line:col: severity code message` lines of files that are not valid (or unreadable). */
  invalid: string[];
  coverage: CoverageCollector;
}

export interface SuiteOptions extends RunTestOptions {
  /** Only tests whose name contains this text. */
  grep?: string;
  /** Called after each test, for progress output. */
  onResult?(result: TestResult & { shown: string }): void;
}

export async function runSuite(files: readonly SuiteFile[], options: SuiteOptions = {}): Promise<SuiteResult> {
  const suite: SuiteResult = { results: [], invalid: [], coverage: new CoverageCollector() };
  for (const f of files) {
    let loaded: LoadedTestFile;
    try {
      loaded = loadTestFile(f.path);
    } catch (err) {
      suite.invalid.push(`${f.shown}: cannot read the test file (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    const errors: Diagnostic[] = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      suite.invalid.push(...formatDiagnostics(loaded, errors, f.shown));
      continue;
    }
    for (const test of loaded.file.tests) {
      if (options.grep !== undefined && !test.name.includes(options.grep)) continue;
      const result = { ...(await runTest(testCaseOf(loaded, test), options)), shown: f.shown };
      suite.coverage.merge(result.coverage);
      suite.results.push(result);
      options.onResult?.(result);
    }
  }
  return suite;
}
