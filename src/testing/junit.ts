/**
 * JUnit XML, the report CI servers read (Jenkins, GitLab, GitHub Actions reporters): one
 * `<testsuite>` per test file, one `<testcase>` per test, a `<failure>` with the message for a
 * failed test, and the test's `sys.log` output as `<system-out>`.
 */

/** What the report needs of a test result. */
export interface JUnitCase {
  file: string;
  name: string;
  status: 'passed' | 'failed';
  message?: string;
  durationMs: number;
  logs: string[];
}

/** Escapes text for XML content and attributes; characters XML 1.0 cannot hold are dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

export function toJUnit(results: readonly JUnitCase[]): string {
  const files = new Map<string, JUnitCase[]>();
  for (const r of results) files.set(r.file, [...(files.get(r.file) ?? []), r]);
  const total = (list: readonly JUnitCase[]): string =>
    `tests="${list.length}" failures="${list.filter((r) => r.status === 'failed').length}" errors="0" skipped="0" time="${seconds(list.reduce((s, r) => s + r.durationMs, 0))}"`;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="cloud-workflows test" ${total(results)}>`];
  for (const [file, list] of files) {
    out.push(`  <testsuite name="${xmlEscape(file)}" ${total(list)}>`);
    for (const r of list) {
      const open = `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(r.name)}" time="${seconds(r.durationMs)}"`;
      const body: string[] = [];
      if (r.status === 'failed') {
        const message = r.message ?? 'failed';
        body.push(`      <failure message="${xmlEscape(message.split('\n')[0])}" type="AssertionError">${xmlEscape(message)}</failure>`);
      }
      if (r.logs.length > 0) body.push(`      <system-out>${xmlEscape(r.logs.join('\n'))}</system-out>`);
      out.push(body.length === 0 ? `${open}/>` : `${open}>`, ...body, ...(body.length === 0 ? [] : ['    </testcase>']));
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
