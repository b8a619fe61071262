import * as assert from 'node:assert/strict';
import { workflowError } from '../../../src/engine/errors';
import type { JsonValue } from '../../../src/engine/value';
import { call, callError, err, fakeHost, map } from './fakeHost';

const RUN = 'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run';

describe('functions served by the host connectors', () => {
  describe('events', () => {
    it('create_callback_endpoint asks the host for an endpoint with the method', async () => {
      const fake = fakeHost({ connector: async () => ({ url: 'http://127.0.0.1:8080/callbacks/1' }) });
      assert.deepEqual(await call('events.create_callback_endpoint', [undefined], fake.host), map({ url: 'http://127.0.0.1:8080/callbacks/1' }));
      await call('events.create_callback_endpoint', ['GET'], fake.host);
      assert.deepEqual(fake.connectorCalls, [
        { name: 'events.create_callback_endpoint', args: { http_callback_method: 'POST' } },
        { name: 'events.create_callback_endpoint', args: { http_callback_method: 'GET' } },
      ]);
      assert.deepEqual(
        await callError('events.create_callback_endpoint', ['FETCH'], fake.host),
        err('ValueError', 'events.create_callback_endpoint: unsupported HTTP method "FETCH"; use one of GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH'),
      );
    });

    it('await_callback passes the endpoint and timeout and returns the request', async () => {
      const request: JsonValue = { http_request: { body: { ok: 1 }, method: 'POST' }, type: 'HTTP' };
      const fake = fakeHost({ connector: async () => request });
      const callback = map({ url: 'http://127.0.0.1/cb' });
      assert.deepEqual(
        await call('events.await_callback', [callback], fake.host),
        map({ http_request: map({ body: map({ ok: 1n }), method: 'POST' }), type: 'HTTP' }),
      );
      await call('events.await_callback', [callback, 60n], fake.host);
      assert.deepEqual(fake.connectorCalls, [
        { name: 'events.await_callback', args: { callback: { url: 'http://127.0.0.1/cb' }, timeout: 43200 } },
        { name: 'events.await_callback', args: { callback: { url: 'http://127.0.0.1/cb' }, timeout: 60 } },
      ]);
      assert.deepEqual(
        await callError('events.await_callback', [map({})], fake.host),
        err('ValueError', 'events.await_callback: the callback map has no "url"; pass the result of events.create_callback_endpoint'),
      );
      assert.deepEqual(
        await callError('events.await_callback', [callback, -1n], fake.host),
        err('ValueError', 'events.await_callback: timeout must be between 0 and 31536000 s, got -1'),
      );
    });

    it('passes on the error of a host without callbacks', async () => {
      const fake = fakeHost({
        connector: () => Promise.reject(workflowError('SystemError', 'events.create_callback_endpoint is not available in the local emulator')),
      });
      assert.deepEqual(
        await callError('events.create_callback_endpoint', [undefined], fake.host),
        err('SystemError', 'events.create_callback_endpoint is not available in the local emulator'),
      );
    });
  });

  describe('experimental.executions', () => {
    it('run starts the child through the executions connector and returns its result', async () => {
      const fake = fakeHost({ connector: async () => ({ greeting: 'hi' }) });
      assert.deepEqual(await call('experimental.executions.run', ['child', undefined, undefined, map({ n: 1n })], fake.host), map({ greeting: 'hi' }));
      await call('experimental.executions.run', ['child', 'europe-west1', 'other'], fake.host);
      assert.deepEqual(fake.connectorCalls, [
        { name: RUN, args: { workflow_id: 'child', connector_params: { timeout: 1800 }, argument: { n: 1 } } },
        { name: RUN, args: { workflow_id: 'child', connector_params: { timeout: 1800 }, location: 'europe-west1', project_id: 'other' } },
      ]);
    });

    it('run adds the ExecutionError tag to a failed child', async () => {
      const fake = fakeHost({
        connector: () => Promise.reject(workflowError('OperationError', 'Execution failed or cancelled.', [['operation', map({ state: 'FAILED' })]])),
      });
      assert.deepEqual(
        await callError('experimental.executions.run', ['child'], fake.host),
        map({ message: 'Execution failed or cancelled.', tags: ['ExecutionError', 'OperationError'], operation: map({ state: 'FAILED' }) }),
      );
      assert.deepEqual(
        await callError('experimental.executions.run', ['child', undefined, undefined, new Uint8Array(1)], fake.host),
        err('TypeError', 'experimental.executions.run: argument "argument" must be an integer, double, boolean, string, list or map, got bytes'),
      );
    });

    it('map runs one child per argument and keeps argument order', async () => {
      const fake = fakeHost({
        connector: async ({ args }) => {
          const n = args.argument as number;
          await new Promise((resolve) => setImmediate(resolve));
          if (n < 0) throw workflowError('OperationError', `child ${n} failed`);
          return n * 10;
        },
      });
      assert.deepEqual(await call('experimental.executions.map', ['child', [3n, 1n, 2n]], fake.host), [30n, 10n, 20n]);
      assert.deepEqual(
        await callError('experimental.executions.map', ['child', [1n, -1n, -2n]], fake.host),
        map({ message: 'child -1 failed', tags: ['ExecutionError', 'OperationError'] }),
      );
      assert.deepEqual(
        await callError('experimental.executions.map', ['child', 'x'], fake.host),
        err('TypeError', 'experimental.executions.map: argument "arguments" must be a list, got string'),
      );
    });
  });
});
