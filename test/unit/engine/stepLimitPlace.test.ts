import { strict as assert } from 'assert';
import { run } from './harness';

/** The failure part of an outcome, with the payload decoded. */
async function failed(source: string, maxSteps: number): Promise<unknown> {
  const { outcome } = await run(source, undefined, { limits: { maxSteps } });
  assert.equal(outcome.state, 'FAILED');
  const error = outcome.error!;
  return { payload: JSON.parse(error.payload), context: error.context, top: error.stackTrace[0], frames: error.stackTrace.length };
}

const LIMIT = { message: 'Maximum number of steps exceeded (1000)', tags: ['ResourceLimitError'] };

describe('engine: the step limit names the step that hit it', () => {
  it('places a plain next: loop at the jumping step, with its line', async () => {
    const source = 'main:\n  steps:\n    - spin:\n        next: spin\n';
    assert.deepEqual(await failed(source, 1000), {
      payload: LIMIT,
      context: 'Maximum number of steps exceeded (1000)\nin step "spin", routine "main", line: 3',
      top: { routine: 'main', step: 'spin', line: 3, column: 7, length: 4 },
      frames: 1,
    });
  });

  it('places an assign step whose next tips the limit, inside a subworkflow, with the caller below it', async () => {
    const source = [
      'main:',
      '  steps:',
      '    - go:',
      '        call: loop',
      'loop:',
      '  steps:',
      '    - again:',
      '        assign:',
      '          - x: 1',
      '        next: again',
    ].join('\n');
    // `go` is step 1; each round is the assignment and its jump, so step 1001 is a jump.
    assert.deepEqual(await failed(source, 1000), {
      payload: LIMIT,
      context: 'Maximum number of steps exceeded (1000)\nin step "again", routine "loop", line: 7\nin step "go", routine "main", line: 3',
      top: { routine: 'loop', step: 'again', line: 7, column: 7, length: 5 },
      frames: 2,
    });
  });

  it('places the next of a steps group that a jump entered at the group', async () => {
    const source = [
      'main:',
      '  steps:',
      '    - start:',
      '        next: inner',
      '    - group:',
      '        steps:',
      '          - inner:',
      '              assign:',
      '                - x: 1',
      '        next: start',
    ].join('\n');
    // A round is start's jump, inner, then group's jump: step 1002 is group's jump.
    assert.deepEqual(await failed(source, 1001), {
      payload: { message: 'Maximum number of steps exceeded (1001)', tags: ['ResourceLimitError'] },
      context: 'Maximum number of steps exceeded (1001)\nin step "group", routine "main", line: 5',
      top: { routine: 'main', step: 'group', line: 5, column: 7, length: 5 },
      frames: 1,
    });
  });
});
