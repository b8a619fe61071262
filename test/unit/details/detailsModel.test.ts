import * as assert from 'node:assert/strict';
import type { ExecutionInfo, StepEntryInfo } from '../../../src/cloud/types';
import { buildDetailsModel, stepLines } from '../../../src/vscode/details/detailsModel';

const NAME = 'projects/p/locations/l/workflows/orders/executions/abc12345-0000';
const SOURCE = `main:
  params: [args]
  steps:
    - init:
        assign:
          - n: 0
    - work:
        parallel:
          branches:
            - left:
                steps:
                  - a:
                      assign:
                        - x: 1
            - right:
                steps:
                  - b:
                      raise: "no"
`;

function entry(entryId: number, step: string, stepType: string, state: string, more: Partial<StepEntryInfo> = {}): StepEntryInfo {
  return {
    name: `${NAME}/stepEntries/${entryId}`,
    entryId,
    routine: 'main',
    step,
    stepType,
    state,
    createTime: '2026-01-01T00:00:00.000Z',
    updateTime: '2026-01-01T00:00:00.250Z',
    ...more,
  };
}

const FAILED: ExecutionInfo = {
  name: NAME,
  workflowId: 'orders',
  executionId: 'abc12345-0000',
  state: 'FAILED',
  startTime: '2026-01-01T00:00:00.000Z',
  endTime: '2026-01-01T00:00:01.500Z',
  durationSeconds: 1.5,
  argument: '{"big": 9223372036854775807}',
  error: {
    payload: '{"message":"1 of 2 parallel branches failed with an unhandled error","tags":["UnhandledBranchError"]}',
    context: 'ctx',
    stackTrace: [{ routine: 'main', step: 'work', line: 7, column: 7, length: 4 }],
  },
  workflowRevisionId: '000001-abc',
  labels: {},
  currentSteps: [],
};

describe('execution details: the model the panel draws', () => {
  it('finds the line of every step and parallel branch, first occurrence per routine', () => {
    assert.deepEqual(Object.fromEntries(stepLines(SOURCE)), {
      'main/init': { line: 4, column: 7 },
      'main/work': { line: 7, column: 7 },
      'main/left': { line: 10, column: 15 },
      'main/a': { line: 12, column: 21 },
      'main/right': { line: 15, column: 15 },
      'main/b': { line: 17, column: 21 },
    });
    assert.deepEqual([...stepLines('')], []);
    assert.deepEqual([...stepLines('main: [unclosed')], []);
  });

  it('builds the header, the steps table with nesting, progress, failures and lines, and the logs', () => {
    const entries = [
      entry(1, 'init', 'STEP_ASSIGN', 'STATE_SUCCEEDED', { variablesJson: '{"n":0}' }),
      entry(2, 'work', 'STEP_PARALLEL_BRANCH', 'STATE_FAILED', { exceptionPayload: FAILED.error?.payload }),
      entry(3, 'left', 'STEP_PARALLEL_BRANCH_ENTRY', 'STATE_SUCCEEDED', { parentEntryId: 2, threadId: '1', progressType: 'PROGRESS_TYPE_PARALLEL_BRANCH', progressNumber: 1, expectedIteration: 2 }),
      entry(5, 'b', 'STEP_RAISE', 'STATE_FAILED', { parentEntryId: 4, threadId: '2', exceptionPayload: '"no"' }),
      entry(4, 'right', 'STEP_PARALLEL_BRANCH_ENTRY', 'STATE_FAILED', { parentEntryId: 2, threadId: '2', progressType: 'PROGRESS_TYPE_PARALLEL_BRANCH', progressNumber: 2, expectedIteration: 2, exceptionPayload: '"no"' }),
      entry(6, 'ghost', 'STEP_ASSIGN', 'STATE_IN_PROGRESS'),
    ];
    const model = buildDetailsModel({
      execution: FAILED,
      entries,
      logs: { lines: [{ time: '2026-01-01T00:00:00.100Z', severity: 'WARNING', text: 'careful' }, { time: '2026-01-01T00:00:00.200Z', severity: 'INFO', json: '{"k":1}' }], dropped: 3 },
      source: { text: SOURCE, label: 'orders.workflows.yaml' },
    });
    const common = { start: '2026-01-01T00:00:00.000Z', routine: 'main' };
    assert.deepEqual(model, {
      name: NAME,
      workflowId: 'orders',
      executionId: 'abc12345-0000',
      state: 'FAILED',
      running: false,
      startTime: '2026-01-01T00:00:00.000Z',
      endTime: '2026-01-01T00:00:01.500Z',
      duration: '1.500s',
      revision: '000001-abc',
      argument: '{\n  "big": 9223372036854775807\n}',
      error: {
        message: '1 of 2 parallel branches failed with an unhandled error',
        payload: '{\n  "message": "1 of 2 parallel branches failed with an unhandled error",\n  "tags": [\n    "UnhandledBranchError"\n  ]\n}',
        context: 'ctx',
        stack: [{ routine: 'main', step: 'work', line: 7, column: 7 }],
      },
      steps: [
        { ...common, entryId: 1, step: 'init', type: 'assign', state: 'SUCCEEDED', duration: '0.250s', progress: '', thread: '', depth: 0, line: 4, column: 7, hasVariables: true },
        { ...common, entryId: 2, step: 'work', type: 'parallel branch', state: 'FAILED', duration: '0.250s', progress: '', thread: '', depth: 0, line: 7, column: 7, hasVariables: false, error: '1 of 2 parallel branches failed with an unhandled error' },
        { ...common, entryId: 3, step: 'left', type: 'parallel branch entry', state: 'SUCCEEDED', duration: '0.250s', progress: 'branch 1 of 2', thread: '1', depth: 1, line: 10, column: 15, hasVariables: false },
        { ...common, entryId: 4, step: 'right', type: 'parallel branch entry', state: 'FAILED', duration: '0.250s', progress: 'branch 2 of 2', thread: '2', depth: 1, line: 15, column: 15, hasVariables: false, error: 'no' },
        { ...common, entryId: 5, step: 'b', type: 'raise', state: 'FAILED', duration: '0.250s', progress: '', thread: '2', depth: 2, line: 17, column: 21, hasVariables: false, error: 'no' },
        { ...common, entryId: 6, step: 'ghost', type: 'assign', state: 'IN_PROGRESS', duration: 'running', progress: '', thread: '', depth: 0, hasVariables: false },
      ],
      variablesRecorded: true,
      logs: [
        { time: '2026-01-01T00:00:00.100Z', severity: 'WARNING', text: 'careful' },
        { time: '2026-01-01T00:00:00.200Z', severity: 'INFO', text: '{"k":1}' },
      ],
      logsNote: '3 older lines were not kept.',
      sourceLabel: 'orders.workflows.yaml',
    });
  });

  it('lists a parent’s children with their argument, state and result or error, and says why logs are missing', () => {
    const child = (id: string, state: ExecutionInfo['state'], more: Partial<ExecutionInfo>): ExecutionInfo => ({
      name: `projects/p/locations/l/workflows/child/executions/${id}`,
      workflowId: 'child',
      executionId: id,
      state,
      labels: {},
      currentSteps: [],
      argument: `{"iteration": ${id}, "parent_execution_id": "abc"}`,
      ...more,
    });
    const model = buildDetailsModel({
      execution: { ...FAILED, state: 'ACTIVE', endTime: undefined, durationSeconds: 0.5, error: undefined, argument: undefined },
      entries: [],
      logs: { lines: [], unavailable: { reason: 'Cloud Logging could not be read: denied.', consoleUrl: 'https://console.cloud.google.com/logs/query' } },
      children: [child('1', 'SUCCEEDED', { result: '"Hello world1"' }), child('2', 'FAILED', { error: { payload: '"boom"', context: 'boom', stackTrace: [] } }), child('3', 'ACTIVE', {})],
    });
    assert.deepEqual(
      [model.running, model.stepsNote, model.logsNote, model.logsConsoleUrl, model.sourceLabel, model.children],
      [
        true,
        'No step has run yet.',
        'Cloud Logging could not be read: denied.',
        'https://console.cloud.google.com/logs/query',
        'no source found',
        [
          { name: 'projects/p/locations/l/workflows/child/executions/1', executionId: '1', label: 'iteration: 1', state: 'SUCCEEDED', outcome: 'Hello world1' },
          { name: 'projects/p/locations/l/workflows/child/executions/2', executionId: '2', label: 'iteration: 2', state: 'FAILED', outcome: 'boom' },
          { name: 'projects/p/locations/l/workflows/child/executions/3', executionId: '3', label: 'iteration: 3', state: 'ACTIVE', outcome: '' },
        ],
      ],
    );
  });
});
