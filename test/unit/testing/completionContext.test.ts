import * as assert from 'node:assert/strict';
import { testCompletionContext } from '../../../src/core/testing';

/** The context at the `|` of `text`. */
function at(text: string): unknown {
  const offset = text.indexOf('|');
  return testCompletionContext(text.replace('|', ''), offset) ?? null;
}

describe('test-file completion context', () => {
  it('completes call targets, step names and child workflow IDs after their keys', () => {
    assert.deepEqual(at('mocks:\n  - call: http.g|'), { kind: 'call', prefix: 'http.g', span: { start: 17, end: 23 } });
    assert.deepEqual(at('mocks:\n  - call: http.get\n    step: |'), { kind: 'step', prefix: '', span: { start: 36, end: 36 } });
    assert.deepEqual(at('tests:\n  - mocks:\n      - workflow: chi|'), { kind: 'workflow', prefix: 'chi', span: { start: 36, end: 39 } });
    assert.deepEqual(at('    calls: [{call: sys.n|'), { kind: 'call', prefix: 'sys.n', span: { start: 19, end: 24 } });
  });

  it('offers nothing for the top-level workflow path, other keys, or after a value is complete', () => {
    assert.equal(at('workflow: chi|'), null);
    assert.equal(at('  - name: call: x|'), null);
    assert.equal(at('  - call: http.get |'), null);
    assert.equal(at('|'), null);
  });
});
