/**
 * The language's two number types at their edges, in one place: the int64 range of integers and
 * the text of doubles. Every layer that reads, checks or prints a number (YAML/JSON literals, the
 * expression lexer, operators, the standard library, the JSON codec, the CLI and the tree) uses
 * these, so that `9223372036854775807` means the same thing everywhere.
 */

/** The smallest integer, -2^63. */
export const INT64_MIN = -(2n ** 63n);
/** The largest integer, 2^63 - 1. */
export const INT64_MAX = 2n ** 63n - 1n;

/** The largest magnitude up to which every integer is exactly a double, 2^53 - 1. */
export const MAX_EXACT_DOUBLE = BigInt(Number.MAX_SAFE_INTEGER);

/** Whether the integer `n` survives a trip through a double (a JS number) unchanged. */
export function fitsDouble(n: bigint): boolean {
  return n >= -MAX_EXACT_DOUBLE && n <= MAX_EXACT_DOUBLE;
}

/** Whether `n` is a signed 64-bit integer. */
export function isInt64(n: bigint): boolean {
  return n >= INT64_MIN && n <= INT64_MAX;
}

/**
 * The message of the ValueError raised when an integer leaves the int64 range: `what` is `result`
 * for computed values and `literal` for integers written in the source; `fn` names the standard
 * library function that computed it, if any.
 */
export function int64OverflowMessage(n: bigint | string, what: 'result' | 'literal' = 'result', fn?: string): string {
  return `${fn ? `${fn}: i` : 'I'}nteger overflow: the ${what} ${n} does not fit in 64 bits`;
}

/** Whether a decimal integer literal (optional sign, digits) lies outside int64; cheap for short ones. */
export function int64LiteralOverflows(literal: string): boolean {
  const digits = literal.length - (literal[0] === '-' || literal[0] === '+' ? 1 : 0);
  // 18 digits or fewer always fit: skipping BigInt for them keeps integers cheap.
  return digits >= 19 && !isInt64(BigInt(literal));
}

/**
 * The text of a double as `string()`, `+` with a string and JSON output show it: JavaScript's
 * shortest round-trip form, so an integral double prints like an integer (`2.0` → `2`) [R], and
 * negative zero prints as `0`.
 */
export function formatDouble(d: number): string {
  return Object.is(d, -0) ? '0' : String(d);
}
