/**
 * Lint and the engine agree: every structure the engine refuses at run time, lint reports as an
 * error at that place. Every workflow of the shared valid corpus (but the four not deployable as
 * written) and every conformance workflow runs through both: lint, then the engine on a virtual
 * clock with no network and no connectors (so calls fail, which is fine).
 *
 * How a structural refusal is told from an ordinary run-time failure: never by message text. The
 * engine marks the errors it raises for a structure Google rejects at deploy time (a `next:` the
 * structural semantics refuses, `return` or a jump out of a parallel branch, a write to a variable
 * a branch may not write, a name no scope of the source defines, an unknown function, a blocking
 * function inside an expression, a step of no kind, a missing `main`) with a `Refusal` (`engine/errors.ts`),
 * and the outcome carries it as `refusal: {rule, span}`. Such errors are uncatchable, so neither a
 * `try` nor a parallel step's UnhandledBranchError can hide one. A KeyError for a name that some
 * scope of the source does define (read before its first write, at run time) is an ordinary
 * failure, as it is at Google. The test fails when an outcome has a refusal and lint has no error
 * inside the refusal's span.
 */
import { deepStrictEqual } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex } from '../../../src/core/location';
import { lintText } from '../../../src/core/validate';
import { runWorkflow } from '../../../src/engine';
import type { ExecutionOutcome } from '../../../src/engine/host';
import { CORPUS, manifest, NOT_DEPLOYABLE } from '../corpus/validCorpus';
import { testHost } from '../engine/harness';

const CONFORMANCE = path.resolve(__dirname, '..', '..', 'conformance');

interface Verdict {
  /** `rule@line:col` of the engine's refusal, or undefined when it refused nothing. */
  refusal?: string;
  /** True when lint reported an error inside the refusal's span. */
  reported: boolean;
}

/** Lints `text`, runs it, and says whether the engine refused a structure and whether lint reported it there. */
export async function agreement(text: string, format: 'yaml' | 'json', argumentJson?: string): Promise<Verdict> {
  const { workflow, diagnostics } = lintText(text, { format });
  const outcome: ExecutionOutcome = await runWorkflow(workflow, argumentJson, testHost(), { limits: { maxSteps: 5000 } });
  if (outcome.state === 'SUCCEEDED' || !outcome.refusal) return { reported: true };
  const { rule, span } = outcome.refusal;
  const at = new LineIndex(text).positionAt(span.start);
  const reported = diagnostics.some((d) => d.severity === 'error' && d.span.start >= span.start && d.span.end <= span.end);
  return { refusal: `${rule}@${at.line + 1}:${at.character + 1}`, reported };
}

function argumentOf(text: string): string | undefined {
  const m = /^#\s*argument:\s*(.*)$/m.exec(text);
  return m ? m[1].split('$BASE_URL').join('http://127.0.0.1:9') : undefined;
}

describe('lint and engine agree on the corpus and the conformance suite', () => {
  it('finds no structure the engine refuses that lint passes, and the refusals it finds are exactly the known ones', async function () {
    this.timeout(240_000);
    const unreported: string[] = [];
    const refused: string[] = [];
    const rows = manifest().filter((row) => !row.notes.startsWith('templated') && !NOT_DEPLOYABLE[row.file]);
    const conformance = fs.readdirSync(CONFORMANCE).filter((f) => /\.ya?ml$/.test(f)).sort();
    const cases = [
      ...rows.map((row) => ({ name: row.file, file: path.join(CORPUS, row.file), format: row.format === 'json' ? ('json' as const) : ('yaml' as const) })),
      ...conformance.map((f) => ({ name: f, file: path.join(CONFORMANCE, f), format: 'yaml' as const })),
    ];
    for (const c of cases) {
      const text = fs.readFileSync(c.file, 'utf8');
      const verdict = await agreement(text, c.format, argumentOf(text));
      if (!verdict.refusal) continue;
      refused.push(`${c.name} ${verdict.refusal}`);
      if (!verdict.reported) unreported.push(`${c.name} ${verdict.refusal}`);
    }
    deepStrictEqual(unreported, []);
    // The conformance suite's own scope cases: lint reports each, the engine refuses it.
    deepStrictEqual(refused, [
      'except_scope.workflows.yaml undefined-variable@12:3',
      'for_scope.workflows.yaml undefined-variable@11:3',
      'parallel_unshared_write.workflows.yaml unshared-parallel-write@14:19',
      'subworkflow_scope.workflows.yaml undefined-variable@12:7',
    ]);
  });

  it('marks an unknown function and a blocking call in an expression as refusals lint reports, and an undocumented module as neither', async () => {
    const verdicts = await Promise.all(
      ['${nosuch(1)}', '${http.get("https://example.com")}', '${shell.gcloud("x")}'].map((expr) => agreement(`- s:\n    return: ${JSON.stringify(expr)}\n`, 'yaml')),
    );
    deepStrictEqual(verdicts, [
      { refusal: 'unknown-function@1:3', reported: true },
      { refusal: 'blocking-in-expression@1:3', reported: true },
      { reported: true },
    ]);
  });
});
