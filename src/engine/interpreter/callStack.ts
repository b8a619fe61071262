/**
 * Where an error happened. The first step handler that sees a `WorkflowError` records the thread's
 * call stack at that moment (innermost frame first); outer handlers keep that record, so the trace
 * points at the failing step even after the error has unwound through callers.
 */
import { LineIndex } from '../../core/location';
import type { StackFrame } from '../host';
import type { Thread } from './context';

const traces = new WeakMap<object, StackFrame[]>();

/** The thread's frames as stack-trace elements, innermost first, with 1-based line and column. */
export function framesOf(thread: Thread, lines: LineIndex): StackFrame[] {
  const out: StackFrame[] = [];
  for (let i = thread.frames.length - 1; i >= 0; i--) {
    const { routine, step } = thread.frames[i];
    const span = step ? step.name.span : routine.name.span;
    const pos = lines.positionAt(span.start);
    out.push({
      routine: routine.name.value,
      step: step ? step.name.value : routine.name.value,
      line: pos.line + 1,
      column: pos.character + 1,
      length: span.end - span.start,
    });
  }
  return out;
}

/** Records the trace for `error` unless an inner handler already did. */
export function captureTrace(error: unknown, thread: Thread, lines: LineIndex): void {
  if (typeof error === 'object' && error !== null && !traces.has(error)) traces.set(error, framesOf(thread, lines));
}

/** The trace recorded for `error`, if any. */
export function traceOf(error: unknown): StackFrame[] | undefined {
  return typeof error === 'object' && error !== null ? traces.get(error) : undefined;
}

/** Copies a trace from one error to another that replaces it (e.g. a JavaScript fault turned SystemError). */
export function transferTrace(from: unknown, to: object): void {
  const trace = traceOf(from);
  if (trace && !traces.has(to)) traces.set(to, trace);
}
