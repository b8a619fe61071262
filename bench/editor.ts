/**
 * The editor's thread: what each extension-host task costs. Workflow detection (run on every
 * YAML/JSON document the user opens or types in) on this repository's package-lock.json, on the
 * generated 5,000-step workflow and on a workflow at Google's 128 KB limit, beside the full `yaml`
 * parse the detector used before; then, for the 128 KB workflow, every task between a keystroke and
 * its diagnostics (detection, parse, validation, each a task of its own after the 200 ms debounce)
 * and the per-request work of completion, hover and definitions.
 *
 *   node --import tsx bench/editor.ts [--quick]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { DETECT_PREFIX, looksLikeWorkflow } from '../src/core/model/detect';
import { parseWorkflow } from '../src/core/model/parse';
import { validateWorkflow } from '../src/core/validate';
import { crossWorkflowDiagnostics } from '../src/core/validate/childWorkflows';
import { cursorContext } from '../src/core/language/cursorContext';
import { symbolAt } from '../src/core/language/symbolAt';
import { variablesAt } from '../src/core/language/workflowQuery';
import { routineAt } from '../src/core/model/query';
import { generateWorkflow } from './generateWorkflow';
import { kb, load1, measure, median, ms, printTable, REPO, runIfMain } from './util';

/** Google's source size limit. */
const LIMIT = 128 * 1024;

/** The largest generated workflow that fits Google's limit. */
function atLimit(): { text: string; steps: number } {
  let lo = 1;
  let hi = 2000;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (Buffer.byteLength(generateWorkflow(mid)) <= LIMIT) lo = mid;
    else hi = mid - 1;
  }
  return { text: generateWorkflow(lo), steps: lo };
}

/** What the editor hands the detector: the prefix of the document and its size. */
function detect(text: string, format: 'yaml' | 'json'): boolean {
  return looksLikeWorkflow(text.length > DETECT_PREFIX ? text.slice(0, DETECT_PREFIX) : text, format, text.length);
}

async function detection(files: { name: string; text: string; format: 'yaml' | 'json' }[], runs: number): Promise<void> {
  const rows: string[][] = [];
  for (const f of files) {
    const now = await measure(() => detect(f.text, f.format), runs * 20, 5);
    const before = await measure(() => parseDocument(f.text, { uniqueKeys: false }), runs, 1);
    rows.push([`${f.name} (${kb(f.text.length)})`, String(detect(f.text, f.format)), ms(median(now.wall)), ms(Math.max(...now.wall)), ms(median(before.wall))]);
  }
  printTable('Editor: workflow detection per document version', ['document', 'workflow?', 'now (median)', 'now (slowest run)', 'before: full yaml parse (median)'], rows, [
    `${runs * 20} timed runs of the detector, ${runs} of the full parse; target: < 5 ms on a non-workflow file; load average (1 min): ${load1()}`,
    'the verdict is cached per document URI and version, so this runs at most once per edit of a YAML/JSON document; files named *.workflows.* skip it',
  ]);
}

async function tasks(text: string, steps: number, runs: number): Promise<void> {
  const workflow = parseWorkflow(text);
  const end = text.length - 1;
  // A new, empty step at the end of the file, the cursor in its body: the costliest key context.
  const typing = `${text}    - next_step:\n        `;
  const inExpression = text.lastIndexOf('${total_') + 4;
  const parts: [string, () => unknown][] = [
    ['detection (every edit; skipped for *.workflows.* names)', () => detect(text, 'yaml')],
    ['parse (parseWorkflow): first task after the 200 ms debounce', () => parseWorkflow(text)],
    ['validate (every rule): second task', () => validateWorkflow(workflow)],
    ['cross-workflow checks: also in the second task', () => crossWorkflowDiagnostics(workflow, () => ({ reads: undefined }))],
    ['completion: cursor context in a new step at the end of the file', () => cursorContext(typing, typing.length)],
    ['completion: variables in scope at the end of the file', () => variablesAt(routineAt(workflow, end) ?? workflow.routines[0], end)],
    ['hover/definition: symbol under the cursor in an expression', () => symbolAt(workflow, inExpression)],
  ];
  const rows: string[][] = [];
  let debounced = 0;
  for (const [label, fn] of parts) {
    const m = await measure(fn, runs, 2);
    rows.push([label, ms(median(m.wall)), ms(Math.max(...m.wall)), ms(median(m.cpu))]);
    if (label.startsWith('parse') || label.startsWith('validate') || label.startsWith('cross')) debounced += median(m.wall);
  }
  printTable(`Editor: extension-host tasks on a workflow at Google's 128 KB limit (${steps} steps, ${kb(text.length)})`, ['task', 'wall (median)', 'wall (slowest)', 'CPU (median)'], rows, [
    `keystroke to diagnostics: 200 ms debounce + parse + validate + cross-workflow checks = ${ms(200 + debounced)} (median wall), in two tasks; target: no task over 50 ms`,
    'on a shared, loaded machine wall time includes waiting for a core: CPU time is what the task costs the extension host',
    `${runs} runs each after 2 warm-ups; load average (1 min): ${load1()}`,
  ]);
}

export async function main(quick: boolean): Promise<void> {
  const runs = quick ? 3 : 15;
  const limit = atLimit();
  await detection(
    [
      { name: "this repository's package-lock.json", text: fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'), format: 'json' },
      { name: 'generated 5,000-step workflow', text: generateWorkflow(5000), format: 'yaml' },
      { name: `generated ${limit.steps}-step workflow at 128 KB`, text: limit.text, format: 'yaml' },
    ],
    runs,
  );
  await tasks(limit.text, limit.steps, runs);
}

runIfMain(module, main);
