import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/run';
import { captureCli } from './captureCli';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'parent-child');

function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return captureCli(main, argv);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CHILD_PREFIX = 'projects/local-project/locations/us-central1/workflows/workflow-child/executions/';

describe('cloud-workflows run', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-run-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('runs the parent/child example on the virtual clock and prints one JSON object', async () => {
    const started = Date.now();
    const { code, stdout, stderr } = await cli([path.join(EXAMPLE, 'workflow-parent.yaml'), '--dir', EXAMPLE, '--clock', 'virtual', '--format', 'json']);
    assert.ok(Date.now() - started < 5000);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as Record<string, unknown> & { children: Record<string, unknown>[]; result: { failure: Record<string, { operation: { name: string } }> } };
    const parentId = String(report.name).split('/').pop() as string;
    assert.match(parentId, UUID);
    const iteration = (c: Record<string, unknown>): number => (c.argument as { iteration: number }).iteration;
    const children: Record<string, unknown>[] = report.children.map((c) => ({ ...c, name: String(c.name).startsWith(CHILD_PREFIX) ? 'child' : c.name }));
    const byIteration = [...children].sort((a, b) => iteration(a) - iteration(b));
    const failedError = (i: number) => ({
      payload: `Error with iteration ${i}`,
      context: `Error with iteration ${i}\nin step "raise_error", routine "main", line: 20`,
      stackTrace: [{ routine: 'main', step: 'raise_error', line: 20, column: 7, length: 11 }],
    });
    assert.deepEqual(byIteration, [1, 2, 3, 4].map((i) => ({
      name: 'child',
      workflowId: 'workflow-child',
      state: i % 2 ? 'SUCCEEDED' : 'FAILED',
      argument: { iteration: i, parent_execution_id: parentId },
      result: i % 2 ? `Hello world${i}` : null,
      error: i % 2 ? null : failedError(i),
      duration: '10s',
    })));
    const { result, children: _children, ...rest } = report;
    assert.deepEqual(rest, {
      name: `projects/local-project/locations/us-central1/workflows/workflow-parent/executions/${parentId}`,
      workflowId: 'workflow-parent',
      state: 'SUCCEEDED',
      argument: null,
      error: null,
      startTime: '2026-01-01T00:00:00.000Z',
      endTime: '2026-01-01T00:00:10.000Z',
      duration: '10s',
    });
    assert.deepEqual(Object.keys(result), ['success', 'failure']);
    assert.deepEqual((result as unknown as { success: unknown }).success, { '1': 'Hello world1', '3': 'Hello world3' });
    assert.deepEqual(Object.keys(result.failure).sort(), ['2', '4']);
    for (const i of ['2', '4']) {
      assert.ok(result.failure[i].operation.name.startsWith(CHILD_PREFIX));
    }
  });

  it('prints state, result, duration and children as text', async () => {
    const { code, stdout } = await cli([path.join(EXAMPLE, 'workflow-parent.yaml'), '--dir', EXAMPLE, '--clock', 'virtual']);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'workflow-parent SUCCEEDED in 10s (virtual clock)');
    assert.match(lines[1], /^execution: projects\/local-project\/locations\/us-central1\/workflows\/workflow-parent\/executions\/[0-9a-f-]{36}$/);
    assert.equal(lines[2], 'result:');
    assert.ok(lines.includes('children (4):'));
    assert.equal(lines.filter((l) => /^ {2}workflow-child [0-9a-f]{8} (SUCCEEDED|FAILED) in 10s$/.test(l)).length, 4);
    assert.ok(lines.includes('    result: "Hello world1"'));
    assert.ok(lines.includes('    error: "Error with iteration 4"'));
  });

  it('passes --data as the argument and exits 1 when the workflow fails', async () => {
    const file = path.join(tmp, 'fails.workflows.yaml');
    fs.writeFileSync(file, 'main:\n  params: [args]\n  steps:\n    - boom:\n        raise: ${args.why}\n');
    const { code, stdout } = await cli([file, '--data', '{"why": "no reason"}', '--format', 'json']);
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    assert.equal(report.workflowId, 'fails');
    assert.equal(report.state, 'FAILED');
    assert.deepEqual(report.argument, { why: 'no reason' });
    assert.deepEqual(report.error, {
      payload: 'no reason',
      context: 'no reason\nin step "boom", routine "main", line: 4',
      stackTrace: [{ routine: 'main', step: 'boom', line: 4, column: 7, length: 4 }],
    });
    assert.deepEqual(report.children, []);
  });

  it('exits 2 with file:line:col diagnostics when a file does not deploy', async () => {
    const file = path.join(tmp, 'broken.yaml');
    fs.writeFileSync(file, 'main:\n  steps:\n    - a:\n        retrun: 2\n');
    const { code, stdout, stderr } = await cli([file]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, `${file}:4:9: unknown-key: Unknown key 'retrun' in a step. Did you mean 'return'?\ncloud-workflows run: 1 file(s) failed to deploy\n`);
  });

  it('prints integers beyond 2^53 and the int64 bounds with every digit, as text and as JSON', async () => {
    const child = path.join(tmp, 'child.yaml');
    fs.writeFileSync(child, 'main:\n  params: [args]\n  steps:\n    - r:\n        return: [${args.n}, 9223372036854775807, -9223372036854775808]\n');
    const parent = path.join(tmp, 'parent.yaml');
    fs.writeFileSync(
      parent,
      [
        'main:',
        '  steps:',
        '    - run:',
        '        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run',
        '        args: {workflow_id: child, argument: {n: 9007199254740993}}',
        '        result: r',
        '    - done:',
        '        return: ${r}',
        '',
      ].join('\n'),
    );
    const text = await cli([parent, '--dir', tmp, '--clock', 'virtual']);
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.split('\n');
    assert.deepEqual(lines.slice(2, 7), ['result:', '  [', '    9007199254740993,', '    9223372036854775807,', '    -9223372036854775808']);
    assert.deepEqual(lines.slice(10, 12), ['    argument: {"n":9007199254740993}', '    result: [9007199254740993,9223372036854775807,-9223372036854775808]']);
    const json = await cli([parent, '--dir', tmp, '--clock', 'virtual', '--format', 'json']);
    assert.equal(json.code, 0, json.stderr);
    assert.match(json.stdout, /\n {2}"result": \[\n {4}9007199254740993,\n {4}9223372036854775807,\n {4}-9223372036854775808\n {2}\],\n/);
    assert.match(json.stdout, /\n {6}"argument": \{\n {8}"n": 9007199254740993\n {6}\},\n/);
  });

  it('exits 2 on usage errors', async () => {
    const cases: [string[], string][] = [
      [[], 'missing the workflow file to run'],
      [[path.join(tmp, 'nope.yaml')], `${path.join(tmp, 'nope.yaml')}: no such file`],
      [[path.join(EXAMPLE, 'workflow-child.yaml'), '--clock', 'fast'], "--clock must be real or virtual, got 'fast'"],
      [[path.join(EXAMPLE, 'workflow-child.yaml'), '--data', '{oops'], 'the argument is not valid JSON: '],
      [[path.join(EXAMPLE, 'workflow-child.yaml'), '--format', 'xml'], "--format must be text or json, got 'xml'"],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await cli(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.ok(stderr.startsWith(`cloud-workflows run: ${message}`), stderr);
    }
  });
});
