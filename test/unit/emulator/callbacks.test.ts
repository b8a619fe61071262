import * as assert from 'node:assert/strict';
import { Emulator } from '../../../src/emulator';
import { eventually, raw, startHarness } from './harness';
import type { Harness } from './harness';

const source = (timeout: number): string => `main:
  steps:
    - create:
        call: events.create_callback_endpoint
        args:
          http_callback_method: POST
        result: cb
    - wait:
        try:
          call: events.await_callback
          args:
            callback: \${cb}
            timeout: ${timeout}
          result: got
        except:
          as: e
          steps:
            - timedOut:
                return: \${e.tags}
    - done:
        return: \${got.http_request}
`;

describe('emulator: callbacks of running executions', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ clock: 'virtual' });
  });
  afterEach(async () => {
    await h.close();
  });

  it('hands a request sent to the callback URL to events.await_callback', async () => {
    await h.cloud.deployWorkflow('waiter', source(30));
    const run = await h.cloud.runExecution('waiter');
    const listed = await eventually(async () => {
      const res = await raw(`${h.emu.url}/v1/${run.name}/callbacks`, 'GET');
      const callbacks = (res.json as { callbacks: { name: string; method: string }[] }).callbacks;
      return callbacks.length > 0 ? callbacks : undefined;
    });
    assert.equal(listed.length, 1);
    assert.equal(listed[0].method, 'POST');
    assert.match(listed[0].name, new RegExp(`^${run.name}/callbacks/[0-9a-f]{32}$`));
    const url = `${h.emu.url}/v1/${listed[0].name}?answer=yes`;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer secret' }, body: '{"approved": true, "id": 9007199254740993}' });
    assert.equal(res.status, 200);
    const done = await h.cloud.waitForExecution(run.name, { intervalMs: 10 });
    assert.equal(done.state, 'SUCCEEDED');
    // The result keeps every digit; the JSON.parse below (for the other fields) rounds it.
    assert.match(String(done.result), /"body":\{"approved":true,"id":9007199254740993\}/);
    const request = JSON.parse(String(done.result)) as { body: unknown; method: string; query: unknown; url: string; headers: Record<string, string> };
    assert.deepEqual(
      { body: request.body, method: request.method, query: request.query, url: request.url, type: request.headers['content-type'], auth: request.headers.authorization },
      { body: { approved: true, id: 9007199254740992 }, method: 'POST', query: { answer: ['yes'] }, url: `/v1/${listed[0].name}`, type: 'application/json', auth: undefined },
    );
    assert.deepEqual(await raw(url, 'POST', '{}'), {
      status: 404,
      json: { error: { code: 404, message: `Callback '${listed[0].name}' was not found`, status: 'NOT_FOUND' } },
    });
  });

  it('raises a TimeoutError when nothing arrives in time', async () => {
    await h.cloud.deployWorkflow('impatient', source(0.2));
    const run = await h.cloud.runExecution('impatient');
    const done = await h.cloud.waitForExecution(run.name, { intervalMs: 10 });
    assert.equal(done.result, '["TimeoutError"]');
  });

  it('refuses a request with another method than the callback accepts', async () => {
    await h.cloud.deployWorkflow('strict', source(30));
    const run = await h.cloud.runExecution('strict');
    const name = await eventually(async () => {
      const res = await raw(`${h.emu.url}/v1/${run.name}/callbacks`, 'GET');
      return (res.json as { callbacks: { name: string }[] }).callbacks[0]?.name;
    });
    assert.deepEqual(await raw(`${h.emu.url}/v1/${name}`, 'PUT', '{}'), {
      status: 400,
      json: { error: { code: 400, message: 'This callback accepts POST requests, not PUT.', status: 'INVALID_ARGUMENT' } },
    });
    await h.cloud.cancelExecution(run.name);
  });

  it('explains that callbacks need the HTTP server when run in process', async () => {
    const emu = new Emulator({ clock: 'virtual' });
    emu.deploy('inproc', 'main:\n  steps:\n    - create:\n        call: events.create_callback_endpoint\n        result: cb\n');
    const record = await emu.wait(String(emu.run('inproc').name));
    assert.equal(record.state, 'FAILED');
    assert.deepEqual(JSON.parse(String(record.error?.payload)), {
      message: "events.create_callback_endpoint needs the emulator's HTTP server: run the workflow on `cloud-workflows emulator` to receive callbacks.",
      tags: ['SystemError'],
    });
    await emu.close();
  });
});
