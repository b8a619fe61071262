import * as assert from 'node:assert/strict';
import { Emulator } from '../../../src/emulator';

const PREFIX = 'googleapis.workflowexecutions.v1.projects.locations.workflows.executions';

async function run(emu: Emulator, id: string, source: string, argument?: string): Promise<unknown> {
  emu.deploy(id, source);
  const started = emu.run(id, argument);
  const record = await emu.wait(String(started.name));
  assert.equal(record.state, 'SUCCEEDED', record.error?.context);
  return JSON.parse(String(record.result));
}

const CHILD = 'main:\n  params: [args]\n  steps:\n    - wait:\n        call: sys.sleep\n        args:\n          seconds: ${args.sleep}\n    - check:\n        switch:\n          - condition: ${args.fail}\n            raise: "child failed"\n    - done:\n        return: ${args}\n';

describe('emulator: connectors of locally run workflows', () => {
  let emu: Emulator;
  beforeEach(() => {
    emu = new Emulator({ clock: 'virtual' });
    emu.deploy('child', CHILD);
  });
  afterEach(async () => {
    await emu.close();
  });

  it('raises a catchable error naming a connector the emulator does not provide, and both ways out', async () => {
    const source = `main:
  steps:
    - t:
        try:
          call: googleapis.storage.v1.objects.get
          args:
            bucket: b
            object: o
        except:
          as: e
          steps:
            - r:
                return: \${e}
`;
    assert.deepEqual(await run(emu, 'storage', source), {
      message:
        'googleapis.storage.v1.objects.get does not run locally: mock it in a workflow test, or enable live connectors ' +
        '(setting cloudWorkflows.emulator.liveConnectors, or --live-connectors on the command line) to call the real Google API with your credentials.',
      tags: ['SystemError'],
    });
  });

  it('passes the argument to the child exactly and returns its decoded result', async () => {
    const source = `main:
  steps:
    - c:
        call: ${PREFIX}.run
        args:
          workflow_id: child
          argument: {"sleep": 1, "fail": false, "nested": {"list": [1, 2.5, "x", null]}}
        result: r
    - done:
        return: \${r}
`;
    assert.deepEqual(await run(emu, 'runner', source), { sleep: 1, fail: false, nested: { list: [1, 2.5, 'x', null] } });
    const [child] = emu.executions.list(`${emu.parent}/workflows/child`, { view: 'FULL' }).executions as { argument: string }[];
    assert.equal(child.argument, '{"sleep":1,"fail":false,"nested":{"list":[1,2.5,"x",null]}}');
  });

  it('creates a child without waiting, then gets and lists it', async () => {
    const source = `main:
  steps:
    - c:
        call: ${PREFIX}.create
        args:
          parent: \${"projects/" + sys.get_env("GOOGLE_CLOUD_PROJECT_ID") + "/locations/us-central1/workflows/child"}
          body:
            argument: '{"sleep": 5, "fail": false}'
        result: created
    - g:
        call: ${PREFIX}.get
        args:
          name: \${created.name}
        result: got
    - done:
        return: ['\${created.state}', '\${created.argument}', '\${got.name == created.name}']
`;
    assert.deepEqual(await run(emu, 'creator', source), ['ACTIVE', '{"sleep": 5, "fail": false}', true]);
  });

  it('raises an OperationError carrying the failed child execution', async () => {
    const source = `main:
  steps:
    - t:
        try:
          call: ${PREFIX}.run
          args:
            workflow_id: child
            argument: {"sleep": 0, "fail": true}
        except:
          as: e
          steps:
            - r:
                return: ['\${e.message}', '\${e.tags}', '\${e.operation.state}', '\${e.operation.error.payload}']
`;
    assert.deepEqual(await run(emu, 'failing', source), ['Execution failed or cancelled.', ['OperationError'], 'FAILED', '"child failed"']);
  });

  it('honours connector_params.timeout with a TimeoutError', async () => {
    const source = `main:
  steps:
    - t:
        try:
          call: ${PREFIX}.run
          args:
            workflow_id: child
            argument: {"sleep": 100, "fail": false}
            connector_params:
              timeout: 5
        except:
          as: e
          steps:
            - r:
                return: \${e.tags}
`;
    assert.deepEqual(await run(emu, 'impatient', source), ['TimeoutError']);
  });

  it('raises an HttpError 404 for a workflow that is not deployed', async () => {
    const source = `main:
  steps:
    - t:
        try:
          call: ${PREFIX}.run
          args:
            workflow_id: nowhere
        except:
          as: e
          steps:
            - r:
                return: ['\${e.tags}', '\${e.code}', '\${e.body.error.status}']
`;
    assert.deepEqual(await run(emu, 'lost', source), [['HttpError'], 404, 'NOT_FOUND']);
  });

  it('runs experimental.executions.run as a real child, tagging failures ExecutionError', async () => {
    const source = `main:
  steps:
    - ok:
        call: experimental.executions.run
        args:
          workflow_id: child
          argument: {"sleep": 0, "fail": false}
        result: r
    - t:
        try:
          call: experimental.executions.run
          args:
            workflow_id: child
            argument: {"sleep": 0, "fail": true}
        except:
          as: e
          steps:
            - done:
                return: ['\${r.fail}', '\${e.tags}']
`;
    assert.deepEqual(await run(emu, 'experimental', source), [false, ['ExecutionError', 'OperationError']]);
    assert.equal((emu.executions.list(`${emu.parent}/workflows/child`, {}).executions as unknown[]).length, 2);
  });
});
