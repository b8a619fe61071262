import * as assert from 'node:assert/strict';
import { loadRegressions, targetNamed } from '../../fuzz/targets';

/** Every input that ever failed a fuzz target, saved under test/fuzz/regressions/, replayed. */
describe('reliability: fuzz regressions', function () {
  this.timeout(60_000);
  const regressions = loadRegressions();

  it('has the saved inputs to replay', () => {
    assert.ok(regressions.length >= 1, 'test/fuzz/regressions/ holds no regression files');
  });

  for (const { file, regression } of regressions) {
    it(`passes ${file} (once: ${regression.failure.split('\n')[0]})`, async () => {
      await targetNamed(regression.target).check(regression.input);
    });
  }
});
