import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { main } from '../../../src/cli/test';
import { tempFiles } from './support';

const WORKFLOW = `main:
  params: [args]
  steps:
    - check:
        switch:
          - condition: \${args.n > 1}
            next: big
    - small:
        return: small
    - big:
        call: sys.log
        args: {text: going big}
    - done:
        return: big
`;

const TESTS = `tests:
  - name: small one
    argument: {n: 1}
    expect: {result: small}
  - name: big one <&>
    argument: {n: 2}
    expect: {result: huge}
`;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('cloud-workflows test', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempFiles({
      'app/flow.workflows.yaml': WORKFLOW,
      'app/flow.workflows.test.yaml': TESTS,
      'app/node_modules/x/flow.workflows.test.yaml': 'tests: [{name: hidden}]',
      'app/.git/flow.workflows.test.yaml': 'tests: [{name: hidden}]',
      'app/notes.test.yaml': 'not: a test beside a workflow',
    }));
  });
  afterEach(() => cleanup());

  it('prints one line per test and the closing count, and exits 1 when a test fails', async () => {
    const given = path.join(dir, 'app');
    const { code, out, err } = await cli([given]);
    assert.equal(code, 1);
    assert.equal(err, '');
    const lines = out.replace(/\(\d+ ms\)/g, '(N ms)').split('\n');
    assert.deepEqual(lines, [
      `PASS ${given}/flow.workflows.test.yaml: small one (N ms)`,
      `FAIL ${given}/flow.workflows.test.yaml: big one <&> (N ms)`,
      '    result differs:',
      '      $: expected "huge", got "big"',
      '    The run ended at step "done" (flow.workflows.yaml:13:7).',
      '    sys.log:',
      '      going big',
      '1 passed, 1 failed',
      '',
    ]);
  });

  it('exits 0 when all pass, with --grep choosing tests by name', async () => {
    const { code, out } = await cli([path.join(dir, 'app'), '--grep', 'small']);
    assert.equal(code, 0);
    assert.match(out, /1 passed, 0 failed\n$/);
  });

  it('prints the JSON report in the documented shape', async () => {
    const file = path.join(dir, 'app', 'flow.workflows.test.yaml');
    const { code, out } = await cli([file, '--format', 'json']);
    assert.equal(code, 1);
    const report = JSON.parse(out) as { tests: { durationMs: number }[] };
    for (const t of report.tests) assert.equal(typeof t.durationMs, 'number');
    assert.deepEqual(JSON.parse(out.replace(/"durationMs": \d+/g, '"durationMs": 0')), {
      tests: [
        { file, name: 'small one', status: 'passed', durationMs: 0 },
        {
          file,
          name: 'big one <&>',
          status: 'failed',
          message: 'result differs:\n  $: expected "huge", got "big"\nThe run ended at step "done" (flow.workflows.yaml:13:7).',
          durationMs: 0,
        },
      ],
      passed: 1,
      failed: 1,
    });
  });

  it('prints JUnit XML that an XML parser reads back test by test', async () => {
    const file = path.join(dir, 'app', 'flow.workflows.test.yaml');
    const { out } = await cli([file, '--format', 'junit']);
    assert.equal(XMLValidator.validate(out), true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(out);
    const suites = xml.testsuites;
    assert.equal(suites.tests, '2');
    assert.equal(suites.failures, '1');
    const suite = suites.testsuite;
    assert.equal(suite.name, file);
    const [small, big] = suite.testcase;
    assert.equal(small.name, 'small one');
    assert.equal(small.failure, undefined);
    assert.equal(big.name, 'big one <&>');
    assert.equal(big.failure.message, 'result differs:');
    assert.equal(big.failure['#text'], 'result differs:\n  $: expected "huge", got "big"\nThe run ended at step "done" (flow.workflows.yaml:13:7).');
    assert.equal(big['system-out'], 'going big');
  });

  it('writes step coverage as LCOV: the workflow file and each step line with its count', async () => {
    const lcov = path.join(dir, 'coverage.info');
    await cli([path.join(dir, 'app'), '--coverage', `lcov:${lcov}`]);
    const workflow = path.join(dir, 'app', 'flow.workflows.yaml');
    assert.equal(
      fs.readFileSync(lcov, 'utf8'),
      ['TN:', `SF:${workflow}`, 'DA:4,2', 'DA:8,1', 'DA:10,1', 'DA:13,1', 'LF:4', 'LH:4', 'end_of_record', ''].join('\n'),
    );
  });

  it('exits 2 with file:line:col messages for a test file that is not valid, and for usage errors', async () => {
    fs.writeFileSync(path.join(dir, 'app', 'flow.workflows.test.yaml'), 'tests:\n  - name: x\n    expcet: {}\n');
    const invalid = await cli([path.join(dir, 'app')]);
    assert.equal(invalid.code, 2);
    assert.equal(
      invalid.err,
      `${path.join(dir, 'app', 'flow.workflows.test.yaml')}:3:5: error test-unknown-key Unknown key 'expcet' in a test; expected one of: name, argument, mocks, expect.\n`,
    );
    assert.equal((await cli(['--format', 'xml'])).code, 2);
    assert.equal((await cli(['--coverage', 'cobertura:x'])).code, 2);
    assert.equal((await cli([path.join(dir, 'missing')])).code, 2);
    assert.equal((await cli(['--bogus'])).code, 2);
  });
});
