import * as assert from 'node:assert/strict';
import type { ExecutionInfo } from '../../../src/cloud/types';
import { childrenOf, isChildOf, summarizeChildren } from '../../../src/vscode/tree/childExecutions';

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

const at = (s: number): string => `2026-01-01T00:00:${String(s).padStart(2, '0')}Z`;
const PARENT = execution('parent', { workflowId: 'parent', startTime: at(0), createTime: at(0), endTime: at(30) });
const TWIN = execution('twin', { workflowId: 'parent', startTime: at(0), createTime: at(0), endTime: at(30) });

describe('tree: matching children to their parent', () => {
  it('matches by the parent-execution label exactly, even between two parents that ran at the same time', () => {
    const mine = execution('m', { createTime: at(5), labels: { 'parent-execution': 'parent' } });
    const theirs = execution('t', { createTime: at(5), labels: { 'parent-execution': 'twin' } });
    assert.deepEqual(
      [isChildOf(PARENT, mine), isChildOf(PARENT, theirs), isChildOf(TWIN, mine), isChildOf(TWIN, theirs)],
      [true, false, false, true],
    );
  });

  it('prefers the label to the argument and the argument to the time', () => {
    const labelled = execution('l', { createTime: at(5), labels: { 'parent-execution': 'twin' }, argument: '{"parent_execution_id":"parent"}' });
    const argued = execution('a', { createTime: at(50), argument: '{"parent_execution_id":"parent"}' });
    const timed = execution('t', { createTime: at(5) });
    assert.deepEqual([isChildOf(PARENT, labelled), isChildOf(PARENT, argued), isChildOf(PARENT, timed)], [false, true, true]);
  });

  it('keeps a retry under the parent of the child it retries, whenever it ran, and retries of retries too', () => {
    const first = execution('c2', { createTime: at(5), state: 'FAILED' });
    const retry = execution('c2b', { createTime: at(59), state: 'FAILED', labels: { 'retry-of': 'c2' } });
    const again = execution('c2c', { createTime: at(59), state: 'ACTIVE', labels: { 'retry-of': 'c2b' } });
    const stranger = execution('x', { createTime: at(10), labels: { 'retry-of': 'elsewhere' } });
    assert.deepEqual(
      childrenOf(PARENT, [again, stranger, retry, first]).map((e) => e.executionId),
      ['c2c', 'c2b', 'c2'],
    );
  });
});

describe('tree: summing up children', () => {
  it('counts two running retries as running, whatever their creation times say', () => {
    const set = summarizeChildren([
      execution('c1', { createTime: at(1), argument: '{"iteration":1}' }),
      execution('c2', { createTime: at(1), argument: '{"iteration":2}', state: 'FAILED' }),
      execution('c2r', { createTime: at(1), argument: '{"iteration":2}', state: 'ACTIVE', labels: { 'retry-of': 'c2' } }),
      execution('c3', { createTime: at(1), argument: '{"iteration":3}' }),
      execution('c4', { createTime: at(1), argument: '{"iteration":4}', state: 'FAILED' }),
      execution('c4r', { createTime: at(0), argument: '{"iteration":4}', state: 'ACTIVE', labels: { 'retry-of': 'c4' } }),
    ]);
    assert.equal(set.text, '4 children: 2 succeeded, 2 running (2 retries)');
    assert.deepEqual(set.all.map((e) => e.executionId), ['c1', 'c2', 'c2r', 'c3', 'c4', 'c4r']);
    assert.deepEqual(set.failed, []);
  });

  it('chains the states of each child and its retries in order', () => {
    const set = summarizeChildren([
      execution('c2', { createTime: at(1), argument: '{"iteration":2}', state: 'FAILED' }),
      execution('c2c', { createTime: at(9), argument: '{"iteration":2}', state: 'SUCCEEDED', labels: { 'retry-of': 'c2b' } }),
      execution('c2b', { createTime: at(5), argument: '{"iteration":2}', state: 'FAILED', labels: { 'retry-of': 'c2' } }),
      execution('c3', { createTime: at(1), argument: '{"iteration":3}', state: 'SUCCEEDED' }),
    ]);
    assert.deepEqual(
      set.groups.map((g) => [g.summary, g.chain]),
      [
        ['iteration: 2', 'FAILED → retried: FAILED → retried: SUCCEEDED'],
        ['iteration: 3', 'SUCCEEDED'],
      ],
    );
    assert.equal(set.text, '2 children: 2 succeeded (2 retries)');
  });

  it('still groups retries made without the label by their argument, oldest first', () => {
    const set = summarizeChildren([
      execution('c2b', { createTime: at(5), argument: '{"iteration":2}', state: 'SUCCEEDED' }),
      execution('c2', { createTime: at(1), argument: '{"iteration":2}', state: 'FAILED' }),
    ]);
    assert.deepEqual([set.text, set.groups[0].chain], ['1 child: 1 succeeded (1 retry)', 'FAILED → retried: SUCCEEDED']);
  });
});
