/**
 * Reading REST answers whose values must stay exact: the engine's JSON codec decodes integers
 * beyond 2^53 exactly, so the parts we keep as JSON text (step variables, log payloads) are
 * re-encoded without loss, while the rest becomes plain data.
 */
import { decodeJson, encodeJson, toJson } from '../engine/json';
import type { JsonValue, Value } from '../engine/value';

/** A decoded JSON object: its fields as exact values. */
export type ExactObject = ReadonlyMap<string, Value>;

/** Parses a REST answer; a body that is not a JSON object is an error naming `what`. */
export function parseExactObject(text: string, what: string): ExactObject {
  let value: Value;
  try {
    value = decodeJson(text);
  } catch {
    throw new Error(`The ${what} answer is not valid JSON.`);
  }
  if (!(value instanceof Map)) throw new Error(`The ${what} answer is not a JSON object.`);
  return finite(value) as ExactObject;
}

/** JSON numbers beyond the double range (`1e999`) decode to Infinity, which nothing can encode: null. */
function finite(value: Value): Value {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(finite);
  if (value instanceof Map) {
    for (const [k, v] of value) value.set(k, finite(v));
  }
  return value;
}

/** A field of an object that is itself an object, if it is one. */
export function objectField(object: ExactObject, key: string): ExactObject | undefined {
  const v = object.get(key);
  return v instanceof Map ? v : undefined;
}

/** A field holding a list of objects (other items are skipped). */
export function objectList(object: ExactObject, key: string): ExactObject[] {
  const v = object.get(key);
  return Array.isArray(v) ? v.filter((item): item is Map<string, Value> => item instanceof Map) : [];
}

/** A string field, if it is a string. */
export function stringField(object: ExactObject, key: string): string | undefined {
  const v = object.get(key);
  return typeof v === 'string' ? v : undefined;
}

/** The exact JSON text of a value. */
export function exactText(value: Value): string {
  return encodeJson(value);
}

/** Plain data for the fields that need no exactness (int64 fields of the API are strings). */
export function plain(object: ExactObject): Record<string, JsonValue> {
  return toJson(new Map(object)) as Record<string, JsonValue>;
}
