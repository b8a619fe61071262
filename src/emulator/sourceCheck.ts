/**
 * Deploy-time checking of workflow source, as Google does on `workflows.create`/`patch`: source
 * with errors is refused with 400 INVALID_ARGUMENT, a message starting with `failed to build:`
 * and each problem (line:column, code, message) in a `google.rpc.BadRequest` detail.
 */
import { LineIndex } from '../core/location';
import type { Span } from '../core/location';
import { lintText } from '../core/validate';
import { MAX_SOURCE_BYTES, sourceTooLarge, utf8Length } from '../core/validate/rules/sourceSize';
import type { Workflow } from '../core/model/types';
import { ApiError, invalidArgument } from './apiError';

/** One problem found in the source, with a 1-based position. */
export interface SourceProblem {
  line: number;
  column: number;
  code: string;
  message: string;
}

/** JSON when the first non-blank character opens an object or list; YAML otherwise. */
export function sourceFormat(text: string): 'yaml' | 'json' {
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/** Parses and validates the source and lists its errors (an empty list means it deploys). */
export function checkSource(text: string): { workflow: Workflow; problems: SourceProblem[] } {
  const { workflow, diagnostics } = lintText(text, { format: sourceFormat(text) });
  const index = new LineIndex(text);
  const at = (span: Span): { line: number; column: number } => {
    const p = index.positionAt(span.start);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const problems = diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ...at(d.span), code: d.code, message: d.message }));
  if (text.trim() === '' && problems.length === 0) {
    problems.push({ line: 1, column: 1, code: 'empty-source', message: 'the workflow source is empty' });
  }
  return { workflow, problems };
}

/**
 * The 400 error for source over 128 KB, or undefined when the size is fine. Checked before any
 * parsing, so a huge document costs no parse. [R] Google's limit is quoted by third parties only;
 * the emulator counts UTF-8 bytes of `sourceContents` (what the API receives) against 131,072.
 */
export function sizeError(text: string): ApiError | undefined {
  if (!sourceTooLarge(text)) return undefined;
  const bytes = utf8Length(text);
  return invalidArgument(`The workflow source is ${bytes} bytes, over the limit of ${MAX_SOURCE_BYTES} bytes (128 KB).`, [
    {
      '@type': 'type.googleapis.com/google.rpc.BadRequest',
      fieldViolations: [{ field: 'source_contents', description: `source size ${bytes} bytes exceeds the limit of ${MAX_SOURCE_BYTES} bytes` }],
    },
  ]);
}

/** The 400 error Google-style for source that does not build. */
export function buildError(problems: SourceProblem[]): ApiError {
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return invalidArgument(`failed to build: ${first.line}:${first.column}: ${first.message}${more}`, [
    {
      '@type': 'type.googleapis.com/google.rpc.BadRequest',
      fieldViolations: problems.map((p) => ({
        field: 'source_contents',
        description: `${p.line}:${p.column}: ${p.code}: ${p.message}`,
      })),
    },
  ]);
}
