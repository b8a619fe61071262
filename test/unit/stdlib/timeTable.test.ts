import * as assert from 'node:assert/strict';
import { civilFromDays, daysFromCivil, parseRfc3339 } from '../../../src/core/time/rfc3339';
import { formatTimestamp, parseTimestamp } from '../../../src/emulator/timeFormat';
import { call, callError, err } from './fakeHost';

/** Unix seconds of a UTC date (Date is exact for these years and independent of the code under test). */
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

describe('time across zones, DST edges and years 1 to 9999', () => {
  it('formats instants on both sides of DST changes in zones east and west of UTC', async () => {
    const table: [number, string, string][] = [
      [utc(2024, 3, 10, 6, 59, 59), 'America/New_York', '2024-03-10T01:59:59-05:00'],
      [utc(2024, 3, 10, 7), 'America/New_York', '2024-03-10T03:00:00-04:00'],
      [utc(2024, 11, 3, 5, 59, 59), 'America/New_York', '2024-11-03T01:59:59-04:00'],
      [utc(2024, 11, 3, 6), 'America/New_York', '2024-11-03T01:00:00-05:00'],
      [utc(2024, 10, 27, 0, 59, 59), 'Europe/Paris', '2024-10-27T02:59:59+02:00'],
      [utc(2024, 10, 27, 1), 'Europe/Paris', '2024-10-27T02:00:00+01:00'],
      [utc(2024, 4, 6, 15, 59, 59), 'Australia/Sydney', '2024-04-07T02:59:59+11:00'],
      [utc(2024, 4, 6, 16), 'Australia/Sydney', '2024-04-07T02:00:00+10:00'],
      [utc(2024, 1, 15), 'Asia/Kathmandu', '2024-01-15T05:45:00+05:45'],
      [utc(2024, 1, 15), 'Pacific/Chatham', '2024-01-15T13:45:00+13:45'],
      [utc(2024, 1, 15), 'America/St_Johns', '2024-01-14T20:30:00-03:30'],
      [utc(2024, 1, 15), 'Europe/London', '2024-01-15T00:00:00+00:00'],
      [utc(2024, 1, 15), 'Etc/GMT+5', '2024-01-14T19:00:00-05:00'],
    ];
    const actual = [];
    for (const [seconds, zone] of table) actual.push([seconds, zone, await call('time.format', [BigInt(seconds), zone])]);
    assert.deepEqual(actual, table);
  });

  it('writes years below 100 and negative epochs with four digits and the local mean time of old dates', async () => {
    assert.equal(await call('time.format', [-60000000000n, 'Europe/Paris']), '0068-09-03T13:29:21+00:09:21');
    assert.equal(await call('time.format', [-60000000000n]), '0068-09-03T13:20:00Z');
    assert.equal(await call('time.parse', ['0068-09-03T13:29:21+00:09:21']), -60000000000);
    assert.equal(await call('time.format', [-62135596800n]), '0001-01-01T00:00:00Z');
    assert.equal(await call('time.format', [-62135596800n + 17762n, 'America/New_York']), '0001-01-01T00:00:00-04:56:02');
  });

  it('checks the years 1 to 9999 in the chosen zone, not only in UTC', async () => {
    assert.equal(await call('time.format', [253402300799n]), '9999-12-31T23:59:59Z');
    assert.equal(await call('time.format', [253402300799n - 9n * 3600n, 'Asia/Tokyo']), '9999-12-31T23:59:59+09:00');
    assert.deepEqual(await callError('time.format', [253402300799n, 'Asia/Tokyo']), err('ValueError', 'time.format: 253402300799 is outside the years 1 to 9999 in Asia/Tokyo'));
    assert.deepEqual(await callError('time.format', [253402300800n]), err('ValueError', 'time.format: 253402300800 is outside the years 1 to 9999'));
    assert.deepEqual(
      await callError('time.format', [-62135596800n, 'America/New_York']),
      err('ValueError', 'time.format: -62135596800 is outside the years 1 to 9999 in America/New_York'),
    );
  });

  it('treats every spelling of UTC alike and writes Z for it', async () => {
    const zones = ['UTC', 'utc', 'Utc', 'Etc/UTC', 'etc/utc'];
    const out = [];
    for (const zone of zones) out.push(await call('time.format', [0n, zone]));
    assert.deepEqual(out, zones.map(() => '1970-01-01T00:00:00Z'));
  });

  it('rounds to microseconds with the carry into the next second', async () => {
    assert.equal(await call('time.format', [10.9999996]), '1970-01-01T00:00:11Z');
    assert.equal(await call('time.format', [-0.0000001]), '1970-01-01T00:00:00Z');
    assert.equal(await call('time.format', [-0.25]), '1969-12-31T23:59:59.75Z');
    assert.deepEqual([formatTimestamp(10999.9996), formatTimestamp(10999.6), formatTimestamp(1767225610000)], [
      '1970-01-01T00:00:11.000Z',
      '1970-01-01T00:00:10.999600Z',
      '2026-01-01T00:00:10.000Z',
    ]);
  });

  it('has one calendar that agrees with Date on the first of March and the last of February of every year from 1 to 9999', () => {
    const wrong: string[] = [];
    const date = new Date(0);
    for (let year = 1; year <= 9999; year++) {
      for (const [month, day] of [[2, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28], [3, 1]]) {
        date.setUTCFullYear(year, month - 1, day);
        date.setUTCHours(0, 0, 0, 0);
        const days = daysFromCivil(year, month, day);
        const back = civilFromDays(days);
        if (days * 86400000 !== date.getTime() || back.year !== year || back.month !== month || back.day !== day) wrong.push(`${year}-${month}-${day}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('reads one grammar in the engine and the emulator', async () => {
    const texts = ['2023-11-14T22:13:20.25Z', '2023-11-14 22:13:20z', '2023-11-14t17:13:20-05:00', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999999999Z'];
    const engine = [];
    for (const t of texts) engine.push(await call('time.parse', [t]));
    assert.deepEqual(engine, [1700000000.25, 1700000000, 1700000000, -62135596800, 253402300799.99999999]);
    assert.deepEqual(texts.map(parseTimestamp), [1700000000250, 1700000000000, 1700000000000, -62135596800000, 253402300799999.999999]);
    for (const bad of ['2023-11-14T22:13:60Z', '2023-02-29T00:00:00Z', '2023-11-14T22:13:20+24:00', '2023-11-14T22:13:20']) {
      assert.deepEqual([parseRfc3339(bad), parseTimestamp(bad)], [undefined, undefined], bad);
    }
  });
});
