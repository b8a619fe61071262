/**
 * The language's operators over runtime values, following Google's type rules
 * (WORKFLOWS-LANGUAGE.md §2.4). Ints are bigint and never wrap: a result outside int64 raises a
 * ValueError [R: the documentation's overflow sentence is truncated; an error is the safe reading].
 */
import { formatDouble, int64OverflowMessage, isInt64 } from '../../core/numbers';
import { workflowError } from '../errors';
import { typeOf, type Value } from '../value';

/**
 * Returns `n` if it fits a signed 64-bit integer, else raises ValueError (naming `fn`, the
 * standard library function that computed it, if any).
 */
export function checkInt64(n: bigint, fn?: string): bigint {
  if (!isInt64(n)) throw workflowError('ValueError', int64OverflowMessage(n, 'result', fn));
  return n;
}

/**
 * How `+` renders a number or boolean next to a string (the same text `string()` gives):
 * ints in decimal, doubles in the shortest round-trip form, booleans as `true`/`false`.
 */
export function scalarText(value: Value): string {
  if (typeof value === 'number') return formatDouble(value);
  return String(value);
}


function isNumber(v: Value): v is bigint | number {
  return typeof v === 'bigint' || typeof v === 'number';
}

function typeError(op: string, left: Value, right: Value): never {
  throw workflowError('TypeError', `Unsupported operand types for ${op}: "${typeOf(left)}" and "${typeOf(right)}"`);
}

/** `+`: numbers add (int + int stays int), anything + string or string + anything-scalar concatenates. */
export function add(left: Value, right: Value): Value {
  if (typeof left === 'bigint' && typeof right === 'bigint') return checkInt64(left + right);
  if (isNumber(left) && isNumber(right)) return Number(left) + Number(right);
  const leftText = typeof left === 'string' || isNumber(left) || (typeof left === 'boolean' && typeof right === 'string');
  const rightText = typeof right === 'string' || isNumber(right) || (typeof right === 'boolean' && typeof left === 'string');
  if ((typeof left === 'string' || typeof right === 'string') && leftText && rightText) {
    return scalarText(left) + scalarText(right);
  }
  return typeError('+', left, right);
}

/** `-`, `*`: int op int → int; any double → double; anything else → TypeError. */
export function arithmetic(op: '-' | '*', left: Value, right: Value): Value {
  if (typeof left === 'bigint' && typeof right === 'bigint') return checkInt64(op === '-' ? left - right : left * right);
  if (isNumber(left) && isNumber(right)) {
    const a = Number(left);
    const b = Number(right);
    return op === '-' ? a - b : a * b;
  }
  return typeError(op, left, right);
}

function zeroDivision(op: string, left: Value, right: Value): never {
  throw workflowError('ZeroDivisionError', `Division by zero: ${typeOf(left)} ${op} ${typeOf(right)}`);
}

function isZero(v: bigint | number): boolean {
  return typeof v === 'bigint' ? v === 0n : v === 0;
}

/** `/` (always a double), `//` (floor) and `%` (sign of the divisor), Python style. */
export function divide(op: '/' | '//' | '%', left: Value, right: Value): Value {
  if (!isNumber(left) || !isNumber(right)) return typeError(op, left, right);
  if (isZero(right)) return zeroDivision(op, left, right);
  if (op === '/') return Number(left) / Number(right);
  if (typeof left === 'bigint' && typeof right === 'bigint') {
    const rem = left % right;
    const adjust = rem !== 0n && rem < 0n !== right < 0n;
    if (op === '%') return adjust ? rem + right : rem;
    return checkInt64(left / right - (adjust ? 1n : 0n));
  }
  const a = Number(left);
  const b = Number(right);
  if (op === '//') return Math.floor(a / b);
  const rem = a % b;
  return rem !== 0 && rem < 0 !== b < 0 ? rem + b : rem;
}

/** Unary `-` on numbers. */
export function negate(operand: Value): Value {
  if (typeof operand === 'bigint') return checkInt64(-operand);
  if (typeof operand === 'number') return -operand;
  throw workflowError('TypeError', `Unsupported operand type for unary -: "${typeOf(operand)}"`);
}

/** Compares strings by Unicode code point (not UTF-16 unit). */
function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(j) as number;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  if (i < a.length) return 1;
  if (j < b.length) return -1;
  return 0;
}

/** `<`, `<=`, `>`, `>=`: numbers (int and double mixed) or strings; anything else → TypeError. */
export function compare(op: '<' | '<=' | '>' | '>=', left: Value, right: Value): boolean {
  let c: number;
  if (isNumber(left) && isNumber(right)) {
    // JavaScript compares bigint with number exactly.
    c = left < right ? -1 : left > right ? 1 : 0;
    if (Number.isNaN(left) || Number.isNaN(right)) return false;
  } else if (typeof left === 'string' && typeof right === 'string') {
    c = compareCodePoints(left, right);
  } else {
    return typeError(op, left, right);
  }
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** `==`: deep equality; int and double compare numerically; different kinds are unequal. */
export function equals(left: Value, right: Value): boolean {
  if (isNumber(left) && isNumber(right)) return left == right; // eslint-disable-line eqeqeq -- bigint/number numeric equality
  if (left === null || right === null) return left === right;
  if (typeof left !== 'object' || typeof right !== 'object') return left === right;
  if (left instanceof Uint8Array || right instanceof Uint8Array) {
    if (!(left instanceof Uint8Array && right instanceof Uint8Array) || left.length !== right.length) return false;
    return left.every((b, i) => b === right[i]);
  }
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, i) => equals(item, right[i]));
  }
  if (left.size !== right.size) return false;
  for (const [k, v] of left) {
    if (!right.has(k) || !equals(v, right.get(k) as Value)) return false;
  }
  return true;
}

/** `in`: element of a list or key of a map. */
export function contains(needle: Value, haystack: Value): boolean {
  if (Array.isArray(haystack)) return haystack.some((item) => equals(needle, item));
  if (haystack instanceof Map) return typeof needle === 'string' && haystack.has(needle);
  throw workflowError('TypeError', `The argument of 'in' must be a dict or an array; got: ${typeOf(haystack)}`);
}

/** Requires a boolean operand for `and`, `or`, `not` and conditions. */
export function requireBoolean(value: Value, what: string): boolean {
  if (typeof value !== 'boolean') throw workflowError('TypeError', `${what} requires a boolean, got: ${typeOf(value)}`);
  return value;
}
