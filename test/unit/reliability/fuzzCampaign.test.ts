import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TARGETS, targetNamed } from '../../fuzz/targets';

/**
 * The bounded fuzz campaign of `npm test`: fixed seeds, so a failure here is reproducible with
 * `npm run fuzz -- --target NAME --seed SEED`. The long campaign explores further.
 */
const CAMPAIGN: { target: string; seed: number; runs: number }[] = [
  { target: 'lint-mutated-corpus', seed: 1127, runs: 300 },
  { target: 'yaml-fast-differential', seed: 1132, runs: 300 },
  { target: 'incremental-differential', seed: 1135, runs: 300 },
  { target: 'graph-mutated-corpus', seed: 1133, runs: 200 },
  { target: 'editing-mutated-corpus', seed: 1134, runs: 150 },
  { target: 'lint-yamlish', seed: 1128, runs: 1000 },
  { target: 'expr-random', seed: 1129, runs: 3000 },
  { target: 'expr-grammar', seed: 1130, runs: 2000 },
  { target: 'testfile-mutated', seed: 1132, runs: 300 },
  { target: 'testfile-yamlish', seed: 1133, runs: 1000 },
  { target: 'run-generated', seed: 1131, runs: 300 },
  { target: 'lsp-protocol', seed: 1134, runs: 150 },
];

describe('reliability: bounded fuzz campaign', function () {
  this.timeout(120_000);

  it('covers every fuzz target', () => {
    assert.deepEqual(CAMPAIGN.map((c) => c.target), TARGETS.map((t) => t.name));
  });

  for (const { target, seed, runs } of CAMPAIGN) {
    const t = targetNamed(target);
    it(`${t.description}: ${runs} inputs from seed ${seed} never throw, hang or return a malformed result`, async () => {
      const result = await fc.check(fc.asyncProperty(t.input(), (text) => t.check(text)), { numRuns: runs, seed });
      assert.equal(result.failed, false, result.failed ? `${fc.defaultReportMessage(result)}` : '');
      assert.equal(result.numRuns, runs);
    });
  }
});
