import * as assert from 'node:assert/strict';
import { PARENT, startHarness } from './harness';
import type { Harness } from './harness';

/** A parent passes 2^53 + 1 and the int64 bounds to a real child execution and returns what comes back. */
const PARENT_SOURCE = `main:
  params: [args]
  steps:
    - run:
        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
        args:
          workflow_id: child
          argument:
            fromArgs: \${args.n}
            big: 9007199254740993
            max: 9223372036854775807
            min: -9223372036854775808
        result: r
    - done:
        return: \${r}
`;
const CHILD_SOURCE = `main:
  params: [args]
  steps:
    - done:
        return:
          echo: \${args}
          next: \${args.big + 2}
`;

describe('emulator: integers stay exact through REST and child executions', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ clock: 'virtual' });
    await h.cloud.deployWorkflow('child', CHILD_SOURCE);
    await h.cloud.deployWorkflow('parent', PARENT_SOURCE);
  });
  after(async () => {
    await h.close();
  });

  it('returns the exact digits in the parent result and the child argument and result', async () => {
    const [created] = await h.executions.createExecution({ parent: `${PARENT}/workflows/parent`, execution: { argument: '{"n": 9007199254740995}' } });
    const parent = await h.cloud.waitForExecution(String(created.name), { intervalMs: 5 });
    const echo = '{"fromArgs":9007199254740995,"big":9007199254740993,"max":9223372036854775807,"min":-9223372036854775808}';
    assert.equal(parent.result, `{"echo":${echo},"next":9007199254740995}`);
    const [child] = (await h.cloud.listExecutions('child', { view: 'FULL' })).items;
    assert.deepEqual([child.argument, child.result], [echo, `{"echo":${echo},"next":9007199254740995}`]);
  });
});
