import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeJson, encodeJson } from '../../../src/engine/json';
import type { Value } from '../../../src/engine/value';

/** Values that survive a round trip unchanged: integers as bigint, doubles with a fraction. */
const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
    fc.string({ unit: 'grapheme' }),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.uniqueArray(fc.tuple(fc.string(), tie('v')), { maxLength: 4, selector: ([k]) => k }).map((entries) => new Map<string, Value>(entries)),
  ),
})).v;

describe('JSON codec properties', () => {
  it('decodes what it encodes, compact or indented, and agrees with JSON.parse on structure', () => {
    fc.assert(
      fc.property(value, fc.constantFrom<number | boolean>(false, true, 4), (v, indent) => {
        const text = encodeJson(v, indent);
        assert.deepEqual(decodeJson(text), v);
        assert.doesNotThrow(() => JSON.parse(text));
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});
