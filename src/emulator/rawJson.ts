/**
 * JSON text placed verbatim inside a REST response, so values the engine recorded as JSON text
 * (step variables, `sys.log` JSON payloads) reach the client with integers beyond 2^53 exact:
 * `JSON.parse` and `JSON.stringify` would round them.
 */
import { randomBytes } from 'node:crypto';
import type { JsonValue } from '../engine/value';

class RawJson {
  constructor(readonly text: string) {}

  /** For callers that stringify a resource themselves: the value, parsed (not exact). */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/**
 * Marks `text` (valid JSON) to be written as is by `stringifyResource`. Typed as a JSON value so
 * it fits in a resource; anything else that serialises it gets the parsed value.
 */
export function rawJson(text: string): JsonValue {
  return new RawJson(text) as unknown as JsonValue;
}

/** `JSON.stringify` that writes `rawJson` markers verbatim. */
export function stringifyResource(value: unknown): string {
  const raws: string[] = [];
  const tag = `@@raw-${randomBytes(8).toString('hex')}-`;
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const original = this[key];
    if (!(original instanceof RawJson)) return v;
    raws.push(original.text);
    return `${tag}${raws.length - 1}@@`;
  });
  if (raws.length === 0) return text;
  return text.replace(new RegExp(`"${tag}(\\d+)@@"`, 'g'), (_, i: string) => raws[Number(i)]);
}
