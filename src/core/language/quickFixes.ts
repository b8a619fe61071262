/**
 * Quick fixes computed from a core diagnostic, for the language server and the VS Code glue alike:
 * "Change to 'x'" for every diagnostic carrying a did-you-mean suggestion (keys, `next` targets,
 * functions, call targets, connector methods, variables, log severities), and "Add 'x' to shared"
 * for a write to a parent variable from a parallel branch. Pure (no `vscode` import).
 */
import type { Diagnostic } from '../diagnostic';
import type { Span } from '../location';
import { stepAt } from '../model/query';
import type { ParallelStep, Workflow } from '../model/types';

/** The core code for a write to a parent variable from a parallel branch that is not `shared`. */
export const UNSHARED_PARALLEL_WRITE = 'unshared-parallel-write';

export interface QuickFix {
  title: string;
  /** Replacements in the document, as offsets of the text the diagnostic was computed on. */
  edits: { span: Span; newText: string }[];
  isPreferred: boolean;
}

export interface QuickFixSource {
  readonly text: string;
  readonly format: 'yaml' | 'json';
  readonly workflow: Workflow;
}

/** The fixes for one diagnostic (only its code, span and data are read). */
export function quickFixes(source: QuickFixSource, diagnostic: Pick<Diagnostic, 'code' | 'span' | 'data'>): QuickFix[] {
  const out: QuickFix[] = [];
  const suggestion = diagnostic.data?.suggestion;
  if (typeof suggestion === 'string') out.push(replaceWith(source.text, diagnostic.span, suggestion));
  if (diagnostic.code === UNSHARED_PARALLEL_WRITE) {
    const fix = addToShared(source, diagnostic.span);
    if (fix) out.push(fix);
  }
  return out;
}

function replaceWith(text: string, span: Span, suggestion: string): QuickFix {
  let { start, end } = span;
  const shown = text.slice(start, end);
  // Keep the quotes of a quoted key or value: replace only what is between them.
  if (shown.length >= 2 && (shown[0] === '"' || shown[0] === "'") && shown[shown.length - 1] === shown[0]) {
    start++;
    end--;
  }
  return { title: `Change to '${suggestion}'`, edits: [{ span: { start, end }, newText: suggestion }], isPreferred: true };
}

function addToShared(source: QuickFixSource, span: Span): QuickFix | undefined {
  const name = /[A-Za-z_]\w*/.exec(source.text.slice(span.start, span.end))?.[0];
  const ancestry = stepAt(source.workflow, span.start)?.ancestry ?? [];
  const parallel = ancestry.flatMap((c) => (c.kind === 'branch' || c.kind === 'parallel-for' ? [c.step] : [])).pop();
  if (!name || !parallel) return undefined;
  const [offset, newText] = sharedInsertion(source.text, source.format === 'json', parallel, name);
  return { title: `Add '${name}' to shared`, edits: [{ span: { start: offset, end: offset }, newText }], isPreferred: true };
}

/** Where and what to insert to list `name` in the parallel block's `shared`, in YAML or JSON. */
function sharedInsertion(text: string, json: boolean, step: ParallelStep, name: string): [number, string] {
  const shared = step.parallel.shared;
  if (shared.length > 0) {
    const last = shared[shared.length - 1];
    const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1;
    const before = text.slice(lineStart, last.span.start);
    if (!json && /^\s*-\s*$/.test(before)) {
      const lineEnd = text.indexOf('\n', last.span.end);
      return [lineEnd < 0 ? text.length : lineEnd, `\n${before}${name}`];
    }
    const end = json && text[last.span.end] === '"' ? last.span.end + 1 : last.span.end;
    return [end, json ? `, "${name}"` : `, ${name}`];
  }
  const sharedKey = step.parallel.keys.find((k) => k.value === 'shared');
  const emptyList = sharedKey && /^"?\s*:\s*\[\s*/.exec(text.slice(sharedKey.span.end));
  if (sharedKey && emptyList && text[sharedKey.span.end + emptyList[0].length] === ']') {
    return [sharedKey.span.end + emptyList[0].length, json ? `"${name}"` : name];
  }
  const first = step.parallel.keys[0];
  let at = first ? first.span.start : step.parallel.span.start;
  if (json && text[at - 1] === '"') at--;
  const indent = at - (text.lastIndexOf('\n', at - 1) + 1);
  if (json) return [at, `"shared": ["${name}"], `];
  return [at, `shared: [${name}]\n${' '.repeat(indent)}`];
}
