import * as assert from 'node:assert/strict';
import { STDLIB } from '../../../src/engine/stdlib';
import { call, callError, err, fakeHost, map } from './fakeHost';

describe('sys and time modules', () => {
  describe('sys.get_env', () => {
    it('returns built-in variables, user variables and the default', async () => {
      const { host } = fakeHost();
      const expected: Record<string, string> = {
        GOOGLE_CLOUD_LOCATION: 'us-central1',
        GOOGLE_CLOUD_PROJECT_ID: 'my-project',
        GOOGLE_CLOUD_PROJECT_NUMBER: '123456789',
        GOOGLE_CLOUD_SERVICE_ACCOUNT_NAME: 'sa@my-project.iam.gserviceaccount.com',
        GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID: 'exec-1',
        GOOGLE_CLOUD_WORKFLOW_ID: 'wf',
        GOOGLE_CLOUD_WORKFLOW_REVISION_ID: '000001-abc',
        MY_VAR: 'hello',
        toString: 'user value',
      };
      for (const [name, value] of Object.entries(expected)) assert.equal(await call('sys.get_env', [name], host), value, name);
      assert.equal(await call('sys.get_env', ['UNSET'], host), null);
      assert.equal(await call('sys.get_env', ['hasOwnProperty'], host), null);
      assert.equal(await call('sys.get_env', ['UNSET', 'fallback'], host), 'fallback');
    });

    it('requires string arguments', async () => {
      assert.deepEqual(await callError('sys.get_env', [1n]), err('TypeError', 'sys.get_env: argument "name" must be a string, got integer'));
      assert.deepEqual(await callError('sys.get_env', ['X', 1n]), err('TypeError', 'sys.get_env: argument "default" must be a string, got integer'));
    });
  });

  describe('sys.log', () => {
    it('sends maps as JSON payloads and everything else as text', async () => {
      const { host, logs } = fakeHost();
      assert.equal(await call('sys.log', [map({ a: 1n })], host), null);
      await call('sys.log', ['hello', 'WARNING'], host);
      await call('sys.log', [null, 'ERROR', [1n, 'x']], host);
      await call('sys.log', [undefined, undefined, undefined, map({ k: true })], host);
      await call('sys.log', [2.5], host);
      assert.deepEqual(logs, [
        { severity: 'DEFAULT', payload: { a: 1 } },
        { severity: 'WARNING', payload: 'hello' },
        { severity: 'ERROR', payload: '[1,"x"]' },
        { severity: 'DEFAULT', payload: { k: true } },
        { severity: 'DEFAULT', payload: '2.5' },
      ]);
    });

    it('requires exactly one payload, a known severity and a map for json', async () => {
      assert.deepEqual(await callError('sys.log', []), err('TypeError', 'sys.log: give one of the arguments data, text or json'));
      assert.deepEqual(
        await callError('sys.log', ['a', undefined, 'b']),
        err('TypeError', 'sys.log: give only one of the arguments data, text or json, got data and text'),
      );
      assert.deepEqual(
        await callError('sys.log', ['a', 'LOUD']),
        err('ValueError', 'sys.log: unknown severity "LOUD"; use one of DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY'),
      );
      assert.deepEqual(await callError('sys.log', [undefined, undefined, undefined, 'x']), err('TypeError', 'sys.log: argument "json" must be a map, got string'));
      assert.deepEqual(
        await callError('sys.log', [new Uint8Array(1)]),
        err('TypeError', 'sys.log: argument "data" must be an integer, double, boolean, string, list or map, got bytes'),
      );
      assert.deepEqual(await callError('sys.log', ['a', undefined, undefined, undefined, 'soon']), err('TypeError', 'sys.log: argument "timeout" must be a number, got string'));
    });
  });

  describe('clock functions', () => {
    it('sys.now reads the host clock in seconds', async () => {
      const { host, clock } = fakeHost();
      clock.time = 1_700_000_000_250;
      assert.equal(await call('sys.now', [], host), 1_700_000_000.25);
    });

    it('sys.sleep waits on the host clock and returns null', async () => {
      const { host, clock } = fakeHost();
      assert.equal(await call('sys.sleep', [2n], host), null);
      assert.equal(await call('sys.sleep', [0.5], host), null);
      assert.equal(await call('sys.sleep', [31_536_000n], host), null);
      assert.deepEqual(clock.sleeps, [2000, 500, 31_536_000_000]);
    });

    it('sys.sleep refuses negative, too long and non-numeric times', async () => {
      assert.deepEqual(await callError('sys.sleep', [-1n]), err('ValueError', 'sys.sleep: cannot sleep a negative time (-1 s)'));
      assert.deepEqual(
        await callError('sys.sleep', [31_536_001n]),
        err('ValueError', 'sys.sleep: cannot sleep longer than 31536000 s (one year), got 31536001 s'),
      );
      assert.deepEqual(await callError('sys.sleep', ['1']), err('TypeError', 'sys.sleep: argument "seconds" must be a number, got string'));
    });

    it('sys.sleep stops when the execution is cancelled', async () => {
      const { host } = fakeHost();
      const controller = new AbortController();
      controller.abort(new Error('cancelled'));
      const fn = STDLIB.get('sys.sleep');
      await assert.rejects(Promise.resolve(fn?.([1n], { host, signal: controller.signal })), { message: 'cancelled' });
    });

    it('sys.sleep_until sleeps until an RFC 3339 time, not at all for the past', async () => {
      const { host, clock } = fakeHost();
      clock.time = Date.UTC(2024, 0, 1, 0, 0, 0);
      await call('sys.sleep_until', ['2024-01-01T00:00:10.5Z'], host);
      await call('sys.sleep_until', ['2024-01-01T01:00:00+01:00'], host);
      assert.deepEqual(clock.sleeps, [10_500, 0]);
      assert.deepEqual(
        await callError('sys.sleep_until', ['tomorrow']),
        err('ValueError', 'sys.sleep_until: "tomorrow" is not an RFC 3339 timestamp'),
      );
    });
  });

  describe('time', () => {
    it('formats Unix seconds as RFC 3339 in UTC and named zones', async () => {
      assert.equal(await call('time.format', [0n]), '1970-01-01T00:00:00Z');
      assert.equal(await call('time.format', [1_700_000_000.25]), '2023-11-14T22:13:20.25Z');
      assert.equal(await call('time.format', [1_700_000_000.123456]), '2023-11-14T22:13:20.123456Z');
      assert.equal(await call('time.format', [1_700_000_000n, 'America/New_York']), '2023-11-14T17:13:20-05:00');
      assert.equal(await call('time.format', [1_688_000_000n, 'Europe/Paris']), '2023-06-29T02:53:20+02:00');
      assert.equal(await call('time.format', [1_700_000_000n, 'Asia/Kolkata']), '2023-11-15T03:43:20+05:30');
      assert.equal(await call('time.format', [-1n]), '1969-12-31T23:59:59Z');
    });

    it('refuses unknown zones and unrepresentable times', async () => {
      assert.deepEqual(await callError('time.format', [0n, 'Mars/Olympus']), err('ValueError', 'time.format: unknown time zone "Mars/Olympus"'));
      assert.deepEqual(await callError('time.format', [1e15]), err('ValueError', 'time.format: 1000000000000000 is outside the years 1 to 9999'));
      assert.deepEqual(await callError('time.format', ['0']), err('TypeError', 'time.format: argument "seconds" must be a number, got string'));
    });

    it('parses RFC 3339 timestamps to double seconds', async () => {
      assert.equal(await call('time.parse', ['1970-01-01T00:00:00Z']), 0);
      assert.equal(await call('time.parse', ['2023-11-14T22:13:20.25Z']), 1_700_000_000.25);
      assert.equal(await call('time.parse', ['2023-11-14T17:13:20-05:00']), 1_700_000_000);
      assert.equal(await call('time.parse', ['2023-11-14 22:13:20z']), 1_700_000_000);
      assert.equal(await call('time.parse', ['2024-02-29T00:00:00Z']), 1_709_164_800);
    });

    it('refuses text that is not RFC 3339', async () => {
      for (const text of ['2023-11-14', '2023-11-14T22:13:20', '2023-02-29T00:00:00Z', '2023-13-01T00:00:00Z', '2023-11-14T24:00:00Z', 'now']) {
        assert.deepEqual(await callError('time.parse', [text]), err('ValueError', `time.parse: ${JSON.stringify(text)} is not an RFC 3339 timestamp`), text);
      }
    });
  });
});
