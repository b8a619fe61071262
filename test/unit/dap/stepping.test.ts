import * as assert from 'node:assert/strict';
import { fixture, launch, stackOf, withAdapter, type Stopped } from './harness';

const BASICS = fixture('basics');
const ARGS = { program: BASICS, argument: { name: 'Ada' } };

describe('dap: stepping', () => {
  const adapter = withAdapter();

  /** Sends a step command and answers where the thread stopped next. */
  async function step(command: 'next' | 'stepIn' | 'stepOut' | 'continue', threadId: number): Promise<{ reason: string; at: string[] }> {
    const { dc } = adapter;
    const stopped = dc.waitForEvent('stopped') as Promise<Stopped>;
    if (command === 'next') await dc.nextRequest({ threadId });
    else if (command === 'stepIn') await dc.stepInRequest({ threadId });
    else if (command === 'stepOut') await dc.stepOutRequest({ threadId });
    else await dc.continueRequest({ threadId });
    const stop = await stopped;
    return { reason: stop.body.reason, at: (await stackOf(dc, stop.body.threadId)).map((f) => `${f.name}:${f.line}`) };
  }

  it('stops on entry, then steps over into a for body and over a subworkflow call', async () => {
    const { dc } = adapter;
    const { firstStop } = await launch(dc, { args: { ...ARGS, stopOnEntry: true } });
    const entry = await firstStop;
    assert.equal(entry.body.reason, 'entry');
    const thread = entry.body.threadId;
    assert.deepEqual(await stackOf(dc, thread), [{ name: 'main › init', line: 4, file: 'basics.workflows.yaml' }]);
    assert.deepEqual(await step('next', thread), { reason: 'step', at: ['main › loop:10'] });
    assert.deepEqual(await step('next', thread), { reason: 'step', at: ['main › bump:15'] });
    assert.deepEqual(await step('next', thread), { reason: 'step', at: ['main › bump:15'] });
    assert.deepEqual(await step('next', thread), { reason: 'step', at: ['main › log:18'] });
    assert.deepEqual(await step('next', thread), { reason: 'step', at: ['main › greet:22'] });
    assert.deepEqual(await step('next', thread), { reason: 'step', at: ['main › done:27'] });
  });

  it('steps into a subworkflow call and out of it again', async () => {
    const { dc } = adapter;
    const { firstStop } = await launch(dc, { args: ARGS, breakpoints: [{ file: BASICS, breakpoints: [{ line: 22 }] }] });
    const thread = (await firstStop).body.threadId;
    assert.deepEqual(await step('stepIn', thread), { reason: 'step', at: ['greet_sub › build:33', 'main › greet:22'] });
    assert.deepEqual(await step('next', thread), { reason: 'step', at: ['greet_sub › back:36', 'main › greet:22'] });
    assert.deepEqual(await step('stepOut', thread), { reason: 'step', at: ['main › done:27'] });
  });

  it('steps into a child execution of a local workflow, on a thread of its own', async () => {
    const { dc } = adapter;
    const parent = fixture('parent');
    const { firstStop } = await launch(dc, { args: { program: parent }, breakpoints: [{ file: parent, breakpoints: [{ line: 3 }] }] });
    const thread = (await firstStop).body.threadId;
    const stopped = dc.waitForEvent('stopped') as Promise<Stopped>;
    await dc.stepInRequest({ threadId: thread });
    const inChild = await stopped;
    assert.notEqual(inChild.body.threadId, thread);
    assert.deepEqual(await stackOf(dc, inChild.body.threadId), [{ name: 'main › double', line: 4, file: 'child.workflows.yaml' }]);
    const threads = (await dc.threadsRequest()).body.threads.map((t) => t.name);
    assert.deepEqual(threads, ['main', 'child (child 1): main']);
    assert.deepEqual(await step('next', inChild.body.threadId), { reason: 'step', at: ['main › done:9'] });
  });

  it('pauses a running workflow at its next step', async () => {
    const { dc } = adapter;
    const loop = fixture('busy');
    const { firstStop } = await launch(dc, { args: { program: loop, clock: 'real' } });
    void firstStop;
    const paused = dc.waitForEvent('stopped') as Promise<Stopped>;
    await dc.pauseRequest({ threadId: 1 });
    const stop = await paused;
    assert.equal(stop.body.reason, 'pause');
    assert.deepEqual((await stackOf(dc, stop.body.threadId)).map((f) => f.name), ['main › nap']);
  });
});
