/**
 * `cloud-workflows test`: finds workflow test files, runs every test against the local engine with
 * its mocks, and reports one line per test and `N passed, N failed` (or JSON, or JUnit XML), with
 * optional step coverage as LCOV. Exit status: 0 all passed, 1 any failed, 2 a usage error or a
 * test file that is not valid.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { toLcov } from '../testing/coverage';
import { findTestFiles } from '../testing/discover';
import { toJUnit } from '../testing/junit';
import { runSuite, type SuiteFile, type SuiteResult } from '../testing/runSuite';

const USAGE = `usage: cloud-workflows test [paths...] [--format text|json|junit] [--coverage lcov:FILE] [--grep TEXT]

Runs workflow tests: files named *.workflows.test.yaml|yml|json, or *.test.yaml|yml|json beside
a workflow of the same stem, found under the given files and directories (default: .;
node_modules and dot-folders are skipped). Every external call is answered by a mock or fails
the test; nothing reaches the network.

options:
  --format text    one line per test and "N passed, N failed" (default)
  --format json    {"tests": [{file, name, status, message?, durationMs}], "passed", "failed"}
  --format junit   JUnit XML, for CI servers
  --coverage lcov:FILE   write step coverage as LCOV to FILE
  --grep TEXT      run only the tests whose name contains TEXT
  --details        with --format json: add each test's failures (expected, actual), the
                   step where its run ended, and its sys.log output (editors use this)
  -h, --help       show this help

exit status: 0 all passed, 1 any test failed, 2 usage error or a test file that is not valid
`;

export interface TestIo {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: TestIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

interface Options {
  paths: string[];
  format: 'text' | 'json' | 'junit';
  coverage?: string;
  grep?: string;
  details: boolean;
}

function options(argv: string[]): Options | 'help' | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        coverage: { type: 'string' },
        grep: { type: 'string' },
        details: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'junit') return `unknown format '${format}': expected text, json or junit`;
  let coverage: string | undefined;
  if (values.coverage !== undefined) {
    const m = /^lcov:(.+)$/.exec(values.coverage);
    if (!m) return `--coverage takes lcov:FILE, got '${values.coverage}'`;
    coverage = m[1];
  }
  return { paths: positionals.length > 0 ? positionals : ['.'], format, coverage, grep: values.grep, details: values.details === true };
}

/** Runs the test command; resolves to the exit code. */
export async function main(argv: string[], io: TestIo = STDIO): Promise<number> {
  const parsed = options(argv);
  if (parsed === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (typeof parsed === 'string') {
    io.err(`cloud-workflows test: ${parsed}\n${USAGE}`);
    return 2;
  }
  const files: SuiteFile[] = [];
  for (const given of parsed.paths) {
    try {
      for (const found of findTestFiles(given)) files.push({ shown: found, path: path.resolve(found) });
    } catch {
      io.err(`cloud-workflows test: ${given}: no such file or directory\n`);
      return 2;
    }
  }
  const text = parsed.format === 'text';
  const suite = await runSuite(files, {
    grep: parsed.grep,
    onResult: text ? (r) => io.out(textLine(r)) : undefined,
  });
  for (const line of suite.invalid) io.err(`${line}\n`);
  const passed = suite.results.filter((r) => r.status === 'passed').length;
  const failed = suite.results.length - passed;
  if (text) io.out(`${passed} passed, ${failed} failed\n`);
  else if (parsed.format === 'json') io.out(`${JSON.stringify(jsonReport(suite, passed, failed, parsed.details), null, 2)}\n`);
  else io.out(toJUnit(suite.results.map((r) => ({ ...r, file: r.shown }))));
  if (parsed.coverage !== undefined) {
    try {
      fs.writeFileSync(parsed.coverage, toLcov(suite.coverage.result().map((f) => ({ ...f, file: shownPath(f.file) }))));
    } catch (err) {
      io.err(`cloud-workflows test: cannot write ${parsed.coverage} (${err instanceof Error ? err.message : String(err)})\n`);
      return 2;
    }
  }
  if (suite.invalid.length > 0) return 2;
  if (files.length === 0) io.err('cloud-workflows test: no test files found\n');
  return failed > 0 ? 1 : 0;
}

function textLine(r: SuiteResult['results'][number]): string {
  const head = `${r.status === 'passed' ? 'PASS' : 'FAIL'} ${r.shown}: ${r.name} (${r.durationMs} ms)\n`;
  if (r.status === 'passed') return head;
  const indent = (s: string): string => s.split('\n').map((l) => `    ${l}`).join('\n');
  const logs = r.logs.length > 0 ? `\n${indent(`sys.log:\n${r.logs.map((l) => `  ${l}`).join('\n')}`)}` : '';
  return `${head}${indent(r.message ?? '')}${logs}\n`;
}

function jsonReport(suite: SuiteResult, passed: number, failed: number, details: boolean): object {
  const tests = suite.results.map((r) => ({
    file: r.shown,
    name: r.name,
    status: r.status,
    ...(r.message === undefined ? {} : { message: r.message }),
    durationMs: r.durationMs,
    ...(details ? { failures: r.failures, endedAt: r.endedAt ?? null, logs: r.logs } : {}),
  }));
  return { tests, passed, failed };
}

/** Workflow paths in LCOV relative to the working directory when inside it, as coverage services expect. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}
