/**
 * RFC 3339 timestamps, read and written in one place for the engine (`time.format`,
 * `time.parse`, `sys.sleep_until`) and the emulator (the API's timestamps and list filters).
 *
 * Dates are proleptic Gregorian and computed by hand from day counts (not through `Date`, which
 * maps two-digit years to 19xx), so every year from 1 to 9999 is exact.
 *
 * The grammar read (RFC 3339 §5.6, with its permitted variations):
 * `YYYY-MM-DD` then `T`, `t` or a space, `HH:MM:SS`, an optional fraction of any number of
 * digits, then `Z`, `z` or `±HH:MM`. Seconds of 60 (leap seconds) are refused. An offset with
 * seconds, `±HH:MM:SS`, is read too: it is what `formatRfc3339` writes for the local mean time
 * of historic dates (e.g. `+00:09:21` in Paris before 1911), which RFC 3339 cannot express.
 */

/** Seconds in a day. */
const DAY = 86400;

/** A calendar date and time of day. */
export interface CivilTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** An instant: whole seconds since the Unix epoch and nanoseconds within that second (0–999,999,999). */
export interface Instant {
  seconds: number;
  nanos: number;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm, exact for any year). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The proleptic Gregorian date of a day count since 1970-01-01. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The calendar fields of whole Unix seconds (already shifted by a zone offset, if any). */
export function civilFromSeconds(seconds: number): CivilTime {
  const days = Math.floor(seconds / DAY);
  const inDay = seconds - days * DAY;
  return { ...civilFromDays(days), hour: Math.floor(inDay / 3600), minute: Math.floor((inDay % 3600) / 60), second: inDay % 60 };
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

const GRAMMAR = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/;

/** Reads an RFC 3339 timestamp exactly (fractions past nanoseconds are cut); undefined when it is not one. */
export function parseRfc3339(text: string): Instant | undefined {
  const m = GRAMMAR.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  if (m[9] !== undefined) {
    const [oh, om, os] = [Number(m[10]), Number(m[11]), Number(m[12] ?? 0)];
    if (oh > 23 || om > 59 || os > 59) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 3600 + om * 60 + os);
  }
  const seconds = daysFromCivil(year, month, day) * DAY + hour * 3600 + minute * 60 + second - offset;
  const nanos = m[7] === undefined ? 0 : Number(m[7].slice(0, 9).padEnd(9, '0'));
  return { seconds, nanos };
}

/** Unix seconds (with their fraction, as a double) of an RFC 3339 timestamp; undefined when it is not one. */
export function parseRfc3339Seconds(text: string): number | undefined {
  const m = GRAMMAR.exec(text);
  const instant = m && parseRfc3339(text);
  if (!m || !instant) return undefined;
  // The fraction as written, not cut at nanoseconds: a double keeps what it can.
  return instant.seconds + (m[7] === undefined ? 0 : Number(`0.${m[7]}`));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * How many fractional digits to write: `trim` drops trailing zeros (none for a whole second);
 * `proto` writes 3, 6 or 9, as Google's JSON timestamps do (`.000` for a whole second).
 */
export type FractionStyle = 'trim' | 'proto';

function fraction(nanos: number, style: FractionStyle): string {
  if (nanos === 0 && style === 'trim') return '';
  const digits = pad(nanos, 9);
  if (style === 'trim') return `.${digits.replace(/0+$/, '')}`;
  const width = nanos % 1_000_000 === 0 ? 3 : nanos % 1000 === 0 ? 6 : 9;
  return `.${digits.slice(0, width)}`;
}

function offsetText(offset: number): string {
  const abs = Math.abs(offset);
  const seconds = abs % 60;
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
}

/**
 * Writes an instant as RFC 3339 in local time at `offset` seconds east of UTC (`Z` when `offset`
 * is `'Z'`). Returns undefined when the local year is outside 1–9999, which the format cannot write.
 */
export function formatRfc3339(instant: Instant, offset: number | 'Z', style: FractionStyle = 'trim'): string | undefined {
  const local = civilFromSeconds(instant.seconds + (offset === 'Z' ? 0 : offset));
  if (local.year < 1 || local.year > 9999) return undefined;
  const date = `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
  const time = `${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}${fraction(instant.nanos, style)}`;
  return `${date}T${time}${offset === 'Z' ? 'Z' : offsetText(offset)}`;
}

/**
 * An instant from Unix seconds as a double, rounded to `unitNanos` (1,000 for microseconds), the
 * carry into the next second included (10.9999996 s at microseconds is 11 s, not 10.1000000).
 */
export function instantFromSeconds(seconds: number, unitNanos = 1): Instant {
  let whole = Math.floor(seconds);
  let nanos = Math.round(((seconds - whole) * 1e9) / unitNanos) * unitNanos;
  if (nanos >= 1e9) {
    whole += 1;
    nanos -= 1e9;
  }
  return { seconds: whole, nanos };
}

/** An instant from epoch milliseconds (possibly fractional), rounded to microseconds with the carry. */
export function instantFromMillis(ms: number): Instant {
  const whole = Math.floor(ms / 1000);
  let micros = Math.round((ms - whole * 1000) * 1000);
  let seconds = whole;
  if (micros >= 1_000_000) {
    seconds += 1;
    micros -= 1_000_000;
  }
  return { seconds, nanos: micros * 1000 };
}
