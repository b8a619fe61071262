import * as assert from 'assert';
import type { ExecutionInfo } from '../../../../src/cloud/types';
import { parseWorkflow } from '../../../../src/core/model/parse';
import { argumentSummary, isChildOf, summarizeChildren } from '../../../../src/vscode/tree/childExecutions';
import { calledWorkflowIds, workflowIdFromPath, workflowIdProblem } from '../../../../src/vscode/run/workflowIds';

function execution(id: string, fields: Partial<ExecutionInfo> = {}): ExecutionInfo {
  return {
    name: `projects/p/locations/l/workflows/${fields.workflowId ?? 'child'}/executions/${id}`,
    workflowId: 'child',
    executionId: id,
    state: 'SUCCEEDED',
    labels: {},
    currentSteps: [],
    ...fields,
  };
}

const PARENT = execution('parent', { workflowId: 'parent', startTime: '2026-01-01T00:00:00Z', createTime: '2026-01-01T00:00:00Z', endTime: '2026-01-01T00:01:00Z' });

suite('Run: matching child executions to their parent', () => {
  test('matches a child by parent_execution_id whenever it was created', () => {
    const retry = execution('r', { createTime: '2026-01-02T00:00:00Z', argument: '{"iteration":2,"parent_execution_id":"parent"}' });
    const other = execution('o', { createTime: '2026-01-01T00:00:10Z', argument: '{"iteration":2,"parent_execution_id":"someone-else"}' });
    assert.deepStrictEqual([isChildOf(PARENT, retry), isChildOf(PARENT, other)], [true, false]);
  });

  test('matches a child without the field by the time the parent ran', () => {
    const during = execution('d', { createTime: '2026-01-01T00:00:30Z', argument: '{"n":1}' });
    const before = execution('b', { createTime: '2025-12-31T23:59:59Z' });
    const after = execution('a', { createTime: '2026-01-01T00:01:01Z' });
    assert.deepStrictEqual([isChildOf(PARENT, during), isChildOf(PARENT, before), isChildOf(PARENT, after)], [true, false, false]);
  });

  test('summarizes children by argument, counting retries and naming the failed latest attempts', () => {
    const at = (s: number): string => `2026-01-01T00:00:${String(s).padStart(2, '0')}Z`;
    const set = summarizeChildren([
      execution('c10', { createTime: at(1), argument: '{"iteration":10}', state: 'SUCCEEDED' }),
      execution('c2', { createTime: at(1), argument: '{"iteration":2}', state: 'FAILED' }),
      execution('c2b', { createTime: at(5), argument: '{"iteration":2}', state: 'FAILED' }),
      execution('c3', { createTime: at(1), argument: '{"iteration":3}', state: 'FAILED' }),
      execution('c3b', { createTime: at(6), argument: '{"iteration":3}', state: 'SUCCEEDED' }),
      execution('c4', { createTime: at(2), argument: '{"iteration":4}', state: 'ACTIVE' }),
    ]);
    assert.strictEqual(set.text, '4 children: 2 succeeded, 1 failed, 1 running (2 retries)');
    assert.deepStrictEqual(set.all.map((e) => e.executionId), ['c2', 'c2b', 'c3', 'c3b', 'c4', 'c10']);
    assert.deepStrictEqual(set.failed.map((e) => e.executionId), ['c2b']);
  });

  test('says so when there are no children', () => {
    assert.strictEqual(summarizeChildren([]).text, 'no children');
  });

  test('shows an argument without the parent link', () => {
    assert.deepStrictEqual(
      [
        argumentSummary(execution('a', { argument: '{"iteration":2,"parent_execution_id":"p"}' })),
        argumentSummary(execution('b', { argument: '{"name":"Ada","tags":["x"]}' })),
        argumentSummary(execution('c', { argument: '42' })),
        argumentSummary(execution('d')),
      ],
      ['iteration: 2', 'name: "Ada", tags: ["x"]', '42', ''],
    );
  });
});

suite('Run: workflow IDs and the children a source starts', () => {
  test('derives the workflow ID from the file name', () => {
    assert.deepStrictEqual(
      ['/w/orders.workflows.yaml', '/w/workflow-parent.yaml', 'a/b.yml', 'c.workflows.json'].map(workflowIdFromPath),
      ['orders', 'workflow-parent', 'b', 'c'],
    );
  });

  test('accepts Google workflow IDs only', () => {
    assert.deepStrictEqual(['ok_id-1', '9lives', 'ends-', 'a'.repeat(65)].map((id) => workflowIdProblem(id) === undefined), [true, false, false, false]);
  });

  test('finds literal workflow IDs of executions.run and create calls at any depth', () => {
    const source = `main:
  steps:
    - fan:
        parallel:
          branches:
            - one:
                steps:
                  - a:
                      call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
                      args:
                        workflow_id: child-a
            - two:
                steps:
                  - b:
                      try:
                        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.create
                        args:
                          parent: \${"projects/" + sys.get_env("GOOGLE_CLOUD_PROJECT_ID") + "/locations/us-central1/workflows/child-b"}
                          execution: {}
    - dynamic:
        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
        args:
          workflow_id: \${name}
    - again:
        call: experimental.executions.run
        args:
          workflow_id: child-a
`;
    assert.deepStrictEqual(calledWorkflowIds(parseWorkflow(source)), ['child-a', 'child-b']);
  });
});
