/**
 * `math.abs`, `math.floor`, `math.max`, `math.min`. Integers stay integers; `floor` always
 * returns an integer (ValueError for infinities, NaN or results outside int64); `max`/`min`
 * compare integers and doubles by value and return the winning argument unchanged (the first
 * one when they are equal).
 */
import type { Value } from '../value';
import { Args } from './args';
import type { NativeFunction } from './context';
import { checkInt64 } from '../interpreter/operators';

function numeric(a: Args, name: string): bigint | number {
  const v = a.required(name);
  return typeof v === 'bigint' || typeof v === 'number' ? v : a.typeError(name, 'a number', v);
}

const abs: NativeFunction = (values) => {
  const a = new Args('math.abs', values);
  const x = numeric(a, 'x');
  if (typeof x === 'number') return Math.abs(x);
  return checkInt64(x < 0n ? -x : x, 'math.abs');
};

const floor: NativeFunction = (values) => {
  const a = new Args('math.floor', values);
  const x = numeric(a, 'x');
  if (typeof x === 'bigint') return x;
  if (!Number.isFinite(x)) a.valueError(`cannot take the floor of ${x}`);
  return checkInt64(BigInt(Math.floor(x)), 'math.floor');
};

function pick(fn: string, larger: boolean): NativeFunction {
  return (values): Value => {
    const a = new Args(fn, values);
    const x = numeric(a, 'x');
    const y = numeric(a, 'y');
    if (Number.isNaN(x)) return x;
    if (Number.isNaN(y)) return y;
    return (larger ? y > x : y < x) ? y : x;
  };
}

export const MATH_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['math.abs', abs],
  ['math.floor', floor],
  ['math.max', pick('math.max', true)],
  ['math.min', pick('math.min', false)],
]);
