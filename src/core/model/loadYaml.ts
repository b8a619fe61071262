/**
 * Parses the source with the `yaml` package (JSON is parsed the same way: YAML 1.2 flow syntax
 * keeps every range) and turns its errors into model problems.
 *
 * One lenient construct is accepted on purpose: a quoted scalar whose continuation lines are
 * indented less than (or as much as) its key. YAML 1.2 parsers reject it, PyYAML and real workflow
 * sources use it. Such a scalar is reported as `yaml-indentation-compat` (the validator makes it a
 * warning) and the document is parsed again with the scalar's line breaks blanked out, which keeps
 * every offset; the builder then decodes that scalar's value from the original text.
 */
import { isMap, parseAllDocuments, visit } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { Span } from '../location';
import type { ModelProblem } from './types';
import { modelProblem } from './problems';

const OPTIONS = { keepSourceTokens: true, prettyErrors: false, uniqueKeys: false } as const;

export interface LoadedYaml {
  /** The first document; undefined for an empty stream. */
  doc: Document.Parsed | undefined;
  problems: ModelProblem[];
  /** Start offsets of the quoted scalars repaired for `yaml-indentation-compat`. */
  repaired: Set<number>;
}

export function loadYaml(text: string): LoadedYaml {
  let docs = parseAllDocuments(text, OPTIONS);
  const problems: ModelProblem[] = [];
  const repaired = new Set<number>();
  const first = docs[0] as Document.Parsed | undefined;
  const repair = first && repairQuotedContinuations(text, first.errors);
  if (repair) {
    const again = parseAllDocuments(repair.text, OPTIONS);
    if (again.length > 0 && !again[0].errors.some(isMissingQuote)) {
      docs = again;
      for (const span of repair.spans) {
        repaired.add(span.start);
        problems.push(modelProblem('yaml-indentation-compat', span));
      }
    }
  }
  const doc = docs[0] as Document.Parsed | undefined;
  if (doc) {
    for (const error of doc.errors) problems.push(syntaxProblem(error, text.length));
    checkDuplicateKeys(doc, problems);
  }
  if (docs.length > 1) {
    const second = docs[1] as Document.Parsed;
    problems.push(modelProblem('multiple-documents', { start: second.range[0], end: second.range[1] }));
  }
  return { doc, problems, repaired };
}

function syntaxProblem(error: YAMLError, length: number): ModelProblem {
  const start = Math.min(error.pos[0], length);
  const end = Math.max(start, Math.min(error.pos[1], length));
  return modelProblem('yaml-syntax', { start, end }, error.message);
}

function isMissingQuote(error: YAMLError): boolean {
  return error.code === 'MISSING_CHAR' && /^Missing closing ["']quote/.test(error.message);
}

/** Reports the second and later occurrences of a key in every map of the document. */
function checkDuplicateKeys(doc: Document.Parsed, problems: ModelProblem[]): void {
  visit(doc, {
    Map(_, map) {
      if (!isMap(map) || map.items.length < 2) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key as { value?: unknown; source?: unknown; range?: [number, number, number] } | null;
        if (!key || key.value === undefined || key.value === null || typeof key.value === 'object') continue;
        const name = typeof key.value === 'string' ? key.value : String(key.source ?? key.value);
        if (seen.has(name)) {
          const range = key.range ?? [0, 0, 0];
          problems.push(modelProblem('duplicate-key', { start: range[0], end: range[1] }, name));
        } else seen.add(name);
      }
    },
  });
}

/**
 * Finds the quoted scalars behind "Missing closing quote" errors whose closing quote does exist on a
 * later line, and blanks their line breaks (same length, so offsets are unchanged).
 */
function repairQuotedContinuations(text: string, errors: YAMLError[]): { text: string; spans: Span[] } | undefined {
  const spans: Span[] = [];
  for (const error of errors) {
    if (!isMissingQuote(error)) continue;
    if (spans.some((s) => s.start <= error.pos[0] && error.pos[0] < s.end)) continue;
    const quote = error.message.startsWith("Missing closing '") ? "'" : '"';
    const span = findScalarAround(text, error.pos[0], quote);
    if (span && !spans.some((s) => s.start === span.start)) spans.push(span);
  }
  if (spans.length === 0) return undefined;
  const chars = text.split('');
  for (const span of spans) {
    for (let i = span.start; i < span.end; i++) if (chars[i] === '\n' || chars[i] === '\r') chars[i] = ' ';
  }
  return { text: chars.join(''), spans };
}

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
