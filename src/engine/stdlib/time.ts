/**
 * `time.format` and `time.parse`: RFC 3339 timestamps and Unix seconds (WORKFLOWS-LANGUAGE.md
 * §3.14).
 *
 * Choices: `format` writes microseconds with trailing zeros dropped and no fraction for whole
 * seconds, `Z` for UTC and `±HH:MM` for other zones (IANA names through `Intl`); `parse` accepts
 * `T`, `t` or a space between date and time, `Z`/`z` or a numeric offset, any number of
 * fractional digits, and returns a double.
 */
import { Args } from './args';
import type { NativeFunction } from './context';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Unix seconds of an RFC 3339 timestamp, or undefined when the text is not one. */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const whole = date.getTime() / 1000 - offsetMinutes * 60;
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  return whole + fraction;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(zone: string): Intl.DateTimeFormat | undefined {
  let f = zoneFormats.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return undefined;
    }
    zoneFormats.set(zone, f);
  }
  return f;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats Unix seconds as RFC 3339 in the given IANA zone; undefined for an unknown zone. */
export function formatRfc3339(seconds: number, zone: string): string | undefined {
  const micros = Math.round(seconds * 1e6);
  const wholeMs = Math.floor(micros / 1e6) * 1000;
  const fracMicros = micros - wholeMs * 1000;
  let offsetMinutes = 0;
  let fields: { year: number; month: number; day: number; hour: number; minute: number; second: number };
  if (zone === 'UTC' || zone === 'Z') {
    const d = new Date(wholeMs);
    fields = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  } else {
    const f = zoneFormat(zone);
    if (!f) return undefined;
    const parts = Object.fromEntries(f.formatToParts(new Date(wholeMs)).map((p) => [p.type, p.value]));
    fields = {
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      hour: Number(parts.hour),
      minute: Number(parts.minute),
      second: Number(parts.second),
    };
    const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
    offsetMinutes = Math.round((asUtc - wholeMs) / 60000);
  }
  const fraction = fracMicros === 0 ? '' : `.${pad(fracMicros, 6).replace(/0+$/, '')}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = zone === 'UTC' || zone === 'Z' ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}T${pad(fields.hour)}:${pad(fields.minute)}:${pad(fields.second)}${fraction}${offset}`;
}

/** Unix seconds of 0001-01-01 and 9999-12-31T23:59:59, the range RFC 3339 can write. */
const MIN_SECONDS = -62135596800;
const MAX_SECONDS = 253402300799;

const format: NativeFunction = (values) => {
  const a = new Args('time.format', values);
  const seconds = a.number('seconds');
  const zone = a.optionalString('timezone', 'UTC');
  if (!Number.isFinite(seconds) || seconds < MIN_SECONDS || seconds >= MAX_SECONDS + 1) {
    a.valueError(`${seconds} is outside the years 1 to 9999`);
  }
  return formatRfc3339(seconds, zone) ?? a.valueError(`unknown time zone ${JSON.stringify(zone)}`);
};

const parse: NativeFunction = (values) => {
  const a = new Args('time.parse', values);
  const text = a.string('value');
  return parseRfc3339(text) ?? a.valueError(`${JSON.stringify(text)} is not an RFC 3339 timestamp`);
};

export const TIME_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['time.format', format],
  ['time.parse', parse],
]);
