/**
 * One clear message for an indentation slip. A line indented one space too few or too many makes
 * the `yaml` parser report several errors in its own words ("All mapping items must start at the
 * same column", "Implicit keys need to be on a single line", …), and the model built from the
 * misread tree adds structural complaints about lines that are fine. When the parser's errors say
 * "indentation", the validator reports only this: the line, its indentation, and the columns of
 * the keys it could belong with.
 */
import type { Diagnostic } from '../diagnostic';
import type { Workflow } from '../model/types';
import { diagnostic } from './messages';

/** Parser errors that come from indentation; for the compact-mapping one the slip is the next line. */
const ON_LINE = [/All mapping items must start at the same column/, /A block sequence may not be used as an implicit map key/];
const ON_NEXT_LINE = [/Nested mappings are not allowed in compact mappings/];

/** The diagnostic for the first indentation slip the parser tripped on, if any. */
export function indentationSlip(workflow: Workflow): Diagnostic | undefined {
  const text = workflow.text;
  for (const problem of workflow.problems) {
    if (problem.code !== 'yaml-syntax') continue;
    const next = ON_NEXT_LINE.some((re) => re.test(problem.message));
    if (!next && !ON_LINE.some((re) => re.test(problem.message))) continue;
    let start = text.lastIndexOf('\n', problem.span.start - 1) + 1;
    if (next) {
      const end = text.indexOf('\n', problem.span.start);
      if (end < 0) continue;
      start = end + 1;
    }
    const line = lineAt(text, start);
    if (!line) continue;
    const columns = nearbyColumns(text, start, line.indent);
    const key = /^(?:-\s+)*("?)([\w$.-]+)\1\s*:/.exec(line.content)?.[2];
    return diagnostic('yaml-indentation', { start: start + line.indent, end: start + line.indent + line.content.length }, [
      key ? `'${key}'` : 'This line',
      String(line.indent),
      listed(columns),
    ]);
  }
  return undefined;
}

function lineAt(text: string, start: number): { indent: number; content: string } | undefined {
  const end = text.indexOf('\n', start);
  const raw = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
  const content = raw.trim();
  return content === '' ? undefined : { indent: raw.length - raw.trimStart().length, content };
}

/**
 * The key columns of the blocks enclosing the lines above (each one shallower than the last),
 * within four columns of `indent`: where the slipped line could have meant to go.
 */
function nearbyColumns(text: string, lineStart: number, indent: number): number[] {
  const above = text.slice(0, lineStart).split(/\r?\n/).reverse();
  const columns = new Set<number>();
  let limit = Infinity;
  for (const raw of above) {
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const keyCol = raw.length - content.length + (/^(?:-\s+)*/.exec(content)?.[0].length ?? 0);
    if (keyCol >= limit) continue;
    limit = keyCol;
    if (keyCol !== indent && Math.abs(keyCol - indent) <= 4) columns.add(keyCol);
    if (keyCol === 0) break;
  }
  return [...columns].sort((a, b) => a - b);
}

/** `6`, `6 or 8`, `6, 8 or 10`. */
function listed(columns: number[]): string {
  if (columns.length <= 1) return columns.map(String).join('');
  return `${columns.slice(0, -1).join(', ')} or ${columns[columns.length - 1]}`;
}
