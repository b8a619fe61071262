/**
 * Where completion can help in a test file: after `call:` (a call target), `step:` (a step of the
 * tested workflow) or an indented `workflow:` (a child workflow ID; the top-level `workflow:` is a
 * path). Read from the current line only, so it works in a half-written file.
 */
import type { Span } from '../location';

export interface TestCompletionContext {
  kind: 'call' | 'step' | 'workflow';
  /** What is typed so far. */
  prefix: string;
  /** The value to replace. */
  span: Span;
}

const LINE = /^(\s*)(?:-\s+)?(call|step|workflow):[ \t]*(["']?)([^\s"'#,}]*)$/;

export function testCompletionContext(text: string, offset: number): TestCompletionContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const m = LINE.exec(before) ?? /[{,]\s*(call|step|workflow):[ \t]*(["']?)([^\s"'#,}]*)$/.exec(before);
  if (!m) return undefined;
  const [indent, key, prefix] = m.length === 5 ? [m[1], m[2], m[4]] : [' ', m[1], m[3]];
  if (key === 'workflow' && indent === '') return undefined;
  return { kind: key as TestCompletionContext['kind'], prefix, span: { start: offset - prefix.length, end: offset } };
}
