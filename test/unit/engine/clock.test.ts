import { strict as assert } from 'assert';
import { RealClock, VIRTUAL_EPOCH_MS, VirtualClock } from '../../../src/engine/clock';

describe('VirtualClock', () => {
  it('starts at the fixed epoch or the given time', () => {
    assert.equal(new VirtualClock().now(), VIRTUAL_EPOCH_MS);
    assert.equal(new VirtualClock(5000).now(), 5000);
  });

  it('finishes four concurrent 10-second sleeps together at t+10 s in well under a second', async () => {
    const clock = new VirtualClock(0);
    const started = Date.now();
    const ends = await Promise.all([1, 2, 3, 4].map(() => clock.sleep(10_000).then(() => clock.now())));
    assert.deepEqual(ends, [10_000, 10_000, 10_000, 10_000]);
    assert.ok(Date.now() - started < 1000);
  });

  it('fires timers in due order, then request order', async () => {
    const clock = new VirtualClock(0);
    const order: string[] = [];
    await Promise.all([
      clock.sleep(300).then(() => order.push(`c@${clock.now()}`)),
      clock.sleep(100).then(() => order.push(`a@${clock.now()}`)),
      clock.sleep(100).then(() => order.push(`b@${clock.now()}`)),
      clock.sleep(200).then(async () => {
        order.push(`d@${clock.now()}`);
        await clock.sleep(50);
        order.push(`e@${clock.now()}`);
      }),
    ]);
    assert.deepEqual(order, ['a@100', 'b@100', 'd@200', 'e@250', 'c@300']);
  });

  it('rejects a sleep with the abort reason when the signal aborts', async () => {
    const clock = new VirtualClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(sleeping, /stop/);
    assert.equal(clock.now(), 0);
  });
});

describe('RealClock', () => {
  it('sleeps for about the requested time and can be aborted', async () => {
    const clock = new RealClock();
    const t0 = Date.now();
    await clock.sleep(30);
    assert.ok(Date.now() - t0 >= 25);
    const controller = new AbortController();
    const sleeping = clock.sleep(10_000, controller.signal);
    controller.abort(new Error('cancelled'));
    await assert.rejects(sleeping, /cancelled/);
  });
});
