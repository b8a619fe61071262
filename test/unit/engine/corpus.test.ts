/**
 * The corpus rows of `shared/corpus/valid/EXPECTED.tsv` that can run offline and deterministically
 * must give their stated result, and the seed parent/child example must give its stated maps.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { VirtualClock } from '../../../src/engine/clock';
import { childConnector } from './childConnector';
import { run } from './harness';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'valid');
const PARENT = 'GoogleCloudPlatform__workflows-demos__workflow-executes-other-workflows__workflow-parent.yaml';

/** Sibling workflows of a corpus file share its prefix and end in `__<workflow id>.yaml`. */
function siblings(file: string): (workflowId: string) => string | undefined {
  const prefix = file.slice(0, file.lastIndexOf('__') + 2);
  return (id) => {
    const candidate = path.join(CORPUS, `${prefix}${id}.yaml`);
    return fs.existsSync(candidate) ? fs.readFileSync(candidate, 'utf8') : undefined;
  };
}

function childFailure(iteration: number): unknown {
  return {
    message: 'Execution failed or cancelled.',
    tags: ['OperationError'],
    operation: {
      name: `projects/test-project/locations/us-central1/workflows/workflow-child/executions/child-${iteration}`,
      state: 'FAILED',
      argument: `{"iteration":${iteration}}`,
      error: {
        payload: `"Error with iteration ${iteration}"`,
        context: `Error with iteration ${iteration}\nin step "raise_error", routine "main", line: 35`,
        stackTrace: { elements: [{ step: 'raise_error', routine: 'main', position: { line: '35', column: '7', length: '11' } }] },
      },
      workflowRevisionId: '000001-abc',
    },
  };
}

describe('corpus workflows with stated results', () => {
  const rows = fs
    .readFileSync(path.join(CORPUS, 'EXPECTED.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'))
    .filter((cols) => cols[5] === 'yes');

  it('finds the offline rows', () => {
    assert.ok(rows.length >= 5);
  });

  for (const [file, argument, expected] of rows) {
    it(`${file} gives ${expected.slice(0, 60)}`, async () => {
      const clock = new VirtualClock();
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const arg = argument.startsWith('null') ? undefined : JSON.parse(argument);
      const r = await run(text, arg, { clock, connectors: childConnector(siblings(file), clock) });
      const failsWith = /^execution FAILS: (.*)$/.exec(expected);
      if (failsWith) {
        assert.equal(r.outcome.state, 'FAILED');
        assert.equal((r.error as { message: string }).message, failsWith[1]);
      } else if (file === PARENT) {
        assert.deepEqual(r.result, {
          success: { '1': 'Hello world1', '3': 'Hello world3' },
          failure: { '2': childFailure(2), '4': childFailure(4) },
        });
      } else {
        assert.deepEqual(r.result, JSON.parse(expected));
      }
    });
  }

  it('runs the seed parent/child example: four 10 s children in parallel finish at virtual t = 10 s', async () => {
    const clock = new VirtualClock(0);
    const started = Date.now();
    const r = await run(fs.readFileSync(path.join(CORPUS, PARENT), 'utf8'), undefined, { clock, connectors: childConnector(siblings(PARENT), clock) });
    assert.deepEqual(r.result, {
      success: { '1': 'Hello world1', '3': 'Hello world3' },
      failure: { '2': childFailure(2), '4': childFailure(4) },
    });
    assert.equal(clock.now(), 10_000);
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
});
