/**
 * Timestamps and durations in the JSON forms Google's APIs use (proto3 JSON mapping):
 * RFC 3339 UTC with 3, 6 or 9 fractional digits (written and read by the core's one RFC 3339
 * module, core/time/rfc3339.ts, which the engine's `time.*` use too), and durations like `"3.500s"`.
 */
import { formatRfc3339, instantFromMillis, parseRfc3339 } from '../core/time/rfc3339';

/** `ms` since the epoch (may be fractional) as RFC 3339 UTC, e.g. `2026-01-01T00:00:10.123Z`. */
export function formatTimestamp(ms: number): string {
  return formatRfc3339(instantFromMillis(ms), 'Z', 'proto') ?? new Date(ms).toISOString();
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

/** Parses an RFC 3339 timestamp to milliseconds (sub-millisecond digits kept as a fraction); `undefined` when it is not one. */
export function parseTimestamp(text: string): number | undefined {
  const instant = parseRfc3339(text);
  return instant && instant.seconds * 1000 + instant.nanos / 1e6;
}
