import * as assert from 'node:assert/strict';
import { main } from '../../../src/cli/test';

describe('the examples\' workflow tests', () => {
  it('all pass through `cloud-workflows test examples`', async () => {
    let out = '';
    let err = '';
    const code = await main(['examples'], { out: (t) => (out += t), err: (t) => (err += t) });
    assert.equal(err, '');
    assert.deepEqual(out.replace(/ \(\d+ ms\)/g, '').split('\n'), [
      'PASS examples/order-pipeline/order-pipeline.workflows.test.yaml: prices the order and publishes it',
      'PASS examples/order-pipeline/order-pipeline.workflows.test.yaml: retries the pricing service through 503 and 429, then publishes',
      "PASS examples/order-pipeline/order-pipeline.workflows.test.yaml: fails with the pricing service's HttpError when it stays down",
      'PASS examples/order-pipeline/order-pipeline.workflows.test.yaml: refuses an order without lines before pricing it',
      'PASS examples/order-pipeline/order-pipeline.workflows.test.yaml: a missing order object fails the run with the storage error',
      'PASS examples/parent-child/workflow-parent.test.yaml: runs four real children, two succeed and two fail',
      'PASS examples/parent-child/workflow-parent.test.yaml: the same run with the child mocked',
      'PASS examples/parent-child/workflow-parent.test.yaml: a retried child start fails first, then succeeds',
      '8 passed, 0 failed',
      '',
    ]);
    assert.equal(code, 0);
  });
});
