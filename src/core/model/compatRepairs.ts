/**
 * Same-length repairs of two constructs that YAML 1.2 (and so the `yaml` package) rejects but
 * workflow sources use. Each repair keeps every offset, so spans still index the original text,
 * and names the start offsets of the repaired scalars, whose values the builder decodes from the
 * original text.
 *
 * - A quoted scalar whose continuation lines are indented less than (or as much as) its key.
 *   PyYAML accepts it and real workflows use it (`yaml-indentation-compat`): its line breaks are
 *   blanked out.
 * - An unquoted expression inside a flow collection (`args: [${x}, "ERROR"]`, `range: [1, ${n}]`),
 *   as Google's documentation writes it; YAML reads `{` there as the start of a flow map
 *   (`yaml-flow-expression-compat`): the flow indicators inside the expression are blanked out.
 *
 * A repair is only kept when parsing again leaves no error inside the repaired scalars.
 */
import type { YAMLError } from 'yaml';
import type { Span } from '../location';

/** A repaired text and the spans of the repaired scalars; undefined when there is nothing to repair. */
export type Repair = (text: string, errors: YAMLError[]) => { text: string; spans: Span[] } | undefined;

function isMissingQuote(error: YAMLError): boolean {
  return error.code === 'MISSING_CHAR' && /^Missing closing ["']quote/.test(error.message);
}

/** Replaces the characters of `text` in `spans` that match `pattern` with `by` (one character). */
function blank(text: string, spans: Span[], pattern: RegExp, by: string): string {
  const chars = text.split('');
  for (const span of spans) {
    for (let i = span.start; i < span.end; i++) if (pattern.test(chars[i])) chars[i] = by;
  }
  return chars.join('');
}

/**
 * Finds the quoted scalars behind "Missing closing quote" errors whose closing quote does exist on a
 * later line, and blanks their line breaks (same length, so offsets are unchanged).
 */
export const repairQuotedContinuations: Repair = (text, errors) => {
  const spans: Span[] = [];
  for (const error of errors) {
    if (!isMissingQuote(error)) continue;
    if (spans.some((s) => s.start <= error.pos[0] && error.pos[0] < s.end)) continue;
    const quote = error.message.startsWith("Missing closing '") ? "'" : '"';
    const span = findScalarAround(text, error.pos[0], quote);
    if (span && !spans.some((s) => s.start === span.start)) spans.push(span);
  }
  if (spans.length === 0) return undefined;
  return { text: blank(text, spans, /[\r\n]/, ' '), spans };
};

/** The quoted scalar that opens on the line of `pos` (or up to 20 lines above) and closes after it. */
function findScalarAround(text: string, pos: number, quote: string): Span | undefined {
  let lineEnd = text.indexOf('\n', pos);
  if (lineEnd < 0) lineEnd = text.length;
  let lineStart = text.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
  for (let lines = 0; lines < 20; lines++) {
    for (let i = lineStart; i < lineEnd; i++) {
      if (text[i] !== quote || (i > lineStart && !/[\s[{,]/.test(text[i - 1]))) continue;
      const close = closingQuote(text, i, quote);
      if (close > lineEnd && close >= pos && endsCleanly(text, close + 1)) return { start: i, end: close + 1 };
      if (close < 0) break;
      i = close;
    }
    if (lineStart === 0) return undefined;
    lineEnd = lineStart - 1;
    lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
  }
  return undefined;
}

/** Whether a scalar ending at `end` is followed by the end of the line, a comment or a flow indicator. */
function endsCleanly(text: string, end: number): boolean {
  return /^[ \t]*(?:$|[\r\n#,\]}:])/.test(text.slice(end, end + 200));
}

/** The offset of the quote closing the scalar opened at `open`, or -1. */
function closingQuote(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * Finds the unquoted single-line `${...}` around each error that sits in a flow collection (after
 * `[`, `,`, `{`, or a `:` inside `{...}`), and blanks the flow indicators inside it so that YAML
 * reads one plain scalar. Block values (`key: ${...}`) are left alone: there, YAML's complaint
 * (usually an unquoted `: `) is real.
 */
export const repairFlowExpressions: Repair = (text, errors) => {
  const spans: Span[] = [];
  for (const error of errors) {
    const pos = error.pos[0];
    if (spans.some((s) => s.start <= pos && pos <= s.end)) continue;
    const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    // lastIndexOf clamps a negative fromIndex to 0, so stop explicitly after offset 0.
    for (let start = text.lastIndexOf('${', pos); start >= lineStart; start = start > 0 ? text.lastIndexOf('${', start - 1) : -1) {
      const end = expressionEnd(text, start);
      if (end < 0 || end < pos) continue;
      if (inFlowPosition(text, lineStart, start)) spans.push({ start, end });
      break;
    }
  }
  if (spans.length === 0) return undefined;
  return { text: blank(text, spans.map((s) => ({ start: s.start + 1, end: s.end })), /[{}[\],:#]/, '_'), spans };
};

/** Whether what precedes `start` (on its line, or on the previous non-blank line) opens or continues a flow collection. */
function inFlowPosition(text: string, lineStart: number, start: number): boolean {
  let before = text.slice(lineStart, start);
  if (before.trim() === '') {
    const previous = text.slice(0, Math.max(0, lineStart - 1)).split(/\r?\n/).reverse().find((l) => l.trim() !== '');
    before = previous ?? '';
  }
  if (/[[{,]\s*$/.test(before)) return true;
  return /:\s*$/.test(before) && before.split('{').length > before.split('}').length;
}

/** The end (after the closing `}`) of the expression opened by `${` at `start`, on the same line; -1 if none. */
function expressionEnd(text: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return -1;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return c === '}' ? i + 1 : -1;
    }
  }
  return -1;
}
