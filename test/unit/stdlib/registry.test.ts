import * as assert from 'node:assert/strict';
import { STDLIB_FUNCTIONS } from '../../../src/core/stdlib/catalogue';
import { STDLIB } from '../../../src/engine/stdlib';
import { callError, err } from './fakeHost';

describe('standard library registry', () => {
  it('implements exactly the functions of the catalogue', () => {
    assert.deepEqual([...STDLIB.keys()].sort(), STDLIB_FUNCTIONS.map((f) => f.name).sort());
  });

  it('reports a missing required argument of every function with parameters as a TypeError', async () => {
    for (const fn of STDLIB_FUNCTIONS) {
      const first = fn.params.findIndex((p) => !p.optional);
      if (first < 0) continue;
      const args = fn.params.map(() => undefined);
      const value = await callError(fn.name, args);
      assert.deepEqual(value, err('TypeError', `${fn.name}: missing argument "${fn.params[first].name}"`), fn.name);
    }
  });
});
