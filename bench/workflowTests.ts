/**
 * Workflow tests (`cloud-workflows test`): a test file of 200 tests against a 100-step workflow
 * (assignments, a switch per ten steps, a mocked `http.get` and a mocked connector call), run
 * through the same suite runner as the CLI, with step coverage collected. Reports wall time and
 * tests per second.
 *
 *   node --import tsx bench/workflowTests.ts [--quick]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toLcov } from '../src/testing/coverage';
import { runSuite } from '../src/testing/runSuite';
import { count, load1, ms, now, printTable, runIfMain } from './util';

/** A workflow of exactly `steps` steps on the main path. */
function workflow(steps: number): string {
  const out = ['main:', '  params: [args]', '  steps:', '    - init:', '        assign:', '          - total: ${args.n}'];
  for (let i = 1; i < steps - 3; i++) {
    if (i % 10 === 0) {
      out.push(`    - check_${i}:`, '        switch:', `          - condition: \${total < 0}`, '            raise: negative');
    } else out.push(`    - add_${i}:`, '        assign:', `          - total: \${total + ${i % 7}}`);
  }
  out.push('    - fetch:', '        call: http.get', '        args: {url: "https://rates.example.com/v1/rate"}', '        result: rate');
  out.push('    - store:', '        call: googleapis.firestore.v1.projects.databases.documents.patch', '        args: {name: doc, body: {fields: {}}}');
  out.push('    - done:', '        return: ${total * rate.body.factor}');
  return `${out.join('\n')}\n`;
}

function expected(n: number, steps: number): number {
  let total = n;
  for (let i = 1; i < steps - 3; i++) if (i % 10 !== 0) total += i % 7;
  return total * 2;
}

function testFile(tests: number, steps: number): string {
  const out = [
    'mocks:',
    '  - call: http.get',
    '    response: {code: 200, body: {factor: 2}}',
    '  - call: googleapis.firestore.v1.projects.databases.documents.patch',
    '    returns: {}',
    'tests:',
  ];
  for (let t = 0; t < tests; t++) out.push(`  - name: test ${t}`, `    argument: {n: ${t}}`, `    expect: {result: ${expected(t, steps)}, calls: [{call: http.get, times: 1}]}`);
  return `${out.join('\n')}\n`;
}

export async function main(quick: boolean): Promise<void> {
  const tests = quick ? 40 : 200;
  const steps = 100;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-tests-'));
  try {
    fs.writeFileSync(path.join(dir, 'bench.workflows.yaml'), workflow(steps));
    fs.writeFileSync(path.join(dir, 'bench.workflows.test.yaml'), testFile(tests, steps));
    const file = path.join(dir, 'bench.workflows.test.yaml');
    const started = now();
    const suite = await runSuite([{ shown: file, path: file }]);
    const wall = now() - started;
    const lcov = toLcov(suite.coverage.result());
    const passed = suite.results.filter((r) => r.status === 'passed').length;
    const durations = suite.results.map((r) => r.durationMs).sort((a, b) => a - b);
    printTable(
      `Workflow tests: ${count(tests)} tests against a ${steps}-step workflow (one file, in process, with coverage)`,
      ['measure', 'value'],
      [
        ['tests passed', `${count(passed)} of ${count(suite.results.length)}${suite.invalid.length > 0 ? ` (invalid: ${suite.invalid[0]})` : ''}`],
        ['wall time', ms(wall)],
        ['tests per second', count((suite.results.length / wall) * 1000)],
        ['median test', ms(durations[Math.floor(durations.length / 2)] ?? 0)],
        ['slowest test (the first: warm-up)', ms(durations[durations.length - 1] ?? 0)],
        ['LCOV lines written', count(lcov.split('\n').filter((l) => l.startsWith('DA:')).length)],
      ],
      ['each test: a fresh in-process emulator on a virtual clock, deploy, run, expectations, coverage', `load average (1 min): ${load1()}`],
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runIfMain(module, main);
