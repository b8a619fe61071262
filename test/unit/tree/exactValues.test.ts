import * as assert from 'node:assert/strict';
import type { ExecutionInfo } from '../../../src/cloud/types';
import { argumentSummary } from '../../../src/vscode/tree/childExecutions';

function execution(argument: string): ExecutionInfo {
  return { name: 'projects/p/locations/l/workflows/child/executions/e', workflowId: 'child', executionId: 'e', state: 'SUCCEEDED', argument, labels: {}, currentSteps: [] };
}

describe('executions tree: values as the tree shows them', () => {
  it('summarises a child argument with integers beyond 2^53 and the int64 bounds exactly', () => {
    assert.equal(
      argumentSummary(execution('{"n":9007199254740993,"max":9223372036854775807,"min":-9223372036854775808,"parent_execution_id":"p"}'), 200),
      'n: 9007199254740993, max: 9223372036854775807, min: -9223372036854775808',
    );
  });
});
