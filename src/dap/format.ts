/**
 * Values as the debugger shows them: in workflow syntax (`"text"`, `1`, `1.5`, `null`), maps and
 * lists as a one-line preview whose nested containers collapse to `{...}` and `[...]`.
 */
import type { Value } from '../engine/value';

/** Longest preview of a map or list before it is cut with `…`. */
const PREVIEW_CHARS = 120;

/** A scalar in workflow syntax; a double always shows a fraction or exponent (`2.0`, not `2`). */
function scalar(value: Value): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
      return Number.isInteger(value) && !/e/i.test(String(value)) ? `${value}.0` : String(value);
    case 'string':
      return JSON.stringify(value);
  }
  if (value instanceof Uint8Array) return `bytes(${value.length})`;
  return undefined;
}

/** The value on one line: scalars in full, containers as a preview one level deep. */
export function formatValue(value: Value): string {
  const s = scalar(value);
  if (s !== undefined) return s;
  const parts: string[] = [];
  let length = 2;
  const add = (part: string): boolean => {
    parts.push(part);
    length += part.length + 2;
    return length <= PREVIEW_CHARS;
  };
  const nested = (v: Value): string => scalar(v) ?? (Array.isArray(v) ? (v.length === 0 ? '[]' : '[...]') : (v as Map<string, Value>).size === 0 ? '{}' : '{...}');
  let cut = false;
  if (Array.isArray(value)) {
    for (const item of value) if (!add(nested(item))) {
      cut = true;
      break;
    }
    return `[${parts.join(', ')}${cut ? ', …' : ''}]`;
  }
  for (const [k, v] of value as Map<string, Value>) if (!add(`${JSON.stringify(k)}: ${nested(v)}`)) {
    cut = true;
    break;
  }
  return `{${parts.join(', ')}${cut ? ', …' : ''}}`;
}

/** How a logpoint or the console prints a value: strings bare, everything else as `formatValue`. */
export function printValue(value: Value): string {
  return typeof value === 'string' ? value : formatValue(value);
}

/** Whether a key can follow a `.` in an expression (`m.key`); otherwise it needs `m["key"]`. */
export function isPlainKey(key: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !['and', 'or', 'not', 'in', 'true', 'false', 'null'].includes(key.toLowerCase());
}

/** The expression that reads `key` of the value `parent` evaluates to. */
export function memberExpression(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return isPlainKey(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
