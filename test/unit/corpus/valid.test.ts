/**
 * Every workflow of the shared valid corpus lints without errors (warnings are allowed), except
 * templated sources (not deployable as written) and the few files of `validCorpus.ts` that are not valid
 * workflows either, whose exact errors are asserted instead.
 */
import { deepStrictEqual } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex } from '../../../src/core/location';
import { lintText } from '../../../src/core/validate';
import { CORPUS, manifest, NOT_DEPLOYABLE, type Row } from './validCorpus';

function errorsOf(row: Row): string[] {
  const text = fs.readFileSync(path.join(CORPUS, row.file), 'utf8');
  const index = new LineIndex(text);
  return lintText(text, { format: row.format === 'json' ? 'json' : 'yaml' })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => {
      const p = index.positionAt(d.span.start);
      return `${p.line + 1}:${p.character + 1} ${d.code} ${text.slice(d.span.start, d.span.end)}`;
    });
}

describe('valid corpus', () => {
  const rows = manifest().filter((row) => !row.notes.startsWith('templated'));

  it('has the files the manifest lists', () => {
    deepStrictEqual(rows.filter((row) => !fs.existsSync(path.join(CORPUS, row.file))), []);
  });

  for (const row of rows) {
    const known = NOT_DEPLOYABLE[row.file];
    if (known) {
      it(`reports exactly the known errors in ${row.file} (${known.why})`, () => {
        deepStrictEqual(errorsOf(row), known.errors);
      });
    } else {
      it(`reports no error in ${row.file}`, () => {
        deepStrictEqual(errorsOf(row), []);
      });
    }
  }
});
