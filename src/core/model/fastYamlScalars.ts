/**
 * Scalar helpers of the fast YAML reader (fastYaml.ts): YAML 1.2 core-schema typing of plain
 * scalars exactly as the `yaml` package resolves them by default, and the checks that keep the
 * quoted scalars the reader accepts within what `decodeScalar` replays faithfully.
 */
/** Thrown (one shared instance) to abandon the fast path; the `yaml` package then reads the text. */
export const GIVE_UP: { readonly giveUp: true } = { giveUp: true };

const NULL_SOURCE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_SOURCE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_SOURCE = /^0o[0-7]+$/;
const DEC_SOURCE = /^[-+]?[0-9]+$/;
const HEX_SOURCE = /^0x[0-9a-fA-F]+$/;
const NAN_SOURCE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_SOURCE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_SOURCE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Whether a plain scalar starting with this character code can be anything but a string. */
function mayBeTyped(c: number): boolean {
  // digits + - . ~ n N t T f F
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
}

/** An integer as the `yaml` package gives it with `intAsBigInt`: exact, as a `bigint`. */
function intValue(source: string): bigint {
  return BigInt(source);
}

/** The value the core schema gives a plain scalar (tests in the `yaml` package's own order). */
export function plainValue(source: string): unknown {
  if (source.length === 0) return null;
  if (!mayBeTyped(source.charCodeAt(0))) return source;
  if (NULL_SOURCE.test(source)) return null;
  if (BOOL_SOURCE.test(source)) return source[0] === 't' || source[0] === 'T';
  if (OCT_SOURCE.test(source)) return intValue(source);
  if (DEC_SOURCE.test(source)) return intValue(source);
  if (HEX_SOURCE.test(source)) return intValue(source);
  if (NAN_SOURCE.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (EXP_SOURCE.test(source) || FLOAT_SOURCE.test(source)) return parseFloat(source);
  return source;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Escape letters after `\` that the `yaml` package decodes (a line break is handled apart). */
const SIMPLE_ESCAPES = new Set('0abefnrtvN_LP "/\\'.split('').map((c) => c.charCodeAt(0)));

/**
 * Checks the escapes of the double-quoted scalar whose content is `[from, to)`; gives up on one
 * the `yaml` package would report. Returns whether there was any escape.
 */
export function checkEscapes(text: string, from: number, to: number): boolean {
  let any = false;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    any = true;
    const c = text.charCodeAt(i + 1);
    if (c === 10 || c === 13 || SIMPLE_ESCAPES.has(c)) {
      i++;
      continue;
    }
    const digits = c === 120 ? 2 : c === 117 ? 4 : c === 85 ? 8 : 0;
    if (digits === 0 || i + 2 + digits > to) throw GIVE_UP;
    for (let k = i + 2; k < i + 2 + digits; k++) if (!isHexDigit(text.charCodeAt(k))) throw GIVE_UP;
    const code = parseInt(text.slice(i + 2, i + 2 + digits), 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw GIVE_UP;
    i += 1 + digits;
  }
  return any;
}
