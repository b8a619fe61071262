import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PARENT_EXECUTION_LABEL } from '../../../src/core/executionLabels';
import { PARENT, raw, startHarness, tempDir } from './harness';
import type { Harness } from './harness';

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'parent-child');
const source = (file: string): string => fs.readFileSync(path.join(EXAMPLE, file), 'utf8');

/** A parent that starts one child with `create` (no argument link) and one with `run`. */
const CREATE_AND_RUN = `main:
  steps:
    - created:
        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.create
        args:
          parent: projects/local-project/locations/us-central1/workflows/echo
          body:
            argument: '{"n": 1}'
        result: created
    - ran:
        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
        args:
          workflow_id: echo
          argument: {n: 2}
        result: ran
    - done:
        return: \${ran}
`;

const ECHO = `main:
  params: [args]
  steps:
    - done:
        return: \${args.n}
`;

const SLEEPY = `main:
  steps:
    - wait:
        call: sys.sleep
        args:
          seconds: 30
    - done:
        return: 1
`;

describe('emulator: the parent label on child executions', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ clock: 'virtual' });
    await h.cloud.deployWorkflow('workflow-child', source('workflow-child.yaml'));
    await h.cloud.deployWorkflow('workflow-parent', source('workflow-parent.yaml'));
    await h.cloud.deployWorkflow('echo', ECHO);
    await h.cloud.deployWorkflow('both', CREATE_AND_RUN);
  });
  after(async () => {
    await h.close();
  });

  it('labels every child of executions.run with its parent execution ID, and no top-level run', async () => {
    const started = await h.cloud.runExecution('workflow-parent');
    const parent = await h.cloud.waitForExecution(started.name, { intervalMs: 5 });
    const children = (await h.cloud.listExecutions('workflow-child', { view: 'FULL', filter: `labels.${PARENT_EXECUTION_LABEL}="${parent.executionId}"` })).items;
    assert.deepEqual(
      children.map((c) => c.labels).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      [1, 2, 3, 4].map(() => ({ [PARENT_EXECUTION_LABEL]: parent.executionId })),
    );
    assert.deepEqual(parent.labels, {});
  });

  it('labels children of executions.create as well, whatever their argument says', async () => {
    const started = await h.cloud.runExecution('both');
    const parent = await h.cloud.waitForExecution(started.name, { intervalMs: 5 });
    assert.equal(parent.result, '2');
    const children = (await h.cloud.listExecutions('echo', { view: 'FULL', orderBy: 'createTime' })).items;
    assert.deepEqual(
      children.map((c) => [c.argument, c.labels]),
      [
        ['{"n": 1}', { [PARENT_EXECUTION_LABEL]: parent.executionId }],
        ['{"n":2}', { [PARENT_EXECUTION_LABEL]: parent.executionId }],
      ],
    );
  });

  it('keeps the labels a caller sets, such as retry-of', async () => {
    const retried = await h.cloud.runExecution('echo', '{"n": 3}', { 'retry-of': 'abc', [PARENT_EXECUTION_LABEL]: 'p1' });
    assert.deepEqual(retried.labels, { 'retry-of': 'abc', [PARENT_EXECUTION_LABEL]: 'p1' });
  });
});

describe('emulator: deleting executions (an extension of the REST API)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ clock: 'real' });
    await h.cloud.deployWorkflow('echo', ECHO);
    await h.cloud.deployWorkflow('sleepy', SLEEPY);
  });
  after(async () => {
    await h.close();
  });

  it('deletes an ended execution and its step entries', async () => {
    const done = await h.cloud.waitForExecution((await h.cloud.runExecution('echo', '{"n": 1}')).name, { intervalMs: 5 });
    assert.equal((await raw(`${h.emu.url}/v1/${done.name}/stepEntries`, 'GET')).status, 200);
    assert.deepEqual(await raw(`${h.emu.url}/v1/${done.name}`, 'DELETE'), { status: 200, json: {} });
    assert.deepEqual(await raw(`${h.emu.url}/v1/${done.name}`, 'GET'), {
      status: 404,
      json: { error: { code: 404, message: `Resource '${done.name}' was not found`, status: 'NOT_FOUND' } },
    });
    assert.equal((await raw(`${h.emu.url}/v1/${done.name}/stepEntries`, 'GET')).status, 404);
  });

  it('deletes through the client layer too', async () => {
    const done = await h.cloud.waitForExecution((await h.cloud.runExecution('echo', '{"n": 2}')).name, { intervalMs: 5 });
    await h.cloud.deleteExecution(done.name);
    assert.deepEqual((await h.cloud.listExecutions('echo', { filter: `name="${done.name}"` })).items, []);
  });

  it('refuses to delete a running execution with a Google-style FAILED_PRECONDITION', async () => {
    const running = await h.cloud.runExecution('sleepy');
    assert.deepEqual(await raw(`${h.emu.url}/v1/${running.name}`, 'DELETE'), {
      status: 400,
      json: { error: { code: 400, message: `Execution '${running.name}' is still running: cancel it before deleting it.`, status: 'FAILED_PRECONDITION' } },
    });
    await h.cloud.cancelExecution(running.name);
  });

  it('answers 404 for an execution that does not exist', async () => {
    const name = `${PARENT}/workflows/echo/executions/nope`;
    assert.deepEqual(await raw(`${h.emu.url}/v1/${name}`, 'DELETE'), {
      status: 404,
      json: { error: { code: 404, message: `Resource '${name}' was not found`, status: 'NOT_FOUND' } },
    });
  });
});

describe('emulator: the execution retention limit', () => {
  it('keeps the newest executions and drops the oldest ended ones, with their files', async () => {
    const dataDir = tempDir();
    const h = await startHarness({ clock: 'virtual', maxExecutions: 3, dataDir });
    try {
      await h.cloud.deployWorkflow('echo', ECHO);
      const names: string[] = [];
      for (let n = 1; n <= 5; n++) names.push((await h.cloud.waitForExecution((await h.cloud.runExecution('echo', `{"n": ${n}}`)).name, { intervalMs: 5 })).name);
      const kept = (await h.cloud.listExecutions('echo', { view: 'FULL', orderBy: 'createTime' })).items;
      assert.deepEqual(
        kept.map((e) => e.argument),
        ['{"n": 3}', '{"n": 4}', '{"n": 5}'],
      );
      const files = fs.readdirSync(path.join(dataDir, 'projects/local-project/locations/us-central1/workflows/echo/executions')).sort();
      assert.deepEqual(files, names.slice(2).map((n) => `${n.slice(n.lastIndexOf('/') + 1)}.json`).sort());
    } finally {
      await h.close();
    }
  });

  it('never drops a running execution, even past the limit', async () => {
    const h = await startHarness({ clock: 'real', maxExecutions: 1 });
    try {
      await h.cloud.deployWorkflow('sleepy', SLEEPY);
      await h.cloud.deployWorkflow('echo', ECHO);
      const running = await h.cloud.runExecution('sleepy');
      const ended = await h.cloud.waitForExecution((await h.cloud.runExecution('echo', '{"n": 1}')).name, { intervalMs: 5 });
      const next = await h.cloud.runExecution('echo', '{"n": 2}');
      await h.cloud.waitForExecution(next.name, { intervalMs: 5 });
      assert.equal((await h.cloud.getExecution(running.name)).state, 'ACTIVE');
      assert.equal((await raw(`${h.emu.url}/v1/${ended.name}`, 'GET')).status, 404);
      await h.cloud.cancelExecution(running.name);
    } finally {
      await h.close();
    }
  });
});

describe('emulator: revisions through the client layer', () => {
  it('lists revisions newest first and reads one by ID', async () => {
    const h = await startHarness({ clock: 'virtual' });
    try {
      const first = await h.cloud.deployWorkflow('echo', ECHO);
      const second = await h.cloud.deployWorkflow('echo', ECHO.replace('args.n', 'args.n + 1'));
      const revisions = await h.cloud.listRevisions('echo');
      assert.deepEqual(
        revisions.items.map((r) => r.revisionId),
        [second.revisionId, first.revisionId],
      );
      assert.equal((await h.cloud.getWorkflow('echo', first.revisionId)).sourceContents, ECHO);
    } finally {
      await h.close();
    }
  });
});
