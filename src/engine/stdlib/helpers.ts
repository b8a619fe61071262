/**
 * Expression helpers without a module prefix: int, double, string, keys, len, default, if,
 * get_type (WORKFLOWS-LANGUAGE.md §3.1).
 *
 * Choices on [R] points: `int` accepts an optional sign and decimal digits only (no spaces, no
 * fraction) and truncates doubles toward zero; `double` accepts decimal and exponent notation;
 * `string` prints doubles in their shortest round-trip form (`string(2.0)` is `"2"`, the same as
 * JSON output); `keys` lists keys in insertion order; `if` evaluates eagerly like any function.
 */
import { formatDouble } from '../../core/numbers';
import { workflowError } from '../errors';
import { checkInt64 } from '../interpreter/operators';
import { typeOf, type Value } from '../value';
import { Args } from './args';
import type { NativeFunction } from './context';


/**
 * `string(x)`: integers, doubles and booleans as text, strings unchanged; null, bytes, lists and
 * maps are a TypeError (encode them with json.encode_to_string).
 */
export function stringOf(fn: string, v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatDouble(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw workflowError('TypeError', `${fn}: cannot convert ${typeOf(v)} to a string`);
}

const int: NativeFunction = (values) => {
  const a = new Args('int', values);
  const v = a.required('arg');
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) a.valueError(`cannot convert ${v} to an integer`);
    return checkInt64(BigInt(Math.trunc(v)), 'int');
  }
  if (typeof v === 'string') {
    if (!/^[+-]?[0-9]+$/.test(v)) a.valueError(`cannot convert ${JSON.stringify(v)} to an integer`);
    return checkInt64(BigInt(v), 'int');
  }
  return a.typeError('arg', 'a string, integer or double', v);
};

const double: NativeFunction = (values) => {
  const a = new Args('double', values);
  const v = a.required('arg');
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(v)) a.valueError(`cannot convert ${JSON.stringify(v)} to a double`);
    const d = Number(v);
    if (!Number.isFinite(d)) a.valueError(`${JSON.stringify(v)} is out of the double range`);
    return d;
  }
  return a.typeError('arg', 'a string, integer or double', v);
};

const string: NativeFunction = (values) => stringOf('string', new Args('string', values).required('arg'));

const keys: NativeFunction = (values) => [...new Args('keys', values).map('map').keys()];

const len: NativeFunction = (values) => {
  const a = new Args('len', values);
  const v = a.required('arg');
  if (typeof v === 'string') {
    let n = 0;
    for (const _ of v) n++;
    return BigInt(n);
  }
  if (Array.isArray(v)) return BigInt(v.length);
  if (v instanceof Map) return BigInt(v.size);
  return a.typeError('arg', 'a string, list or map', v);
};

const defaultFn: NativeFunction = (values) => {
  const a = new Args('default', values);
  const v = a.required('val');
  const d = a.required('defaultVal');
  return v === null ? d : v;
};

const ifFn: NativeFunction = (values) => {
  const a = new Args('if', values);
  const c = a.required('condition');
  const t = a.required('ifTrue');
  const f = a.required('ifFalse');
  if (c === true) return t;
  if (c === false || c === null) return f;
  return a.typeError('condition', 'a boolean or null', c);
};

const getType: NativeFunction = (values) => typeOf(new Args('get_type', values).required('arg'));

/** The expression helpers by name. */
export const HELPER_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['int', int],
  ['double', double],
  ['string', string],
  ['keys', keys],
  ['len', len],
  ['default', defaultFn],
  ['if', ifFn],
  ['get_type', getType],
]);
