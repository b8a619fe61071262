import * as assert from 'assert';
import * as vscode from 'vscode';
import { childLines, children, deleteWorkspaceFiles, executionNode, runApi, seen, setSetting, waitFor, workspaceFile, writeWorkspaceFile } from './runHelpers';
import type { Execution, Node, RunApi } from './runHelpers';

/** Starts two children without any link in their argument: only the emulator's label ties them. */
const FAN_PARENT = `main:
  steps:
    - fan:
        parallel:
          for:
            value: n
            in: [1, 2]
            steps:
              - start:
                  call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
                  args:
                    workflow_id: fan-child
                    argument:
                      n: \${n}
    - done:
        return: "fanned"
`;

const FAN_CHILD = `main:
  params: [args]
  steps:
    - wait:
        call: sys.sleep
        args:
          seconds: 1
    - done:
        return: \${args.n}
`;

/** The example's results-map parent, over `retry-child`. */
const RETRY_PARENT = `main:
  steps:
    - init:
        assign:
          - results: {success: {}, failure: {}}
    - fan:
        parallel:
          shared: [results]
          for:
            value: n
            in: [1, 2, 3, 4]
            steps:
              - attempt:
                  try:
                    steps:
                      - run:
                          call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
                          args:
                            workflow_id: retry-child
                            argument:
                              n: \${n}
                          result: r
                      - ok:
                          assign:
                            - results.success[string(n)]: \${r}
                  except:
                    as: e
                    steps:
                      - bad:
                          assign:
                            - results.failure[string(n)]: \${e}
    - done:
        return: \${results}
`;

/** Fails for even numbers, after a few seconds on the real clock (so retries can be seen running). */
const RETRY_CHILD = `main:
  params: [args]
  steps:
    - wait:
        call: sys.sleep
        args:
          seconds: 5
    - check:
        switch:
          - condition: \${args.n % 2 == 0}
            next: fail
    - done:
        return: \${"ok" + string(args.n)}
    - fail:
        raise: \${"even " + string(args.n)}
`;

/** The child with its bug fixed: what a developer deploys before Retry Failed Children. */
const FIXED_CHILD = `main:
  params: [args]
  steps:
    - wait:
        call: sys.sleep
        args:
          seconds: 5
    - done:
        return: \${"fixed" + string(args.n)}
`;

const SLOW_PARENT = FAN_PARENT.replace(/fan-child/g, 'slow-child');
const SLOW_CHILD = FAN_CHILD.replace('seconds: 1', 'seconds: 60');

const FILES = ['fan-parent.workflows.yaml', 'fan-child.workflows.yaml', 'retry-parent.workflows.yaml', 'retry-child.workflows.yaml', 'slow-parent.workflows.yaml', 'slow-child.workflows.yaml'];

suite('Executions tree: children, retries and live updates on the local emulator', function () {
  this.timeout(90_000);
  let api: RunApi;
  const restore: (() => Promise<void>)[] = [];

  suiteSetup(async () => {
    api = await runApi();
    restore.push(await setSetting('target', 'emulator'), await setSetting('emulator.clock', 'real'));
    await writeWorkspaceFile('fan-parent.workflows.yaml', FAN_PARENT);
    await writeWorkspaceFile('fan-child.workflows.yaml', FAN_CHILD);
    await writeWorkspaceFile('retry-parent.workflows.yaml', RETRY_PARENT);
    await writeWorkspaceFile('retry-child.workflows.yaml', RETRY_CHILD);
    await writeWorkspaceFile('slow-parent.workflows.yaml', SLOW_PARENT);
    await writeWorkspaceFile('slow-child.workflows.yaml', SLOW_CHILD);
  });

  suiteTeardown(async () => {
    for (const undo of restore.reverse()) await undo();
    await deleteWorkspaceFiles(FILES);
  });

  async function deploy(file: string, deployChildren = true): Promise<void> {
    const deployed = await vscode.commands.executeCommand('cloudWorkflows.deployWorkflow', workspaceFile(file), { deployChildren });
    assert.ok(deployed, `deploy failed: ${api.lastError()}`);
  }

  async function run(file: string, wait = true): Promise<Execution> {
    const started = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', workspaceFile(file), { argument: '', wait })) as
      | Execution
      | undefined;
    assert.ok(started, `run failed: ${api.lastError()}`);
    return started;
  }

  test('lists exactly its own children under each of two parents that ran at the same time', async () => {
    await deploy('fan-parent.workflows.yaml');
    const started = [await run('fan-parent.workflows.yaml', false), await run('fan-parent.workflows.yaml', false)];
    const url = await api.emulatorUrl();
    const ended = await waitFor(
      () => Promise.all(started.map(async (e) => ((await (await fetch(`${url}/v1/${e.name}`)).json()) as Execution).state)),
      (states) => states.every((s) => s !== 'ACTIVE'),
      'both parents to end',
    );
    assert.deepStrictEqual(ended, ['SUCCEEDED', 'SUCCEEDED']);
    for (const parent of started) {
      const lines = await childLines(api, await executionNode(api, parent));
      assert.deepStrictEqual(lines, ['2 children: 2 succeeded', 'n: 1 | SUCCEEDED · 1', 'n: 2 | SUCCEEDED · 2', 'result | fanned']);
    }
  });

  test('keeps retried children under their parent, in order, and merges their outcomes into an effective result', async () => {
    await deploy('retry-parent.workflows.yaml');
    const parent = await run('retry-parent.workflows.yaml');
    const node = await executionNode(api, parent);
    assert.strictEqual((await childLines(api, node))[0], '4 children: 2 succeeded, 2 failed');

    const url = await api.emulatorUrl();
    const filter = encodeURIComponent(`labels.parent-execution="${parent.executionId}" AND state="FAILED"`);
    const listed = (await (await fetch(`${url}/v1/projects/local-project/locations/us-central1/workflows/retry-child/executions?view=FULL&filter=${filter}`)).json()) as {
      executions: Execution[];
    };
    const idOf = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
    const firstAttempts = listed.executions.map((e) => [JSON.parse(e.argument ?? 'null') as { n: number }, idOf(e.name)] as const).sort(([a], [b]) => a.n - b.n);
    assert.deepStrictEqual(firstAttempts.map(([a]) => a.n), [2, 4]);

    await writeWorkspaceFile('retry-child.workflows.yaml', FIXED_CHILD);
    await deploy('retry-child.workflows.yaml', false);
    const retried = (await vscode.commands.executeCommand('cloudWorkflows.retryFailedChildren', node)) as Execution[] | undefined;
    assert.ok(retried, `retry failed: ${api.lastError()}`);
    assert.deepStrictEqual(
      retried.map((e) => e.labels),
      firstAttempts.map(([, id]) => ({ 'retry-of': id, 'parent-execution': parent.executionId })),
    );

    // While both retries run: the summary counts them as running, and one list request reads both.
    const running = await childLines(api, node);
    assert.strictEqual(running[0], '4 children: 2 succeeded, 2 running (2 retries)');
    const before = api.executionsTree.requestCount;
    await api.executionsTree.pollNow();
    assert.strictEqual(api.executionsTree.requestCount - before, 1, 'one filtered list for the two running children of one workflow');

    const settled = await waitFor(
      async () => {
        api.executionsTree.refresh(node);
        return childLines(api, node);
      },
      (lines) => lines[0] === '4 children: 4 succeeded (2 retries)',
      'the retries to finish',
      30_000,
    );
    assert.deepStrictEqual(settled.slice(0, 7), [
      '4 children: 4 succeeded (2 retries)',
      'n: 1 | SUCCEEDED · ok1',
      'n: 2 | FAILED → retried: SUCCEEDED',
      'n: 2 (retry 1) | SUCCEEDED · fixed2',
      'n: 3 | SUCCEEDED · ok3',
      'n: 4 | FAILED → retried: SUCCEEDED',
      'n: 4 (retry 1) | SUCCEEDED · fixed4',
    ]);
    assert.deepStrictEqual(settled.slice(9), ['effective result | computed locally · {"success":{"1":"ok1","3":"ok3","2":"fixed2","4":"fixed4"},"failure":{}}']);
    assert.strictEqual((await seen(api, node)).contextValue, 'execution.parent', 'no failed children left to retry');
    const effective = (await children(api, node)).at(-1) as Node;
    const copied = (await vscode.commands.executeCommand('cloudWorkflows.copyEffectiveResult', effective)) as string | undefined;
    assert.deepStrictEqual(JSON.parse(copied ?? 'null'), { success: { '1': 'ok1', '3': 'ok3', '2': 'fixed2', '4': 'fixed4' }, failure: {} });
    const document = (await vscode.commands.executeCommand('cloudWorkflows.openExecutionOutput', node)) as vscode.TextDocument | undefined;
    const own = JSON.parse(document?.getText() ?? 'null') as { failure: object };
    assert.deepStrictEqual(Object.keys(own.failure), ['2', '4'], "the parent's own result is unchanged");
  });

  test('cancelling a parent offers to cancel its running children, and does', async () => {
    await deploy('slow-parent.workflows.yaml');
    const parent = await run('slow-parent.workflows.yaml', false);
    const node = await executionNode(api, parent);
    await waitFor(
      async () => {
        api.executionsTree.refresh(node);
        return (await childLines(api, node))[0];
      },
      (summary) => summary === '2 children: 2 running',
      'both children to run',
    );
    const cancelled = (await vscode.commands.executeCommand('cloudWorkflows.cancelExecution', node, { cancelChildren: true })) as Execution | undefined;
    assert.strictEqual(cancelled?.state, 'CANCELLED', `cancel failed: ${api.lastError()}`);
    const lines = await waitFor(
      async () => {
        api.executionsTree.refresh(node);
        return childLines(api, node);
      },
      (l) => l[0] === '2 children: 2 cancelled',
      'the children to be cancelled',
    );
    assert.deepStrictEqual(
      lines.slice(0, 3).map((l) => l.split(' · ')[0]),
      ['2 children: 2 cancelled', 'n: 1 | CANCELLED', 'n: 2 | CANCELLED'],
    );
  });
});
