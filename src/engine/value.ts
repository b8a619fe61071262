/**
 * Runtime values of the Workflows language.
 *
 * - integer: `bigint` (64-bit signed; results outside int64 raise an error, never wrap)
 * - double: `number`
 * - string: `string`; boolean: `boolean`; null: `null`
 * - bytes: `Uint8Array`
 * - list: `Value[]`
 * - map: `Map<string, Value>` — a real Map, so user keys such as `__proto__` or `constructor`
 *   are plain data and never reach JavaScript prototypes.
 *
 * Assignment copies (see `copyValue`): no two variables ever share a list or map.
 */
export type Value = null | boolean | bigint | number | string | Uint8Array | Value[] | WfMap;
export type WfMap = Map<string, Value>;

/**
 * Plain JSON data as it crosses the engine's edges (connectors, API payloads). An integer that a
 * double cannot hold exactly (beyond ±2^53) stays a `bigint`, so it must never meet
 * `JSON.stringify`: write such data with `encodeJsonData` (json.ts).
 */
export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };

export type TypeName = 'null' | 'boolean' | 'integer' | 'double' | 'string' | 'bytes' | 'list' | 'map';

/** The language's name for a value's type, as `get_type` returns it. */
export function typeOf(value: Value): TypeName {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'bigint':
      return 'integer';
    case 'number':
      return 'double';
    case 'string':
      return 'string';
  }
  if (value instanceof Uint8Array) return 'bytes';
  if (Array.isArray(value)) return 'list';
  return 'map';
}

export function isMap(value: Value): value is WfMap {
  return value instanceof Map;
}

/** A deep copy for assignment semantics (scalars and bytes are immutable and returned as-is). */
export function copyValue(value: Value): Value {
  if (Array.isArray(value)) return value.map(copyValue);
  if (value instanceof Map) {
    const out: WfMap = new Map();
    for (const [k, v] of value) out.set(k, copyValue(v));
    return out;
  }
  return value;
}
