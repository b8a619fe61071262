import * as assert from 'node:assert/strict';
import { ManualClock, PARENT, eventually, startHarness } from './harness';
import type { Harness } from './harness';

const ECHO = 'main:\n  params: [args]\n  steps:\n    - a:\n        assign:\n          - x: ${args.n + 1}\n    - r:\n        return: ${x}\n';
const FAIL = 'main:\n  steps:\n    - boom:\n        raise: {"code": 7}\n';
const SLEEP = 'main:\n  steps:\n    - nap:\n        call: sys.sleep\n        args:\n          seconds: 3600\n';

describe('emulator: Executions v1 through the real ExecutionsClient', () => {
  let h: Harness;
  const workflow = (id: string): string => `${PARENT}/workflows/${id}`;

  describe('on a hand-moved clock', () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    before(async () => {
      h = await startHarness({ clock });
      await h.cloud.deployWorkflow('echo', ECHO);
      await h.cloud.deployWorkflow('fail', FAIL);
    });
    after(async () => {
      await h.close();
    });

    it('creates an execution that runs the argument through the workflow and gets it in FULL view', async () => {
      const [created] = await h.executions.createExecution({ parent: workflow('echo'), execution: { argument: '{"n": 41}', labels: { run: 'one' } } });
      assert.match(String(created.name), new RegExp(`^${workflow('echo')}/executions/[0-9a-f-]{36}$`));
      const done = await eventually(async () => {
        const [e] = await h.executions.getExecution({ name: created.name });
        return e.state === 'ACTIVE' ? undefined : e;
      });
      assert.equal(done.state, 'SUCCEEDED');
      assert.equal(done.argument, '{"n": 41}');
      assert.equal(done.result, '42');
      assert.deepEqual(done.labels, { run: 'one' });
      assert.deepEqual(done.status?.currentSteps?.map((s) => [s.routine, s.step]), [['main', 'r']]);
      assert.deepEqual(done.startTime, { seconds: String(Date.UTC(2026, 0, 1) / 1000), nanos: 0 });
    });

    it('reports a failed execution with its error payload, context and stack trace', async () => {
      clock.ms += 1000;
      const started = await h.cloud.runExecution('fail');
      const e = await h.cloud.waitForExecution(started.name, { intervalMs: 5 });
      assert.equal(e.state, 'FAILED');
      assert.deepEqual(e.error, {
        payload: '{"code":7}',
        context: '{"code":7}\nin step "boom", routine "main", line: 3',
        stackTrace: [{ step: 'boom', routine: 'main', line: 3, column: 7, length: 4 }],
      });
      assert.equal(e.result, undefined);
    });

    it('lists executions newest first, a page at a time, and filters by state, label and time', async () => {
      const names: string[] = [];
      for (let i = 0; i < 3; i++) {
        clock.ms += 60_000;
        const e = await h.cloud.runExecution('echo', `{"n": ${i}}`, { batch: i === 1 ? 'odd' : 'even' });
        await h.cloud.waitForExecution(e.name, { intervalMs: 5 });
        names.push(e.name);
      }
      const first = await h.cloud.listExecutions('echo', { pageSize: 2 });
      assert.deepEqual(
        first.items.map((e) => e.name),
        [names[2], names[1]],
      );
      assert.ok(first.nextPageToken);
      const second = await h.cloud.listExecutions('echo', { pageSize: 2, pageToken: first.nextPageToken });
      assert.equal(second.items[0].name, names[0]);
      assert.equal(second.items.length, 2);
      assert.equal(second.nextPageToken, undefined);

      const odd = await h.cloud.listExecutions('echo', { filter: 'labels.batch="odd"', view: 'FULL' });
      assert.deepEqual(
        odd.items.map((e) => [e.name, e.result]),
        [[names[1], '2']],
      );
      const since = new Date(Date.UTC(2026, 0, 1) + 1000 + 120_000).toISOString();
      const recent = await h.cloud.listExecutions('echo', { filter: `createTime>="${since}" AND state="SUCCEEDED"`, orderBy: 'createTime' });
      assert.deepEqual(
        recent.items.map((e) => e.name),
        [names[1], names[2]],
      );
      const failed = await h.cloud.listExecutions('fail', { filter: 'state="FAILED" OR state="CANCELLED"' });
      assert.equal(failed.items.length, 1);
      const instant = await h.cloud.listExecutions('echo', { filter: 'duration<="0.5s" AND labels.batch="even"' });
      assert.deepEqual(
        instant.items.map((e) => e.name),
        [names[2], names[0]],
      );
    });

    it('shows only the BASIC fields in list results by default', async () => {
      const [items] = await h.executions.listExecutions({ parent: workflow('echo'), pageSize: 1 }, { autoPaginate: false });
      assert.equal(items.length, 1);
      assert.equal(items[0].argument, '');
      assert.equal(items[0].result, '');
      assert.equal(items[0].state, 'SUCCEEDED');
    });

    it('lists step entries through the cloud layer, one per step, in order', async () => {
      const e = await h.cloud.runExecution('echo', '{"n": 1}');
      await h.cloud.waitForExecution(e.name, { intervalMs: 5 });
      const entries = await h.cloud.listStepEntries(e.name);
      assert.deepEqual(
        entries.items.map((s) => [s.entryId, s.routine, s.step, s.stepType, s.state, s.name]),
        [
          [1, 'main', 'a', 'STEP_ASSIGN', 'STATE_SUCCEEDED', `${e.name}/stepEntries/1`],
          [2, 'main', 'r', 'STEP_RETURN', 'STATE_SUCCEEDED', `${e.name}/stepEntries/2`],
        ],
      );
      const returns = await h.cloud.listStepEntries(e.name, { filter: 'stepType="STEP_RETURN" AND entryId>=2', orderBy: 'entryId desc' });
      assert.deepEqual(
        returns.items.map((s) => s.step),
        ['r'],
      );
      const skipped = await h.cloud.listStepEntries(e.name, { skip: 1 });
      assert.deepEqual(
        skipped.items.map((s) => s.step),
        ['r'],
      );
      const paged = await h.cloud.listStepEntries(e.name, { pageSize: 1 });
      assert.equal(paged.items.length, 1);
      assert.ok(paged.nextPageToken);
      const res = await fetch(`${h.emu.url}/v1/${e.name}/stepEntries/2`);
      const one = (await res.json()) as Record<string, unknown>;
      assert.equal(one.step, 'r');
      assert.equal(one.entryId, '2');
    });
  });

  describe('on the real clock', () => {
    before(async () => {
      h = await startHarness();
      await h.cloud.deployWorkflow('sleepy', SLEEP);
    });
    after(async () => {
      await h.close();
    });

    it('cancels an active execution, and refuses to cancel it again', async () => {
      const [created] = await h.executions.createExecution({ parent: workflow('sleepy'), execution: {} });
      await eventually(async () => {
        const e = await h.cloud.getExecution(String(created.name));
        return e.currentSteps.some((s) => s.step === 'nap') ? e : undefined;
      });
      const [cancelled] = await h.executions.cancelExecution({ name: created.name });
      assert.equal(cancelled.state, 'CANCELLED');
      const e = await h.cloud.getExecution(String(created.name));
      assert.equal(e.state, 'CANCELLED');
      assert.ok(e.endTime);
      await assert.rejects(h.cloud.cancelExecution(String(created.name)), (err: { code?: number; message?: string }) => {
        assert.equal(err.code, 400);
        assert.deepEqual(JSON.parse(String(err.message)), {
          error: { code: 400, message: `Execution '${created.name}' is not active: its state is CANCELLED.`, status: 'FAILED_PRECONDITION' },
        });
        return true;
      });
    });
  });
});
