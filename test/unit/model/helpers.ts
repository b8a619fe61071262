import type { Span } from '../../../src/core/location';

/**
 * The model as plain data for deep equality: functions dropped, parsed expressions dropped (the
 * expression parser has its own tests), and spans dropped too when `withSpans` is false. Integers
 * stay `bigint`, as exact as the model keeps them.
 */
export function plain(value: unknown, withSpans = true): unknown {
  if (Array.isArray(value)) return value.map((item) => plain(item, withSpans));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'parsed' || v === undefined || typeof v === 'function') continue;
    if (!withSpans && /^(span|bodySpan|casesSpan|trySpan|stepsSpan|paramsSpan)$/.test(key)) continue;
    out[key] = plain(v, withSpans);
  }
  return out;
}

/** The span of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
export function at(text: string, needle: string, occurrence = 0): Span {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`'${needle}' #${occurrence} not in text`);
  }
  return { start, end: start + needle.length };
}

/** The span of the last `needle` inside the first appearance of `context` in `text` (`within(t, 'as: e', 'e')`). */
export function within(text: string, context: string, needle: string): Span {
  const start = at(text, context).start + context.lastIndexOf(needle);
  return { start, end: start + needle.length };
}

/** Joins lines with `\n` (keeps YAML fixtures readable). */
export function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}
