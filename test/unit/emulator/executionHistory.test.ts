import * as assert from 'node:assert/strict';
import { ManualClock, PARENT, raw, startHarness } from './harness';
import type { Harness } from './harness';

const T0 = Date.UTC(2026, 0, 1);
const STAMP = '2026-01-01T00:00:00.000Z';

const BIG = `main:
  params: [args]
  steps:
    - keep:
        assign:
          - big: \${args.big}
          - items: [1, 2]
    - loop:
        for:
          value: v
          in: \${items}
          steps:
            - note:
                call: sys.log
                args:
                  json: {"v": \${v}, "big": \${big}}
                  severity: INFO
    - done:
        return: \${big}
`;

const LOGS = `main:
  steps:
    - text:
        call: sys.log
        args:
          text: hello
          severity: WARNING
    - data:
        call: sys.log
        args:
          data: [1, "x"]
    - many:
        for:
          value: i
          range: [1, 1003]
          steps:
            - line:
                call: sys.log
                args:
                  text: \${"line " + string(i)}
`;

describe('emulator: detailed execution history and the stepEntries view', () => {
  let h: Harness;
  const clock = new ManualClock(T0);
  const workflow = (id: string): string => `${PARENT}/workflows/${id}`;

  before(async () => {
    h = await startHarness({ clock });
    await h.workflows.createWorkflow({ parent: PARENT, workflowId: 'detailed', workflow: { sourceContents: BIG, executionHistoryLevel: 'EXECUTION_HISTORY_DETAILED' } });
    await h.workflows.createWorkflow({ parent: PARENT, workflowId: 'basic', workflow: { sourceContents: BIG } });
    await h.cloud.deployWorkflow('logs', LOGS);
  });
  after(async () => {
    await h.close();
  });

  /** Starts an execution over raw REST (the Node client's Execution has no executionHistoryLevel). */
  async function start(id: string, level?: string | number): Promise<string> {
    const body: Record<string, unknown> = { argument: '{"big": 9223372036854775807}' };
    if (level !== undefined) body.executionHistoryLevel = level;
    const res = await raw(`${h.emu.url}/v1/${workflow(id)}/executions`, 'POST', JSON.stringify(body));
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const name = (res.json as { name: string }).name;
    await h.emu.emulator.wait(name);
    return name;
  }

  async function text(url: string): Promise<{ status: number; body: string }> {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  }

  it("keeps the workflow's level on the workflow, as the real WorkflowsClient reads it back", async () => {
    const [detailed] = await h.workflows.getWorkflow({ name: workflow('detailed') });
    const [basic] = await h.workflows.getWorkflow({ name: workflow('basic') });
    assert.deepEqual([detailed.executionHistoryLevel, basic.executionHistoryLevel], ['EXECUTION_HISTORY_DETAILED', 'EXECUTION_HISTORY_LEVEL_UNSPECIFIED']);
  });

  it('records variables (exact integers) and the expected iteration, shown in the DETAILED view only', async () => {
    const name = await start('detailed');
    const execution = await raw(`${h.emu.url}/v1/${name}`, 'GET');
    assert.equal((execution.json as Record<string, unknown>).executionHistoryLevel, 'EXECUTION_HISTORY_DETAILED');

    const detailed = await text(`${h.emu.url}/v1/${name}/stepEntries/3?view=EXECUTION_ENTRY_VIEW_DETAILED`);
    assert.equal(detailed.status, 200);
    assert.equal(
      detailed.body,
      JSON.stringify({
        name: `${name}/stepEntries/3`,
        createTime: STAMP,
        updateTime: STAMP,
        routine: 'main',
        step: 'loop',
        stepType: 'STEP_FOR_ITERATION',
        state: 'STATE_SUCCEEDED',
        entryId: '3',
        navigationInfo: { parent: '2' },
        stepEntryMetadata: { threadId: '', progressType: 'PROGRESS_TYPE_FOR', progressNumber: '1', expectedIteration: '2' },
        variableData: { variables: { args: { big: 'BIG' }, big: 'BIG', items: [1, 2], v: 1 } },
      }).replace(/"BIG"/g, '9223372036854775807'),
    );
    const basic = await raw(`${h.emu.url}/v1/${name}/stepEntries/3?view=EXECUTION_ENTRY_VIEW_BASIC`, 'GET');
    const unspecified = await raw(`${h.emu.url}/v1/${name}/stepEntries/3`, 'GET');
    assert.deepEqual([basic.json, unspecified.json].map((j) => 'variableData' in (j as object)), [false, false]);

    const page = await h.cloud.listStepEntries(name, { view: 'EXECUTION_ENTRY_VIEW_DETAILED', filter: 'step="done"' });
    assert.deepEqual(
      page.items.map((e) => [e.step, e.variablesJson]),
      [['done', '{"args":{"big":9223372036854775807},"big":9223372036854775807,"items":[1,2]}']],
    );
    const numbered = await h.cloud.listStepEntries(name, { filter: 'step="done"', view: 2 as unknown as 'EXECUTION_ENTRY_VIEW_DETAILED' });
    assert.equal(numbered.items[0].variablesJson, page.items[0].variablesJson);
    const plain = await h.cloud.listStepEntries(name, { filter: 'step="done"' });
    assert.deepEqual([plain.items[0].variablesJson, plain.items[0].stepType], [undefined, 'STEP_RETURN']);
  });

  it("lets the execution's level win over the workflow's, both ways", async () => {
    const basicRun = await start('detailed', 'EXECUTION_HISTORY_BASIC');
    const detailedRun = await start('basic', 2);
    const unspecifiedRun = await start('basic');
    const levels = await Promise.all([basicRun, detailedRun, unspecifiedRun].map((n) => raw(`${h.emu.url}/v1/${n}`, 'GET')));
    assert.deepEqual(
      levels.map((l) => (l.json as Record<string, unknown>).executionHistoryLevel),
      ['EXECUTION_HISTORY_BASIC', 'EXECUTION_HISTORY_DETAILED', 'EXECUTION_HISTORY_BASIC'],
    );
    const variables = await Promise.all(
      [basicRun, detailedRun, unspecifiedRun].map(async (n) => (await h.cloud.listStepEntries(n, { view: 'EXECUTION_ENTRY_VIEW_DETAILED', filter: 'step="keep"' })).items[0].variablesJson),
    );
    assert.deepEqual(variables, [undefined, '{"args":{"big":9223372036854775807},"big":9223372036854775807,"items":[1,2]}', undefined]);
  });

  it('refuses an unknown history level or view with a clear INVALID_ARGUMENT, creating nothing', async () => {
    const before = h.emu.emulator.executions.list(workflow('basic'), {}).executions;
    const bad = await raw(`${h.emu.url}/v1/${workflow('basic')}/executions`, 'POST', JSON.stringify({ executionHistoryLevel: 'EVERYTHING' }));
    assert.deepEqual(bad, {
      status: 400,
      json: {
        error: {
          code: 400,
          message: 'Invalid value for executionHistoryLevel: "EVERYTHING" (expected one of EXECUTION_HISTORY_LEVEL_UNSPECIFIED, EXECUTION_HISTORY_BASIC, EXECUTION_HISTORY_DETAILED).',
          status: 'INVALID_ARGUMENT',
        },
      },
    });
    assert.deepEqual(h.emu.emulator.executions.list(workflow('basic'), {}).executions, before);
    const name = await start('basic');
    const view = await raw(`${h.emu.url}/v1/${name}/stepEntries?view=FULL`, 'GET');
    assert.equal(view.status, 400);
    assert.equal(
      (view.json as { error: { message: string } }).error.message,
      'Invalid value for view: "FULL" (expected one of EXECUTION_ENTRY_VIEW_UNSPECIFIED, EXECUTION_ENTRY_VIEW_BASIC, EXECUTION_ENTRY_VIEW_DETAILED).',
    );
  });

  it("keeps each execution's sys.log lines, exact JSON payloads included, and lists them", async () => {
    const name = await start('basic');
    const body = (await text(`${h.emu.url}/v1/${name}/logEntries`)).body;
    assert.equal(
      body,
      JSON.stringify({
        entries: [
          { insertId: '1', timestamp: STAMP, severity: 'INFO', jsonPayload: { v: 1, big: 'BIG' } },
          { insertId: '2', timestamp: STAMP, severity: 'INFO', jsonPayload: { v: 2, big: 'BIG' } },
        ],
      }).replace(/"BIG"/g, '9223372036854775807'),
    );
    assert.deepEqual(await h.cloud.listExecutionLogs(name), {
      lines: [
        { time: STAMP, severity: 'INFO', json: '{"v":1,"big":9223372036854775807}' },
        { time: STAMP, severity: 'INFO', json: '{"v":2,"big":9223372036854775807}' },
      ],
    });
  });

  it('keeps the latest 1,000 lines of a chatty execution and says how many older ones went', async () => {
    const e = await h.cloud.runExecution('logs');
    await h.emu.emulator.wait(e.name);
    const logs = await h.cloud.listExecutionLogs(e.name);
    assert.equal(logs.dropped, 5);
    assert.equal(logs.lines.length, 1000);
    assert.deepEqual(logs.lines[0], { time: STAMP, severity: 'DEFAULT', text: 'line 4' });
    assert.deepEqual(logs.lines[999], { time: STAMP, severity: 'DEFAULT', text: 'line 1003' });
    const first = await raw(`${h.emu.url}/v1/${e.name}/logEntries?pageSize=1`, 'GET');
    const page = first.json as { entries: unknown[]; droppedCount: string; nextPageToken: string };
    assert.deepEqual([page.entries, page.droppedCount, typeof page.nextPageToken], [[{ insertId: '6', timestamp: STAMP, severity: 'DEFAULT', textPayload: 'line 4' }], '5', 'string']);
  });

  it('answers a bad page token or an unknown execution with Google-style errors', async () => {
    const name = await start('basic');
    const token = await raw(`${h.emu.url}/v1/${name}/logEntries?pageToken=nope`, 'GET');
    assert.deepEqual(token, { status: 400, json: { error: { code: 400, message: 'The page token is invalid.', status: 'INVALID_ARGUMENT' } } });
    const missing = await raw(`${h.emu.url}/v1/${workflow('basic')}/executions/nope/logEntries`, 'GET');
    assert.deepEqual(missing.status, 404);
  });
});

describe('emulator: the default history level for executions that leave it unspecified', () => {
  it('records detailed history when the emulator is started with executionHistory detailed', async () => {
    const h = await startHarness({ executionHistory: 'detailed', clock: new ManualClock(T0) });
    try {
      await h.cloud.deployWorkflow('w', 'main:\n  steps:\n    - a:\n        assign:\n          - x: 1\n    - r:\n        return: ${x}\n');
      const e = await h.cloud.runExecution('w');
      await h.emu.emulator.wait(e.name);
      const entries = await h.cloud.listStepEntries(e.name, { view: 'EXECUTION_ENTRY_VIEW_DETAILED' });
      assert.deepEqual(
        entries.items.map((s) => [s.step, s.variablesJson]),
        [
          ['a', '{"x":1}'],
          ['r', '{"x":1}'],
        ],
      );
    } finally {
      await h.close();
    }
  });
});
