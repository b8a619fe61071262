/**
 * Test helpers for the validator: documents written line by line (so `${...}` needs no escaping
 * and line numbers are the argument indexes), and diagnostics flattened to readable, exact records.
 */
import { LineIndex } from '../../../src/core/location';
import { MODEL_MESSAGES } from '../../../src/core/model/problems';
import { lintText } from '../../../src/core/validate';
import { MESSAGES, messageFor, type DiagnosticCode } from '../../../src/core/validate/messages';

/** A YAML (or JSON) document from its lines; line N of the document is argument N (0-based). */
export function doc(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A diagnostic as the tests compare it: 0-based `line:char-line:char` range plus the text it covers. */
export interface Found {
  code: string;
  severity: string;
  message: string;
  range: string;
  text: string;
  related?: { range: string; message: string }[];
  data?: Record<string, string>;
}

/** Lints `text` and returns every diagnostic, in order, as `Found` records. */
export function lint(text: string, format?: 'yaml' | 'json'): Found[] {
  const index = new LineIndex(text);
  const range = (span: { start: number; end: number }) => {
    const a = index.positionAt(span.start);
    const b = index.positionAt(span.end);
    return `${a.line}:${a.character}-${b.line}:${b.character}`;
  };
  return lintText(text, format ? { format } : undefined).diagnostics.map((d) => {
    const f: Found = { code: d.code, severity: d.severity, message: d.message, range: range(d.span), text: text.slice(d.span.start, d.span.end) };
    if (d.related) f.related = d.related.map((r) => ({ range: range(r.span), message: r.message }));
    if (d.data) f.data = d.data;
    return f;
  });
}

export interface Extras {
  suggestion?: string;
  related?: { range: string; message: string }[];
}

/** The expected record for `code` with the table's message and severity. */
export function expected<C extends DiagnosticCode>(
  code: C,
  args: Parameters<(typeof MESSAGES)[C]['message']>,
  range: string,
  text: string,
  extras: Extras = {},
): Found {
  const f: Found = { code, severity: MESSAGES[code].severity, message: messageFor(code, args, extras.suggestion), range, text };
  if (extras.related) f.related = extras.related;
  if (extras.suggestion !== undefined) f.data = { suggestion: extras.suggestion };
  return f;
}

/** What an empty document gives: the model's problem and nothing from any rule. */
export const EMPTY: Found[] = [
  { code: 'empty-document', severity: 'error', message: MODEL_MESSAGES['empty-document'](), range: '0:0-0:0', text: '' },
];

/** The record of a model problem (the model's own message table). */
export function problem<C extends keyof typeof MODEL_MESSAGES>(
  code: C,
  args: Parameters<(typeof MODEL_MESSAGES)[C]>,
  range: string,
  text: string,
): Found {
  const message = (MODEL_MESSAGES[code] as (...a: string[]) => string)(...(args as string[]));
  return { code, severity: 'error', message, range, text };
}
