import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { createCloudClient } from '../../../src/cloud';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Starts `cloud-workflows emulator` and resolves with its URL once it prints the ready line. */
function startCli(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src', 'cli', 'main.ts'), 'emulator', ...args], { cwd: ROOT });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in time:\n${output}`)), 45_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)\n/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('cloud-workflows emulator', function () {
  // Each case starts Node with the TypeScript loader, which is slow on a busy machine.
  this.timeout(60_000);
  it('deploys --dir at start, serves the REST API on the real port, and stops cleanly on SIGTERM', async () => {
    const { child, url, output } = await startCli(['--port', '0', '--dir', 'examples/parent-child', '--clock', 'virtual', '--project', 'demo']);
    const done = exited(child);
    try {
      const port = Number(new URL(url).port);
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(port > 0);
      assert.match(output(), /deployed workflow-child \(revision 000001-[0-9a-f]{3}\) from examples\/parent-child\/workflow-child\.yaml\n/);
      const client = createCloudClient({ kind: 'emulator', port, project: 'demo', location: 'us-central1' });
      const page = await client.listWorkflows();
      assert.deepEqual(
        page.items.map((w) => w.workflowId),
        ['workflow-child', 'workflow-parent'],
      );
      const run = await client.runExecution('workflow-parent');
      const finished = await client.waitForExecution(run.name, { intervalMs: 20 });
      assert.equal(finished.state, 'SUCCEEDED');
      assert.deepEqual((JSON.parse(String(finished.result)) as { success: unknown }).success, { '1': 'Hello world1', '3': 'Hello world3' });
      await client.close();
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await done, 0);
    assert.match(output(), /emulator stopped\n$/);
  });

  it('records detailed history by default with --execution-history detailed and keeps sys.log lines out of stdout with --quiet-logs', async () => {
    const { child, url, output } = await startCli(['--port', '0', '--clock', 'virtual', '--execution-history', 'detailed', '--quiet-logs']);
    const done = exited(child);
    try {
      const client = createCloudClient({ kind: 'emulator', port: Number(new URL(url).port), project: 'local-project', location: 'us-central1' });
      await client.deployWorkflow('chatty', 'main:\n  steps:\n    - a:\n        assign:\n          - x: 1\n    - say:\n        call: sys.log\n        args:\n          text: secret\n');
      const run = await client.runExecution('chatty');
      await client.waitForExecution(run.name, { intervalMs: 20 });
      const entries = await client.listStepEntries(run.name, { view: 'EXECUTION_ENTRY_VIEW_DETAILED' });
      assert.deepEqual(
        entries.items.map((e) => [e.step, e.variablesJson]),
        [
          ['a', '{"x":1}'],
          ['say', '{"x":1}'],
        ],
      );
      assert.deepEqual((await client.listExecutionLogs(run.name)).lines.map((l) => [l.severity, l.text]), [['DEFAULT', 'secret']]);
      await client.close();
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await done, 0);
    assert.equal(output().includes('secret'), false);
  });

  it('exits 2 with usage on a bad option', async () => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src', 'cli', 'main.ts'), 'emulator', '--port', 'http'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    assert.equal(await exited(child), 2);
    assert.ok(stderr.startsWith("cloud-workflows emulator: --port must be a number from 0 to 65535, got 'http'\n"), stderr);
    const history = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src', 'cli', 'main.ts'), 'emulator', '--execution-history', 'full'], { cwd: ROOT });
    let historyErr = '';
    history.stderr.on('data', (c: Buffer) => (historyErr += c.toString()));
    assert.equal(await exited(history), 2);
    assert.ok(historyErr.startsWith("cloud-workflows emulator: --execution-history must be basic or detailed, got 'full'\n"), historyErr);
  });
});
