/**
 * The variables of detailed execution history (`variableData.variables` of a step entry): the
 * variables in scope when a step ends, as JSON text of a map, with integers exact.
 *
 * Choices [R] (Google documents no limits for them):
 * - A value JSON cannot hold (bytes, or a non-finite double anywhere inside it) is recorded as a
 *   string saying so, e.g. `"<bytes: 12 bytes, not representable as JSON>"`, so the other
 *   variables of the entry are still recorded.
 * - A variable whose JSON is longer than 32 KiB is recorded as `"<too large to record: N bytes>"`.
 * - An execution records at most 16 MiB of variables in all; later entries carry none, so a long
 *   loop cannot exhaust the emulator's memory.
 */
import { encodeJson } from '../json';
import type { Value } from '../value';

export const MAX_VARIABLE_BYTES = 32 * 1024;
export const MAX_EXECUTION_VARIABLE_BYTES = 16 * 1024 * 1024;

/** Encodes each execution's variables, within its budget. */
export class VariableRecorder {
  private used = 0;

  constructor(private readonly budget = MAX_EXECUTION_VARIABLE_BYTES) {}

  /** JSON text of `variables`, or undefined when the execution's budget is used up. */
  encode(variables: ReadonlyMap<string, Value>): string | undefined {
    if (this.used >= this.budget) return undefined;
    const parts: string[] = [];
    for (const [name, value] of variables) parts.push(`${JSON.stringify(name)}:${encodeVariable(value)}`);
    const text = `{${parts.join(',')}}`;
    this.used += text.length;
    return this.used > this.budget ? undefined : text;
  }
}

function encodeVariable(value: Value): string {
  let text: string;
  try {
    text = encodeJson(value);
  } catch {
    const what = value instanceof Uint8Array ? `bytes: ${value.length} bytes` : 'a value with bytes or a non-finite double inside';
    return JSON.stringify(`<${what}, not representable as JSON>`);
  }
  return text.length > MAX_VARIABLE_BYTES ? JSON.stringify(`<too large to record: ${text.length} bytes>`) : text;
}
