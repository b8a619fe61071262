import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHILD_FAILED_MESSAGE } from '../../../src/emulator';
import { PARENT, startHarness } from './harness';
import type { Harness } from './harness';

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'parent-child');
const source = (file: string): string => fs.readFileSync(path.join(EXAMPLE, file), 'utf8');

describe('emulator: the parent/child sample through the real clients on the virtual clock', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ clock: 'virtual' });
    await h.cloud.deployWorkflow('workflow-child', source('workflow-child.yaml'));
    await h.cloud.deployWorkflow('workflow-parent', source('workflow-parent.yaml'));
  });
  after(async () => {
    await h.close();
  });

  it('succeeds with the successes and failures of four real child executions', async () => {
    const started = Date.now();
    const [created] = await h.executions.createExecution({ parent: `${PARENT}/workflows/workflow-parent`, execution: {} });
    const parent = await h.cloud.waitForExecution(String(created.name), { intervalMs: 5 });
    assert.ok(Date.now() - started < 5000, 'virtual sleeps take no real time');
    assert.equal(parent.state, 'SUCCEEDED');
    assert.equal(parent.durationSeconds, 10);

    const children = (await h.cloud.listExecutions('workflow-child', { view: 'FULL', orderBy: 'createTime' })).items;
    const byIteration = new Map(children.map((c) => [(JSON.parse(String(c.argument)) as { iteration: number }).iteration, c]));
    assert.deepEqual([...byIteration.keys()].sort(), [1, 2, 3, 4]);
    for (const c of children) {
      assert.deepEqual(JSON.parse(String(c.argument)), {
        iteration: (JSON.parse(String(c.argument)) as { iteration: number }).iteration,
        parent_execution_id: parent.executionId,
      });
      assert.equal(c.durationSeconds, 10);
    }
    assert.deepEqual(
      [1, 2, 3, 4].map((i) => [i, byIteration.get(i)?.state, byIteration.get(i)?.result ?? byIteration.get(i)?.error?.payload]),
      [
        [1, 'SUCCEEDED', '"Hello world1"'],
        [2, 'FAILED', '"Error with iteration 2"'],
        [3, 'SUCCEEDED', '"Hello world3"'],
        [4, 'FAILED', '"Error with iteration 4"'],
      ],
    );

    const result = JSON.parse(String(parent.result)) as { success: unknown; failure: Record<string, Record<string, unknown>> };
    assert.deepEqual(result.success, { '1': 'Hello world1', '3': 'Hello world3' });
    assert.deepEqual(Object.keys(result.failure).sort(), ['2', '4']);
    for (const i of ['2', '4']) {
      const failure = result.failure[i];
      const child = byIteration.get(Number(i));
      const fullChild = await (await fetch(`${h.emu.url}/v1/${child?.name}`)).json();
      assert.deepEqual(failure, { message: CHILD_FAILED_MESSAGE, tags: ['OperationError'], operation: fullChild });
      assert.equal((failure.operation as { state: string }).state, 'FAILED');
    }
  });
});
