/**
 * `map.get`, `map.delete`, `map.merge`, `map.merge_nested` (WORKFLOWS-LANGUAGE.md §3.9). All
 * return copies. Choices: `map.get` with an empty key list returns the map itself; deleting an
 * absent key is not an error; merged keys keep the first map's order, new keys follow.
 */
import { copyValue, type Value, type WfMap } from '../value';
import { Args } from './args';
import type { NativeFunction } from './context';

const get: NativeFunction = (values) => {
  const a = new Args('map.get', values);
  const map = a.required('map');
  const keys = a.required('keys');
  let path: string[];
  if (typeof keys === 'string') path = [keys];
  else if (Array.isArray(keys) && keys.every((k): k is string => typeof k === 'string')) path = keys;
  else return a.typeError('keys', 'a string or a list of strings', keys);
  let current: Value = map;
  for (const key of path) {
    if (!(current instanceof Map)) return null;
    const next: Value | undefined = current.get(key);
    if (next === undefined) return null;
    current = next;
  }
  return copyValue(current);
};

const del: NativeFunction = (values) => {
  const a = new Args('map.delete', values);
  const map = a.map('map');
  const key = a.string('key');
  const out = copyValue(map) as WfMap;
  out.delete(key);
  return out;
};

function mergeNested(first: WfMap, second: WfMap): WfMap {
  const out = copyValue(first) as WfMap;
  for (const [k, v] of second) {
    const mine = out.get(k);
    out.set(k, mine instanceof Map && v instanceof Map ? mergeNested(mine, v) : copyValue(v));
  }
  return out;
}

const merge: NativeFunction = (values) => {
  const a = new Args('map.merge', values);
  const out = copyValue(a.map('first')) as WfMap;
  for (const [k, v] of a.map('second')) out.set(k, copyValue(v));
  return out;
};

const mergeNestedFn: NativeFunction = (values) => {
  const a = new Args('map.merge_nested', values);
  return mergeNested(a.map('first'), a.map('second'));
};

export const MAP_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['map.get', get],
  ['map.delete', del],
  ['map.merge', merge],
  ['map.merge_nested', mergeNestedFn],
]);
