import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PARENT, RETURN_ONE, eventually, startHarness, tempDir } from './harness';

const SLEEP = 'main:\n  steps:\n    - nap:\n        call: sys.sleep\n        args:\n          seconds: 3600\n';
const STOPPED = 'The local emulator stopped during the execution; it cannot be resumed.';

describe('emulator: nothing is lost across restarts', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = tempDir();
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps workflows, revisions, finished executions and their step entries', async () => {
    const first = await startHarness({ dataDir, clock: 'virtual' });
    await first.cloud.deployWorkflow('kept', RETURN_ONE);
    const second = await first.cloud.deployWorkflow('kept', RETURN_ONE.replace('1', '2'));
    const run = await first.cloud.runExecution('kept', '{"a": 1}', { k: 'v' });
    const done = await first.cloud.waitForExecution(run.name, { intervalMs: 5 });
    const steps = await first.cloud.listStepEntries(run.name);
    await first.close();

    const again = await startHarness({ dataDir, clock: 'virtual' });
    try {
      assert.deepEqual(again.emu.startup, { corrupt: [], interrupted: [] });
      assert.deepEqual(await again.cloud.getWorkflow('kept'), second);
      const [revisions] = await again.workflows.listWorkflowRevisions({ name: `${PARENT}/workflows/kept` }, { autoPaginate: false });
      assert.equal(revisions.length, 2);
      assert.deepEqual(await again.cloud.getExecution(run.name), done);
      assert.equal(done.result, '2');
      assert.deepEqual(await again.cloud.listStepEntries(run.name), steps);
    } finally {
      await again.close();
    }
  });

  it('brings back an execution that was running when the process was killed as FAILED', async () => {
    const first = await startHarness({ dataDir });
    await first.cloud.deployWorkflow('sleepy', SLEEP);
    const run = await first.cloud.runExecution('sleepy');
    await eventually(async () => ((await first.cloud.getExecution(run.name)).currentSteps.length > 0 ? true : undefined));
    await first.emu.crash();
    await first.close();

    const again = await startHarness({ dataDir });
    try {
      assert.deepEqual(again.emu.startup.interrupted, [run.name]);
      const e = await again.cloud.getExecution(run.name);
      assert.equal(e.state, 'FAILED');
      assert.deepEqual(e.error, {
        payload: JSON.stringify({ message: STOPPED, tags: ['SystemError'] }),
        context: STOPPED,
        stackTrace: [],
      });
      assert.ok(e.endTime);
    } finally {
      await again.close();
    }
  });

  it('saves executions still running at a clean close as FAILED too', async () => {
    const first = await startHarness({ dataDir });
    await first.cloud.deployWorkflow('sleepy', SLEEP);
    const run = await first.cloud.runExecution('sleepy');
    await first.close();
    const again = await startHarness({ dataDir });
    try {
      assert.deepEqual(again.emu.startup.interrupted, []);
      const e = await again.cloud.getExecution(run.name);
      assert.equal(e.state, 'FAILED');
      assert.equal(e.error?.context, STOPPED);
    } finally {
      await again.close();
    }
  });

  it('reports a corrupt data file, moves it aside and loads everything else', async () => {
    const first = await startHarness({ dataDir });
    await first.cloud.deployWorkflow('good', RETURN_ONE);
    await first.cloud.deployWorkflow('bad', RETURN_ONE);
    await first.close();
    const badFile = path.join(dataDir, 'projects', 'local-project', 'locations', 'us-central1', 'workflows', 'bad.json');
    const text = fs.readFileSync(badFile, 'utf8');
    fs.writeFileSync(badFile, text.slice(0, text.length / 2));

    const again = await startHarness({ dataDir });
    try {
      const [report] = again.emu.startup.corrupt;
      assert.equal(again.emu.startup.corrupt.length, 1);
      assert.equal(report.path, badFile);
      assert.equal(report.reason, 'the file is not valid JSON (truncated?)');
      assert.equal(path.dirname(report.movedTo), path.join(dataDir, 'corrupt'));
      assert.equal(fs.readFileSync(report.movedTo, 'utf8'), text.slice(0, text.length / 2));
      assert.equal(fs.existsSync(badFile), false);
      const page = await again.cloud.listWorkflows();
      assert.deepEqual(
        page.items.map((w) => w.workflowId),
        ['good'],
      );
    } finally {
      await again.close();
    }
  });

  it('moves aside a temp file left by an interrupted write and keeps the previous version', async () => {
    const first = await startHarness({ dataDir });
    const deployed = await first.cloud.deployWorkflow('kept', RETURN_ONE);
    await first.close();
    const dir = path.join(dataDir, 'projects', 'local-project', 'locations', 'us-central1', 'workflows');
    const temp = path.join(dir, 'kept.json.123.abc.tmp');
    fs.writeFileSync(temp, '{"kind":"workflow","ver');

    const again = await startHarness({ dataDir });
    try {
      assert.deepEqual(
        again.emu.startup.corrupt.map((c) => [c.path, c.reason, path.dirname(c.movedTo)]),
        [[temp, 'an interrupted write; the previous version of the resource was kept', path.join(dataDir, 'corrupt')]],
      );
      assert.equal(fs.existsSync(temp), false);
      assert.deepEqual(await again.cloud.getWorkflow('kept'), deployed);
    } finally {
      await again.close();
    }
  });

  it('deletes a workflow with its executions, running ones included, for good', async () => {
    const first = await startHarness({ dataDir });
    await first.cloud.deployWorkflow('sleepy', SLEEP);
    const run = await first.cloud.runExecution('sleepy');
    await first.cloud.deleteWorkflow('sleepy');
    await assert.rejects(first.cloud.getExecution(run.name), (err: { code?: number }) => err.code === 404);
    await first.close();
    const again = await startHarness({ dataDir });
    try {
      assert.deepEqual(again.emu.startup, { corrupt: [], interrupted: [] });
      assert.deepEqual((await again.cloud.listWorkflows()).items, []);
      assert.equal(fs.existsSync(path.join(dataDir, 'projects', 'local-project', 'locations', 'us-central1', 'workflows', 'sleepy')), false);
    } finally {
      await again.close();
    }
  });
});
