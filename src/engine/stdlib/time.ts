/**
 * `time.format` and `time.parse`: RFC 3339 timestamps and Unix seconds (WORKFLOWS-LANGUAGE.md
 * §3.14), over the core's one RFC 3339 reader and writer (core/time/rfc3339.ts) and the runtime's
 * IANA zones (core/time/timeZones.ts).
 *
 * Choices: `format` writes microseconds with trailing zeros dropped and no fraction for whole
 * seconds, `Z` for UTC (in any spelling: `UTC`, `utc`, `Etc/UTC`) and `±HH:MM` for other zones;
 * a local time outside the years 1–9999 in the chosen zone is a ValueError, as RFC 3339 cannot
 * write it. `parse` reads the grammar of rfc3339.ts and returns a double.
 */
import { formatRfc3339, instantFromSeconds, parseRfc3339Seconds } from '../../core/time/rfc3339';
import { zoneOffset } from '../../core/time/timeZones';
import { Args } from './args';
import type { NativeFunction } from './context';

/** A day past 0001-01-01 and 9999-12-31T23:59:59 UTC: no zone is further from UTC than that. */
const MIN_SECONDS = -62135596800 - 86400;
const MAX_SECONDS = 253402300799 + 86400;

const format: NativeFunction = (values) => {
  const a = new Args('time.format', values);
  const seconds = a.number('seconds');
  const zone = a.optionalString('timezone', 'UTC');
  const outside = (): never => a.valueError(`${seconds} is outside the years 1 to 9999${zone === 'UTC' ? '' : ` in ${zone}`}`);
  if (!Number.isFinite(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) outside();
  const instant = instantFromSeconds(seconds, 1000);
  const offset = zoneOffset(zone, instant.seconds) ?? a.valueError(`unknown time zone ${JSON.stringify(zone)}`);
  return formatRfc3339(instant, offset) ?? outside();
};

const parse: NativeFunction = (values) => {
  const a = new Args('time.parse', values);
  const text = a.string('value');
  return parseRfc3339Seconds(text) ?? a.valueError(`${JSON.stringify(text)} is not an RFC 3339 timestamp`);
};

export const TIME_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['time.format', format],
  ['time.parse', parse],
]);
