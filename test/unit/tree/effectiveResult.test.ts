import * as assert from 'node:assert/strict';
import type { ExecutionInfo } from '../../../src/cloud/types';
import { decodeJson, encodeJson } from '../../../src/engine/json';
import { summarizeChildren } from '../../../src/vscode/tree/childExecutions';
import { effectiveResult } from '../../../src/vscode/tree/effectiveResult';

const NAME = 'projects/p/locations/l/workflows/child/executions/';

function execution(id: string, fields: Partial<ExecutionInfo> = {}): ExecutionInfo {
  return { name: `${NAME}${id}`, workflowId: 'child', executionId: id, state: 'SUCCEEDED', labels: {}, currentSteps: [], ...fields };
}

function failure(id: string): string {
  return `{"message":"Execution failed or cancelled.","tags":["OperationError"],"operation":{"name":"${NAME}${id}","state":"FAILED"}}`;
}

/** The example parent's result: successes and failures by iteration. */
const PARENT_RESULT = `{"success":{"1":"Hello world1","3":"Hello world3"},"failure":{"2":${failure('c2')},"4":${failure('c4')}}}`;

const CHILDREN = [
  execution('c1', { argument: '{"iteration":1}', result: '"Hello world1"' }),
  execution('c2', { argument: '{"iteration":2}', state: 'FAILED' }),
  execution('c2r', { argument: '{"iteration":2}', result: '"Hello again2"', labels: { 'retry-of': 'c2' } }),
  execution('c3', { argument: '{"iteration":3}', result: '"Hello world3"' }),
  execution('c4', { argument: '{"iteration":4}', state: 'FAILED' }),
  execution('c4r', { argument: '{"iteration":4}', state: 'FAILED', labels: { 'retry-of': 'c4' }, error: { payload: '"Error 4"', context: 'Error 4', stackTrace: [] } }),
];

describe('tree: the effective result of a parent with retried children', () => {
  it('moves a retried success into the success map and replaces a repeated failure in place', () => {
    const parent = decodeJson(PARENT_RESULT);
    const effective = effectiveResult(parent, summarizeChildren(CHILDREN));
    assert.ok(effective);
    assert.equal(
      encodeJson(effective.value),
      `{"success":{"1":"Hello world1","3":"Hello world3","2":"Hello again2"},"failure":{"4":{"message":"Execution failed or cancelled.","tags":["OperationError"],"operation":{"name":"${NAME}c4r","state":"FAILED","error":{"payload":"\\"Error 4\\"","context":"Error 4"}}}}}`,
    );
    assert.deepEqual(effective.merged, ['iteration: 2: FAILED → retried: SUCCEEDED', 'iteration: 4: FAILED → retried: FAILED']);
    assert.deepEqual(effective.notPlaced, []);
    assert.equal(encodeJson(parent), PARENT_RESULT, "the parent's own result is untouched");
  });

  it('replaces the failure in place when there is no success map beside it', () => {
    const effective = effectiveResult(decodeJson(`[${failure('c2')}]`), summarizeChildren(CHILDREN.slice(1, 3)));
    assert.equal(effective && encodeJson(effective.value), '["Hello again2"]');
  });

  it('reports a retry whose first attempt is not in the result, and has nothing to merge while retries run', () => {
    const effective = effectiveResult(decodeJson('{"count":2}'), summarizeChildren(CHILDREN.slice(1, 3)));
    assert.deepEqual(effective && [encodeJson(effective.value), effective.merged, effective.notPlaced], ['{"count":2}', [], ['iteration: 2: FAILED → retried: SUCCEEDED']]);
    const running = [CHILDREN[1], { ...CHILDREN[2], state: 'ACTIVE' as const, result: undefined }];
    assert.equal(effectiveResult(decodeJson(PARENT_RESULT), summarizeChildren(running)), undefined);
    assert.equal(effectiveResult(undefined, summarizeChildren(CHILDREN)), undefined);
  });
});
