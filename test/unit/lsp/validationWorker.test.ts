import { deepStrictEqual, rejects } from 'assert';
import * as path from 'node:path';
import { generateWorkflow } from '../../../bench/generateWorkflow';
import { parseWorkflow } from '../../../src/core/model/parse';
import { validateWorkflow } from '../../../src/core/validate';
import { childCallSummaries } from '../../../src/core/validate/childWorkflows';
import { WorkerValidator } from '../../../src/lsp/validationWorker';

const WORKER = path.join(__dirname, '..', '..', '..', 'src', 'cli', 'lspWorker.ts');

/** The generated 300-step workflow with three mistakes: an unknown jump, an undefined variable, a bad key. */
function faulty(): string {
  return generateWorkflow(300).replace('next: loop_3', 'next: loop_x').replace('${url_5}', '${url_z}').replace('        result: resp_7', '        reslt: resp_7');
}

describe('lsp: validation worker', () => {
  let validator: WorkerValidator;

  beforeEach(() => {
    validator = new WorkerValidator(WORKER);
  });

  afterEach(() => validator.dispose());

  it('returns exactly the diagnostics (and child calls) of validating on this thread', async () => {
    const text = faulty();
    const workflow = parseWorkflow(text, { format: 'yaml' });
    const expected = validateWorkflow(workflow);
    deepStrictEqual(
      expected.map((d) => d.code),
      // `resp_7` is read twice after the misspelt `result`.
      ['unknown-next-target', 'undefined-variable', 'unknown-key', 'undefined-variable', 'undefined-variable', 'undefined-variable'],
    );
    deepStrictEqual(await validator.validate('a', text, 'yaml'), { diagnostics: expected, calls: childCallSummaries(workflow) });
  });

  it('returns the diagnostics of each version when a document is edited inside a step (from its kept model)', async () => {
    const versions = [faulty()];
    versions.push(versions[0].replace('${url_z}', '${url_5}'));
    versions.push(versions[1].replace('next: loop_x', 'next: loop_3'));
    versions.push(versions[2].replace('        reslt: resp_7', '        reslt: resp_77'));
    const codes: string[][] = [];
    for (const text of versions) {
      const workflow = parseWorkflow(text, { format: 'yaml' });
      const expected = validateWorkflow(workflow);
      codes.push(expected.map((d) => d.code));
      deepStrictEqual(await validator.validate('a', text, 'yaml'), { diagnostics: expected, calls: childCallSummaries(workflow) });
    }
    deepStrictEqual(codes, [
      ['unknown-next-target', 'undefined-variable', 'unknown-key', 'undefined-variable', 'undefined-variable', 'undefined-variable'],
      ['unknown-next-target', 'unknown-key', 'undefined-variable', 'undefined-variable', 'undefined-variable'],
      ['unknown-key', 'undefined-variable', 'undefined-variable', 'undefined-variable'],
      ['unknown-key', 'undefined-variable', 'undefined-variable', 'undefined-variable'],
    ]);
  });

  it('resolves a waiting job that a newer one for the same document replaced to undefined', async () => {
    const text = faulty();
    const first = validator.validate('a', text, 'yaml');
    const second = validator.validate('b', text, 'yaml');
    const third = validator.validate('b', text.replace('loop_x', 'loop_3'), 'yaml');
    deepStrictEqual((await first)?.diagnostics.length, 6);
    deepStrictEqual(await second, undefined);
    deepStrictEqual((await third)?.diagnostics.map((d) => d.code), ['undefined-variable', 'unknown-key', 'undefined-variable', 'undefined-variable', 'undefined-variable']);
  });

  it('fails waiting jobs when stopped, and gives up after a worker script that cannot start', async () => {
    const pending = validator.validate('a', faulty(), 'yaml');
    validator.dispose();
    await rejects(pending, /the validation worker was stopped/);
    const broken = new WorkerValidator(path.join(__dirname, 'no-such-worker.js'));
    for (let i = 0; i < 3; i++) await rejects(broken.validate('a', 'main: {}', 'yaml'), /Cannot find module/);
    deepStrictEqual(broken.usable, false);
    await rejects(broken.validate('a', 'main: {}', 'yaml'), /failed too often/);
  });
});
