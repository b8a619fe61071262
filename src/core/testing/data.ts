/**
 * Comparing and printing test data: deep equality with numbers compared by value (`1` equals
 * `1.0`, as JSON cannot tell them apart either), the partial match that mock `args:` and
 * `result_includes` use, and a path-by-path diff for expected-versus-actual messages.
 */
import type { TestData } from './types';

function isNumber(v: TestData): v is bigint | number {
  return typeof v === 'bigint' || typeof v === 'number';
}

function numbersEqual(a: bigint | number, b: bigint | number): boolean {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  const [int, dbl] = typeof a === 'bigint' ? [a, b as number] : [b as bigint, a];
  return Number.isInteger(dbl) && BigInt(dbl) === int;
}

/** Deep equality: maps by keys (order ignored), lists in order, numbers by value. */
export function dataEquals(a: TestData, b: TestData): boolean {
  if (isNumber(a) && isNumber(b)) return numbersEqual(a, b);
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !dataEquals(v, b.get(k) as TestData)) return false;
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => dataEquals(v, b[i]));
  return a === b;
}

/**
 * A partial match: every key of an expected map must be present in the actual map and match,
 * recursively for maps; every other value (lists included) compares whole.
 */
export function dataIncludes(expected: TestData, actual: TestData): boolean {
  if (expected instanceof Map) {
    if (!(actual instanceof Map)) return false;
    for (const [k, v] of expected) if (!actual.has(k) || !dataIncludes(v, actual.get(k) as TestData)) return false;
    return true;
  }
  return dataEquals(expected, actual);
}

/** Compact JSON text of a value; integers print exactly. */
export function renderData(value: TestData): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(renderData).join(', ')}]`;
  return `{${[...value].map(([k, v]) => `${JSON.stringify(k)}: ${renderData(v)}`).join(', ')}}`;
}

/** At most this many differences are listed; the rest are counted. */
const MAX_DIFFS = 20;

/**
 * The differences between an expected and an actual value, one line per path:
 * `$.a.b: expected 1, got 2`, `$.c: missing`, `$.d: unexpected "x"`. With `partial`, keys of the
 * actual value the expected map does not name are not differences.
 */
export function diffData(expected: TestData, actual: TestData, partial = false): string[] {
  const out: string[] = [];
  walk(expected, actual, '$', partial, out);
  if (out.length > MAX_DIFFS) return [...out.slice(0, MAX_DIFFS), `... and ${out.length - MAX_DIFFS} more differences`];
  return out;
}

function walk(expected: TestData, actual: TestData, path: string, partial: boolean, out: string[]): void {
  if (expected instanceof Map && actual instanceof Map) {
    for (const [k, v] of expected) {
      const at = `${path}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`;
      if (!actual.has(k)) out.push(`${at}: missing (expected ${renderData(v)})`);
      else walk(v, actual.get(k) as TestData, at, partial, out);
    }
    if (!partial) for (const [k, v] of actual) if (!expected.has(k)) out.push(`${path}.${k}: unexpected ${renderData(v)}`);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    expected.forEach((v, i) => walk(v, actual[i], `${path}[${i}]`, false, out));
    return;
  }
  if (!dataEquals(expected, actual)) out.push(`${path}: expected ${renderData(expected)}, got ${renderData(actual)}`);
}
