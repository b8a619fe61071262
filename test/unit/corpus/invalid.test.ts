/**
 * Every file of the shared invalid corpus gets the error its NOTES.tsv describes: the right code,
 * naming the right symbol, on the line that the note and the file's own comments point to.
 */
import { deepStrictEqual, ok } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex } from '../../../src/core/location';
import { lintText } from '../../../src/core/validate';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'invalid');

interface Note {
  file: string;
  expected: string;
}

function notes(): Note[] {
  const lines = fs.readFileSync(path.join(CORPUS, 'NOTES.tsv'), 'utf8').split(/\r?\n/);
  const header = lines[0].split('\t');
  deepStrictEqual(['file', 'expected_error'].filter((name) => !header.includes(name)), [], 'columns missing from the header');
  return lines
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'))
    .map((cells) => ({ file: cells[header.indexOf('file')], expected: cells[header.indexOf('expected_error')] }));
}

/** The symbol the note is about: Google's `symbol '…'`, else the `variable '…'` it names. */
function symbolOf(note: string): string {
  const match = /symbol '(\w+)'/.exec(note) ?? /variable '(\w+)'/.exec(note);
  ok(match, `no symbol in note: ${note}`);
  return match[1];
}

/** Assigning a parent variable not in `shared` has its own code; every other note is an undefined symbol. */
function codeOf(note: string): string {
  return note.includes('not listed in parallel.shared') ? 'unshared-parallel-write' : 'undefined-variable';
}

/**
 * The 1-based line of the offending use: the live (uncommented) line mentioning the symbol that the
 * sample's own comment marks ("not allowed", "deployment error"), else the last live line using it.
 */
function lineOf(text: string, symbol: string): number {
  const word = new RegExp(`\\b${symbol}\\b`);
  const live = text
    .split('\n')
    .map((line, i) => {
      const hash = line.indexOf(' #');
      return { number: i + 1, code: hash >= 0 ? line.slice(0, hash) : line, comment: hash >= 0 ? line.slice(hash) : '' };
    })
    .filter((line) => !line.code.trim().startsWith('#') && word.test(line.code));
  const marked = live.find((line) => /not allowed|deployment error/.test(line.comment));
  ok(live.length > 0, `symbol ${symbol} not found`);
  return (marked ?? live[live.length - 1]).number;
}

describe('invalid corpus', () => {
  for (const note of notes()) {
    it(`reports ${codeOf(note.expected)} for '${symbolOf(note.expected)}' in ${note.file}`, () => {
      const text = fs.readFileSync(path.join(CORPUS, note.file), 'utf8');
      const symbol = symbolOf(note.expected);
      const index = new LineIndex(text);
      const errors = lintText(text).diagnostics.filter((d) => d.severity === 'error');
      deepStrictEqual(
        errors.map((d) => ({ code: d.code, line: index.positionAt(d.span.start).line + 1, text: text.slice(d.span.start, d.span.end), named: d.message.includes(`'${symbol}'`) })),
        [{ code: codeOf(note.expected), line: lineOf(text, symbol), text: symbol, named: true }],
      );
    });
  }
});
