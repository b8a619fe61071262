/**
 * Syntax-error messages of the expression language (one table, imported by tests) and the
 * renderer that turns an error into `line:col` plus a caret snippet, on request only.
 */
import { LineIndex } from '../location';
import type { ExprSyntaxError } from './ast';

/** Every syntax-error message the lexer and parser produce. */
export const EXPR_MESSAGES = {
  emptyExpression: 'the expression is empty',
  unterminatedString: 'unterminated string',
  badUnicodeEscape: "'\\u' must be followed by 4 hexadecimal digits",
  unknownEscape: (escape: string) =>
    `unknown escape sequence '${escape}' (known: \\" \\' \\\\ \\n \\t \\r \\uXXXX)`,
  missingExponentDigits: (literal: string) => `expected digits in the exponent of '${literal}'`,
  invalidNumber: (literal: string) => `invalid number '${literal}'`,
  numberOutOfRange: (literal: string, isInt: boolean) =>
    isInt ? `integer ${literal} does not fit in 64 bits` : `number ${literal} is too large`,
  unexpectedCharacter: (char: string) => `unexpected character '${char}'`,
  singleEquals: "unexpected '=': use '==' to compare",
  bang: "unexpected '!': use 'not' to negate, or '!=' to compare",
  ampersand: "unexpected '&': use 'and'",
  pipe: "unexpected '|': use 'or'",
  expectedExpression: (found: string) => `expected an expression, found ${found}`,
  unexpectedToken: (found: string) => `unexpected token ${found}`,
  miscasedKeyword: (word: string) =>
    `unexpected '${word}': keywords are all lower-case or all upper-case ('${word.toLowerCase()}' or '${word.toUpperCase()}')`,
  notClosed: (open: string) => `'${open}' is not closed`,
  expectedClose: (close: string, found: string) => `expected '${close}', found ${found}`,
  expectedCommaOrClose: (close: string, found: string) => `expected ',' or '${close}', found ${found}`,
  expectedColon: (found: string) => `expected ':' after the map key, found ${found}`,
  expectedPropertyName: (found: string) => `expected a property name after '.', found ${found}`,
  expectedInAfterNot: (found: string) => `expected 'in' after 'not', found ${found}`,
  chainedComparison: (operator: string) =>
    `comparisons cannot be chained: '${operator}' follows another comparison; join them with 'and' or add parentheses`,
  tooDeep: (limit: number) => `the expression is nested too deeply (more than ${limit} levels)`,
  slice: "slices such as 'a[i:j]' are not part of the language: use text.substring for strings",
  notAssignable: 'only a variable, optionally followed by .key or [index], can be assigned to',
  notCallable: 'only a function name can be called, like len(x), text.split(s, ",") or my_subworkflow(x)',
} as const;

/**
 * Renders a syntax error for a terminal: the message, the 1-based `line:col` of its start within
 * `text`, and the offending line with carets under the span.
 *
 * ```
 * unexpected token ',' (1:5)
 *  | a + , b
 *  |     ^
 * ```
 */
export function formatSyntaxError(text: string, error: ExprSyntaxError): string {
  const lines = new LineIndex(text);
  const start = lines.positionAt(error.span.start);
  const lineStart = lines.offsetAt({ line: start.line, character: 0 });
  const nextLineStart = lines.offsetAt({ line: start.line + 1, character: 0 });
  let lineEnd = start.line + 1 < lines.lineCount ? nextLineStart : text.length;
  while (lineEnd > lineStart && (text.charCodeAt(lineEnd - 1) === 10 || text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
  const line = text.slice(lineStart, lineEnd);
  // Keep tabs in the caret line so the carets line up under tab-indented text.
  const pad = line.slice(0, start.character).replace(/[^\t]/g, ' ');
  const width = Math.max(1, Math.min(error.span.end, lineEnd) - error.span.start);
  return `${error.message} (${start.line + 1}:${start.character + 1})\n | ${line}\n | ${pad}${'^'.repeat(width)}`;
}
