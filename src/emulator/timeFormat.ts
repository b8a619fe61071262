/**
 * Timestamps and durations in the JSON forms Google's APIs use (proto3 JSON mapping):
 * RFC 3339 UTC with 0, 3, 6 or 9 fractional digits, and durations like `"3.500s"`.
 */

/** `ms` since the epoch (may be fractional) as RFC 3339 UTC, e.g. `2026-01-01T00:00:10.123Z`. */
export function formatTimestamp(ms: number): string {
  const whole = Math.floor(ms);
  const iso = new Date(whole).toISOString();
  const micros = Math.round((ms - whole) * 1000);
  if (micros === 0) return iso;
  return `${iso.slice(0, -1)}${String(micros).padStart(3, '0')}Z`;
}

/** A duration in milliseconds as Google's JSON duration: `"10s"`, `"0.318s"`, `"1.000250s"`. */
export function formatDuration(ms: number): string {
  const micros = Math.max(0, Math.round(ms * 1000));
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = micros % 1_000_000;
  if (fraction === 0) return `${seconds}s`;
  if (fraction % 1000 === 0) return `${seconds}.${String(fraction / 1000).padStart(3, '0')}s`;
  return `${seconds}.${String(fraction).padStart(6, '0')}s`;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 timestamp to milliseconds; `undefined` when it is not one. */
export function parseTimestamp(text: string): number | undefined {
  if (!RFC3339.test(text)) return undefined;
  const fraction = /\.(\d+)/.exec(text)?.[1] ?? '';
  const base = Date.parse(text.replace(/\.\d+/, ''));
  if (Number.isNaN(base)) return undefined;
  return base + (fraction ? Number(`0.${fraction}`) * 1000 : 0);
}
