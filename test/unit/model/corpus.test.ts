import { deepStrictEqual, strictEqual } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { looksLikeWorkflow } from '../../../src/core/model/detect';
import { parseWorkflow } from '../../../src/core/model/parse';
import { walkSteps } from '../../../src/core/model/query';
import type { Value, Workflow } from '../../../src/core/model/types';
import { plain } from './helpers';

const VALID = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'valid');

interface Row {
  file: string;
  notes: string;
}

function manifest(): Row[] {
  const [header, ...rows] = fs.readFileSync(path.join(VALID, 'MANIFEST.tsv'), 'utf8').trim().split(/\r?\n/);
  const columns = header.split('\t');
  return rows.map((line) => {
    const cells = line.split('\t');
    return { file: cells[columns.indexOf('file')], notes: cells[columns.indexOf('notes')] ?? '' };
  });
}

function read(file: string): string {
  return fs.readFileSync(path.join(VALID, file), 'utf8');
}

/** Every expression value of a workflow, at any depth. */
function expressions(workflow: Workflow): string[] {
  const out: string[] = [];
  const visitValue = (v: Value | undefined): void => {
    if (!v) return;
    if (v.kind === 'expr') out.push(v.text);
    if (v.kind === 'list') v.items.forEach(visitValue);
    if (v.kind === 'map') v.entries.forEach((e) => (visitValue(e.key), visitValue(e.value)));
  };
  for (const routine of workflow.routines) {
    walkSteps(routine, ({ step }) => {
      if (step.kind === 'assign') step.assign.forEach((a) => visitValue(a.value));
      if (step.kind === 'call') visitValue(step.args);
      if (step.kind === 'return') visitValue(step.return);
    });
  }
  return out;
}

describe('model: the corpus of real workflows', function () {
  this.timeout(60000);
  const rows = manifest().filter((row) => !row.notes.startsWith('templated'));

  it('has the expected corpus', () => {
    strictEqual(rows.length > 300, true);
  });

  it('parses every valid file with no problems, except the strict-yaml ones', () => {
    const unexpected: string[] = [];
    for (const row of rows) {
      const workflow = parseWorkflow(read(row.file));
      const codes = workflow.problems.map((p) => p.code);
      const expected = row.notes.startsWith('strict-yaml') ? ['yaml-indentation-compat'] : [];
      if (JSON.stringify(codes) !== JSON.stringify(expected)) unexpected.push(`${row.file}: ${JSON.stringify(workflow.problems)}`);
      if (workflow.routines.length === 0) unexpected.push(`${row.file}: no routines`);
    }
    deepStrictEqual(unexpected, []);
  });

  it('recovers the folded value of the quoted strings in the strict-yaml files', () => {
    const strict = rows.filter((row) => row.notes.startsWith('strict-yaml'));
    strictEqual(strict.length, 2);
    const prompts = strict.map((row) => {
      const text = read(row.file);
      const workflow = parseWorkflow(text);
      const span = workflow.problems[0].span;
      strictEqual(text[span.start], "'");
      strictEqual(text[span.end - 1], "'");
      return expressions(workflow).filter((e) => e.startsWith('"Make') || e.startsWith('"Can you'));
    });
    deepStrictEqual(prompts.flat().sort(), [
      '"Can you  tell me about the history of " + args.country',
      '"Make a summary of the following text. Make sure the output starts with summary: and the output has only plain text with no newline or return characters. Here is the text to summarize: " + textToSummarize',
    ]);
  });

  it('gives every JSON twin the same model as its YAML twin, spans aside', () => {
    const twins = rows.filter((row) => row.notes.startsWith('json-twin-of:'));
    strictEqual(twins.length > 80, true);
    const different: string[] = [];
    for (const row of twins) {
      const yamlFile = row.notes.slice('json-twin-of:'.length).split(/[;\s]/)[0];
      const json = parseWorkflow(read(row.file));
      const yaml = parseWorkflow(read(yamlFile));
      strictEqual(json.format, 'json');
      try {
        deepStrictEqual(plain(json.routines, false), plain(yaml.routines, false));
      } catch {
        different.push(row.file);
      }
    }
    deepStrictEqual(different, []);
  });

  it('recognises every valid file as a workflow', () => {
    deepStrictEqual(
      rows.filter((row) => !looksLikeWorkflow(read(row.file))).map((row) => row.file),
      [],
    );
  });
});
