/**
 * The shared valid corpus: its manifest, and the few files in it that Google would not deploy as
 * written (shared by the corpus lint test and the lint/engine agreement test).
 */
import { deepStrictEqual } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

export const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'valid');

/** Files of the valid corpus that Google would not deploy as written: `line:col code text` of each error. */
export const NOT_DEPLOYABLE: Record<string, { why: string; errors: string[] }> = {
  'GoogleCloudPlatform__workflows-demos__syntax-cheat-sheet__workflow.yaml': {
    why: 'a reference listing, not a deployable workflow (WORKFLOWS-LANGUAGE.md §1.5): two steps named init, and var is never defined',
    errors: ['79:47 undefined-variable var', '169:7 duplicate-step-name init'],
  },
  'flamingo-run__fastapi-cloud-workflows__tests__codegen__fixtures__yaml__dad-joke.yaml': {
    why: 'a code generator test fixture using Python slices, which the expression language does not have',
    errors: ['24:33 expr-syntax :', '25:57 expr-syntax :'],
  },
  'lavjain__gcp-workflows-test__workflow.yaml': {
    why: 'a routine map nested inside a step list and a step with only `value:`: the subworkflow form is broken',
    errors: [
      '8:5 unknown-key params',
      '12:9 unknown-key value',
      '18:21 undefined-variable bucket_name',
      '19:21 undefined-variable file_path',
      '29:39 undefined-variable assign_project_id',
      '31:28 undefined-variable bucket_name',
      '32:26 undefined-variable file_path',
      '43:39 undefined-variable assign_project_id',
      '45:28 undefined-variable bucket_name',
      '46:26 undefined-variable file_path',
      '56:25 undefined-variable file_path',
      '57:23 undefined-variable bucket_name',
      '69:39 undefined-variable assign_project_id',
    ],
  },
  'GoogleCloudPlatform__workflows-samples__8706c037__src__error_catch_retry.workflows.json': {
    why: 'a skeleton (step STEP_NAME) that calls http.get without its required url',
    errors: ['5:17 missing-argument "http.get"'],
  },
};

export interface Row {
  file: string;
  format: string;
  notes: string;
}

export function manifest(): Row[] {
  const lines = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/);
  const header = lines[0].split('\t');
  deepStrictEqual(['file', 'format', 'notes'].filter((name) => !header.includes(name)), [], 'columns missing from the header');
  const col = (name: string) => header.indexOf(name);
  return lines
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'))
    .map((cells) => ({ file: cells[col('file')], format: cells[col('format')], notes: cells[col('notes')] ?? '' }));
}
