import * as assert from 'node:assert/strict';
import { parseWorkflow } from '../../../src/core/model/parse';
import { runWorkflow } from '../../../src/engine';
import type { DebugHook } from '../../../src/engine/debug/hook';
import { testHost } from './harness';

const SOURCE = `
main:
  steps:
    - init:
        assign:
          - total: 0
    - fan:
        parallel:
          shared: [total]
          branches:
            - b1:
                steps:
                  - add:
                      assign:
                        - total: \${total + 1}
    - guarded:
        try:
          call: boom
        except:
          as: e
          steps:
            - note:
                assign:
                  - seen: \${e.tags[0]}
    - last:
        raise: "plain text"

boom:
  steps:
    - bad:
        raise:
          message: "no"
          tags: ["ValueError"]
`;

/** Records what the engine tells a debugger, in order. */
function recorder(): { hook: DebugHook; events: string[] } {
  const events: string[] = [];
  const hook: DebugHook = {
    beforeStep(point) {
      const top = point.frames()[0];
      events.push(`step ${point.thread.name} ${point.step.name.value}${point.inline ? ' (inline)' : ''} depth ${point.depth} line ${top.line} vars [${[...top.variables().keys()].join(',')}]`);
    },
    onRaised(point, error, caught) {
      events.push(`raised ${point.step.name.value} [${error.tags.join(',')}] ${error.message} ${caught ? 'caught' : 'uncaught'}`);
    },
    threadStarted: (thread) => void events.push(`started ${thread.name}${thread.parentKey ? ' (has parent)' : ''}`),
    threadEnded: (thread) => void events.push(`ended ${thread.name}`),
  };
  return { hook, events };
}

describe('engine: the debug hook', () => {
  it('reports every step with its thread, depth, line and variables, and each raised error once with whether a try catches it', async () => {
    const { hook, events } = recorder();
    const outcome = await runWorkflow(parseWorkflow(SOURCE), undefined, { ...testHost(), debug: hook });
    assert.equal(outcome.state, 'FAILED');
    assert.deepEqual(events, [
      'started main',
      'step main init depth 1 line 3 vars []',
      'step main fan depth 1 line 6 vars [total]',
      'started branch b1 (has parent)',
      'step branch b1 add depth 1 line 12 vars [total]',
      'ended branch b1',
      'step main guarded depth 1 line 15 vars [total]',
      'step main guarded (inline) depth 1 line 15 vars [total]',
      'step main bad depth 2 line 29 vars []',
      'raised bad [ValueError] no caught',
      'step main note depth 1 line 21 vars [total,e]',
      // `seen` was new in the except block: it went with the block.
      'step main last depth 1 line 24 vars [total]',
      'raised last [] plain text uncaught',
      'ended main',
    ]);
  });

  it('evaluates and assigns in a frame with the language, and holds a step until the hook settles', async () => {
    const seen: string[] = [];
    const hook: DebugHook = {
      async beforeStep(point) {
        if (point.step.name.value !== 'last') return;
        const frame = point.frames()[0];
        await frame.assign('total', 'total + 41');
        seen.push(String(await frame.evaluate('total * 1')));
        await frame.evaluate('missing').catch((e: Error) => seen.push(e.message));
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      onRaised: () => undefined,
      threadStarted: () => undefined,
      threadEnded: () => undefined,
    };
    const source = SOURCE.replace('raise: "plain text"', 'return: ${total}');
    const outcome = await runWorkflow(parseWorkflow(source), undefined, { ...testHost(), debug: hook });
    assert.deepEqual(outcome, { state: 'SUCCEEDED', result: '42' });
    assert.deepEqual(seen, ['42', 'Variable "missing" is not defined']);
  });
});
