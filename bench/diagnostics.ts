/**
 * Diagnostics: our `lintText` against the usual editor setup, yaml-language-server validating
 * with SchemaStore's Workflows schema, driven through its language-service API in this process.
 * Both see the same texts: generated workflows of 1,000 / 5,000 / 20,000 steps and the valid
 * corpus (templated files skipped); plus how many errors each finds on the invalid corpus and
 * how many false errors on the valid one, and our re-lint after a one-character edit.
 *
 *   node --import tsx bench/diagnostics.ts [--quick]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { parseAllDocuments } from 'yaml';
import { parseWorkflow } from '../src/core/model/parse';
import { lintText, validateWorkflow } from '../src/core/validate';
import { generateWorkflow } from './generateWorkflow';
import { count, invalidCorpus, load1, measure, median, ms, printTable, ratio, runIfMain, samples, SHARED, sum, validCorpus, type CorpusFile } from './util';

const SCHEMA_FILE = path.join(SHARED, 'peers', 'schemastore-workflows', 'workflows.json');
/** LSP DiagnosticSeverity.Error. */
const LSP_ERROR = 1;

/** What both validators report for one text: error and warning counts. */
interface Findings {
  errors: number;
  others: number;
}

interface Validator {
  name: string;
  validate(file: CorpusFile): Promise<Findings>;
}

function ours(): Validator {
  return {
    name: 'ours (lintText)',
    validate: async (file) => {
      const { diagnostics } = lintText(file.text, { format: file.format });
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      return { errors, others: diagnostics.length - errors };
    },
  };
}

/**
 * yaml-language-server with the SchemaStore schema given inline (no network). Each call uses a new
 * document version, as an editor does after an edit, so the server's parse cache never answers.
 */
function peer(): Validator {
  const schema: unknown = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  const service = getLanguageService({
    schemaRequestService: (uri: string) => Promise.reject(new Error(`no schema download in the benchmark: ${uri}`)),
    workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).toString() },
  });
  service.configure({ validate: true, schemas: [{ uri: 'file:///peer/workflows.json', fileMatch: ['*'], schema: schema as object }] });
  let version = 0;
  return {
    name: 'yaml-language-server + SchemaStore schema',
    validate: async (file) => {
      const doc = TextDocument.create(`file:///bench/${file.name}`, 'yaml', ++version, file.text);
      const diagnostics = await service.doValidation(doc, false);
      const errors = diagnostics.filter((d) => d.severity === LSP_ERROR).length;
      return { errors, others: diagnostics.length - errors };
    },
  };
}

async function generated(validators: Validator[], sizes: number[], runs: (size: number) => number): Promise<Map<number, number>> {
  const rows: string[][] = [];
  const oursBySize = new Map<number, number>();
  for (const size of sizes) {
    const file: CorpusFile = { name: `generated-${size}.yaml`, text: generateWorkflow(size), format: 'yaml' };
    const wall: number[] = [];
    const cpu: number[] = [];
    const found: Findings[] = [];
    for (const v of validators) {
      found.push(await v.validate(file));
      const m = await measure(() => v.validate(file), runs(size), 0);
      wall.push(median(m.wall));
      cpu.push(median(m.cpu));
    }
    oursBySize.set(size, wall[0]);
    rows.push([
      `${count(size)} steps (${count(file.text.length / 1024)} KB)`,
      ms(wall[0]),
      ms(wall[1]),
      ratio(wall[0], wall[1]),
      `${ms(cpu[0])} / ${ms(cpu[1])} (${ratio(cpu[0], cpu[1])})`,
      `${found[0].errors} / ${found[1].errors}`,
      String(runs(size)),
    ]);
  }
  printTable(
    'Diagnostics: generated workflows (median time per document)',
    ['document', 'ours', 'yaml-language-server', 'ours / peer', 'CPU time: ours / peer', 'errors reported (ours / peer)', 'runs'],
    rows,
    [`load average (1 min) at the end: ${load1()}`, 'both validate the whole text each time; the generated files are valid, so 0 errors is right'],
  );
  return oursBySize;
}

async function corpusSpeed(validators: Validator[], files: CorpusFile[], rounds: number): Promise<number> {
  const perFile = validators.map(() => [] as number[]);
  for (const [i, v] of validators.entries()) {
    for (const f of files) await v.validate(f);
    for (const f of files) perFile[i].push(median(await samples(() => v.validate(f), rounds, 0)));
  }
  const [a, b] = perFile;
  printTable(
    `Diagnostics: valid corpus, ${files.length} files (templated skipped)`,
    ['measure', 'ours', 'yaml-language-server', 'ours / peer'],
    [
      ['median time per document', ms(median(a)), ms(median(b)), ratio(median(a), median(b))],
      ['slowest document', ms(Math.max(...a)), ms(Math.max(...b)), ratio(Math.max(...a), Math.max(...b))],
      ['whole corpus (sum of per-file medians)', ms(sum(a)), ms(sum(b)), ratio(sum(a), sum(b))],
    ],
    [`median of ${rounds} timed round(s) per file after one warm-up pass; load average (1 min): ${load1()}`],
  );
  return sum(a);
}

async function findings(validators: Validator[], valid: CorpusFile[], invalid: CorpusFile[]): Promise<void> {
  const rows: string[][] = [];
  const results: { invalidWithError: number; invalidWithAny: number; validWithError: number; validErrors: number; validWithAny: number; falseErrorFiles: string[] }[] = [];
  for (const v of validators) {
    const inv = await Promise.all(invalid.map((f) => v.validate(f)));
    const val: Findings[] = [];
    for (const f of valid) val.push(await v.validate(f));
    results.push({
      invalidWithError: inv.filter((r) => r.errors > 0).length,
      invalidWithAny: inv.filter((r) => r.errors + r.others > 0).length,
      validWithError: val.filter((r) => r.errors > 0).length,
      validErrors: sum(val.map((r) => r.errors)),
      validWithAny: val.filter((r) => r.errors + r.others > 0).length,
      falseErrorFiles: valid.filter((_, i) => val[i].errors > 0).map((f) => `${f.name} (${val[valid.indexOf(f)].errors})`),
    });
  }
  const [a, b] = results;
  rows.push(
    [`invalid corpus: files with ≥ 1 error (of ${invalid.length})`, String(a.invalidWithError), String(b.invalidWithError)],
    [`invalid corpus: files with ≥ 1 diagnostic of any severity`, String(a.invalidWithAny), String(b.invalidWithAny)],
    [`valid corpus: files with a false error (of ${valid.length})`, String(a.validWithError), String(b.validWithError)],
    ['valid corpus: false errors in total', String(a.validErrors), String(b.validErrors)],
    ['valid corpus: files with any diagnostic (warnings included)', String(a.validWithAny), String(b.validWithAny)],
  );
  printTable('Diagnostics: what each finds', ['measure', 'ours', 'yaml-language-server'], rows, [
    'the invalid corpus holds deploy-time errors (undefined or loop-scoped variables, unshared parallel writes): a JSON schema cannot see them',
    `errors on valid files, ours: ${a.falseErrorFiles.join('; ') || 'none'}`,
    `errors on valid files, yaml-language-server: ${b.falseErrorFiles.join('; ') || 'none'}`,
  ]);
}

async function incremental(validators: Validator[], runs: number): Promise<number> {
  const base = generateWorkflow(5000);
  // One character changes in the middle of the file: a list item `1` becomes `7`, back and forth.
  const at = base.indexOf('[1, 2, 3,', Math.floor(base.length / 2)) + 1;
  const edited = [base, `${base.slice(0, at)}7${base.slice(at + 1)}`];
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const v of validators) {
    let n = 0;
    const m = await measure(() => v.validate({ name: 'edit-5000.yaml', text: edited[n++ % 2], format: 'yaml' }), runs, 1);
    wall.push(median(m.wall));
    cpu.push(median(m.cpu));
  }
  printTable(
    'Diagnostics: re-validation after a one-character edit of the 5,000-step file',
    ['measure', 'ours', 'yaml-language-server', 'ours / peer'],
    [
      ['median wall time to new diagnostics', ms(wall[0]), ms(wall[1]), ratio(wall[0], wall[1])],
      ['median CPU time', ms(cpu[0]), ms(cpu[1]), ratio(cpu[0], cpu[1])],
    ],
    [`we re-lint the whole text on every change (no incremental parse); so does the peer. ${runs} runs, load average (1 min): ${load1()}`],
  );
  return wall[0];
}

/** Splits our lint of the 5,000-step file into parsing and validating, beside a bare YAML parse. */
async function breakdown(runs: number): Promise<void> {
  const text = generateWorkflow(5000);
  const workflow = parseWorkflow(text);
  const parts: [string, () => unknown][] = [
    ['for scale: the yaml package alone (parseAllDocuments, keepSourceTokens), which the peer and our fallback use', () => parseAllDocuments(text, { keepSourceTokens: true, prettyErrors: false, uniqueKeys: false })],
    ['parseWorkflow (our YAML reader for the workflow subset + model + expressions)', () => parseWorkflow(text)],
    ['validateWorkflow (every rule, on the parsed model)', () => validateWorkflow(workflow)],
    ['lintText (both)', () => lintText(text)],
  ];
  const rows: string[][] = [];
  for (const [label, fn] of parts) {
    const m = await measure(fn, runs, 1);
    rows.push([label, ms(median(m.wall)), ms(median(m.cpu))]);
  }
  printTable('Diagnostics: where our time goes on the 5,000-step file', ['stage', 'wall (median)', 'CPU (median)'], rows, [
    `${runs} runs each; load average (1 min): ${load1()}`,
  ]);
}

export async function main(quick: boolean): Promise<void> {
  const validators = [ours(), peer()];
  const sizes = quick ? [1000] : [1000, 5000, 20000];
  const bySize = await generated(validators, sizes, (size) => (quick ? 1 : size >= 20000 ? 3 : 7));
  const valid = validCorpus();
  const corpusMs = await corpusSpeed(validators, quick ? valid.slice(0, 60) : valid, quick ? 1 : 5);
  await findings(validators, valid, invalidCorpus());
  const editMs = await incremental(validators, quick ? 1 : 9);
  if (!quick) await breakdown(5);
  printTable(
    'Lint time targets (issue 2)',
    ['measure', 'ours', 'target'],
    [
      ['lint the generated 5,000-step file (median)', bySize.has(5000) ? ms(bySize.get(5000) as number) : 'not measured in --quick', '< 50 ms'],
      ['re-lint after a one-character edit (5,000 steps)', ms(editMs), '< 50 ms'],
      [`lint the whole valid corpus${quick ? ' (first 60 files in --quick)' : ''}`, ms(corpusMs), '—'],
    ],
  );
}

runIfMain(module, main);
