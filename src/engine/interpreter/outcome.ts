/**
 * The execution's final outcome: the JSON result, or the error in the Executions API's shape
 * (`payload` = JSON of the error value, `context` = message plus one `in step` line per frame,
 * `stackTrace` = the frames, innermost first).
 */
import type { ExecutionOutcome, StackFrame } from '../host';
import { encodeJson } from '../json';
import type { Value } from '../value';

/** JSON text of an error value; values JSON cannot hold (bytes) are described instead. */
export function errorPayload(value: Value): string {
  try {
    return encodeJson(value);
  } catch {
    return JSON.stringify(describeError(value));
  }
}

/** The human-readable message of an error value: its `message`, the string itself, or its JSON. */
export function describeError(value: Value): string {
  if (typeof value === 'string') return value;
  if (value instanceof Map) {
    const message = value.get('message');
    if (typeof message === 'string') return message;
  }
  try {
    return encodeJson(value);
  } catch {
    return 'workflow error';
  }
}

/** `<message>\nin step "x", routine "main", line: 12` with one line per frame. */
export function errorContext(value: Value, trace: readonly StackFrame[]): string {
  const lines = [describeError(value)];
  for (const f of trace) lines.push(`in step "${f.step}", routine "${f.routine}", line: ${f.line}`);
  return lines.join('\n');
}

/** A FAILED or CANCELLED outcome for an error value. */
export function failureOutcome(state: 'FAILED' | 'CANCELLED', value: Value, trace: readonly StackFrame[]): ExecutionOutcome {
  return { state, error: { payload: errorPayload(value), context: errorContext(value, trace), stackTrace: [...trace] } };
}
