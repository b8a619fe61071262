/**
 * The tokens of the expression language. Offsets are relative to the expression text (the
 * character after `${`), like the spans of AST nodes.
 */

/**
 * - `number`: `value` is the literal as written (`42`, `1.5`, `1e3`); `isInt` tells int from double.
 * - `string`: `value` is the decoded string (escapes resolved, quotes removed).
 * - `identifier`: `value` is the name, including mixed-case spellings of keywords (`And`).
 * - `keyword`: `and`, `or`, `not`, `in`; `value` is always lower-case, whatever the spelling.
 * - `boolean`: `value` is `true` or `false`, whatever the spelling.
 * - `null`: `value` is `null`.
 * - `punctuation`: `value` is the operator or bracket, see {@link Punctuation}.
 * - `eof`: the end of the text; `start === end === text.length`.
 * - `error`: a lexical error; `value` is the message.
 */
export type TokenKind =
  | 'number'
  | 'string'
  | 'identifier'
  | 'keyword'
  | 'boolean'
  | 'null'
  | 'punctuation'
  | 'eof'
  | 'error';

export type Punctuation =
  | '+' | '-' | '*' | '/' | '//' | '%'
  | '<' | '<=' | '>' | '>=' | '==' | '!='
  | '(' | ')' | '[' | ']' | '{' | '}'
  | ',' | ':' | '.';

/** One token; `start` inclusive and `end` exclusive, relative to the expression text. */
export interface Token {
  kind: TokenKind;
  value: string;
  start: number;
  end: number;
  /** For `number` tokens: true when written without `.` or exponent. */
  isInt: boolean;
}

const KEYWORDS: ReadonlyMap<string, { kind: 'keyword' | 'boolean' | 'null'; value: string }> = new Map([
  ['and', { kind: 'keyword', value: 'and' }],
  ['AND', { kind: 'keyword', value: 'and' }],
  ['or', { kind: 'keyword', value: 'or' }],
  ['OR', { kind: 'keyword', value: 'or' }],
  ['not', { kind: 'keyword', value: 'not' }],
  ['NOT', { kind: 'keyword', value: 'not' }],
  ['in', { kind: 'keyword', value: 'in' }],
  ['IN', { kind: 'keyword', value: 'in' }],
  ['true', { kind: 'boolean', value: 'true' }],
  ['True', { kind: 'boolean', value: 'true' }],
  ['TRUE', { kind: 'boolean', value: 'true' }],
  ['false', { kind: 'boolean', value: 'false' }],
  ['False', { kind: 'boolean', value: 'false' }],
  ['FALSE', { kind: 'boolean', value: 'false' }],
  ['null', { kind: 'null', value: 'null' }],
  ['Null', { kind: 'null', value: 'null' }],
  ['NULL', { kind: 'null', value: 'null' }],
]);

/**
 * Classifies a word: keywords are recognised only all-lower or ALL-UPPER [D datatypes]; booleans
 * also Capitalised [D datatypes]; `null` like the booleans, since Google's own demo
 * (workflows-bigquery-load) compares with `Null` [S]; anything else is an identifier.
 */
export function classifyWord(word: string): { kind: 'keyword' | 'boolean' | 'null' | 'identifier'; value: string } {
  return KEYWORDS.get(word) ?? { kind: 'identifier', value: word };
}

/** The keyword, boolean or null a word spells, or undefined for an identifier (no allocation). */
export function keywordOf(word: string): { readonly kind: 'keyword' | 'boolean' | 'null'; readonly value: string } | undefined {
  return KEYWORDS.get(word);
}

const KEYWORD_NAMES: ReadonlySet<string> = new Set(['and', 'or', 'not', 'in']);

/** True for `And`, `nOT`, …: a keyword spelt in mixed case, which the language reads as an identifier. */
export function isMiscasedKeyword(word: string): boolean {
  const lower = word.toLowerCase();
  return KEYWORD_NAMES.has(lower) && word !== lower && word !== word.toUpperCase();
}

/** How a token reads in an error message: `','`, `'foo'`, `"abc"`, or `the end of the expression`. */
export function describeToken(token: Token, text: string): string {
  if (token.kind === 'eof') return 'the end of the expression';
  const raw = text.slice(token.start, token.end);
  if (token.kind === 'string') return raw.length > 30 ? `${raw.slice(0, 27)}...` : raw;
  return `'${raw}'`;
}
