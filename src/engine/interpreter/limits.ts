/**
 * Execution limits (WORKFLOWS-LANGUAGE.md §6) and the per-execution meters that enforce them.
 * All limits are configurable; the defaults are Google's published (or widely cited) values.
 */
import { workflowError } from '../errors';
import type { Value } from '../value';

export interface Limits {
  /** Steps per execution, counted as Google's best-practice page describes. */
  maxSteps: number;
  /** Subworkflow call-stack depth; deeper calls raise RecursionError. */
  maxCallDepth: number;
  /** Approximate bytes held by all live variables of an execution. */
  maxVariableBytes: number;
  /** Characters in one string value. */
  maxStringLength: number;
  /** Branches of one parallel step. */
  maxParallelBranches: number;
  /** Branches or iterations of one parallel step running at once (the `concurrency_limit` ceiling). */
  maxConcurrency: number;
  /** Parallel steps nested inside each other. */
  maxParallelNesting: number;
  /** Branch errors recorded in an UnhandledBranchError. */
  maxRecordedBranchErrors: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxSteps: 100_000,
  maxCallDepth: 20,
  maxVariableBytes: 512 * 1024,
  maxStringLength: 256 * 1024,
  maxParallelBranches: 10,
  maxConcurrency: 20,
  maxParallelNesting: 2,
  maxRecordedBranchErrors: 100,
});

/**
 * Approximate memory of a value: 8 bytes per scalar or container header, plus string characters
 * and map keys. Google does not publish its accounting; this only needs to grow like it.
 */
export function sizeOf(value: Value): number {
  if (typeof value === 'string') return 8 + value.length;
  if (value instanceof Uint8Array) return 8 + value.length;
  if (Array.isArray(value)) {
    let n = 8;
    for (const item of value) n += sizeOf(item);
    return n;
  }
  if (value instanceof Map) {
    let n = 8;
    for (const [k, v] of value) n += k.length + sizeOf(v);
    return n;
  }
  return 8;
}

/** Counts steps and variable memory for one execution; throws the uncatchable ResourceLimitError. */
export class Meter {
  private steps = 0;
  private bytes = 0;

  constructor(readonly limits: Limits) {}

  get stepCount(): number {
    return this.steps;
  }

  get variableBytes(): number {
    return this.bytes;
  }

  /** Records `n` steps. */
  step(n = 1): void {
    this.steps += n;
    if (this.steps > this.limits.maxSteps) {
      throw workflowError('ResourceLimitError', `Maximum number of steps exceeded (${this.limits.maxSteps})`);
    }
  }

  /** Adjusts live variable memory by `delta` bytes. */
  memory(delta: number): void {
    this.bytes = Math.max(0, this.bytes + delta);
    if (this.bytes > this.limits.maxVariableBytes) {
      throw workflowError(
        'ResourceLimitError',
        `Memory limit exceeded: variables need about ${this.bytes} bytes, the limit is ${this.limits.maxVariableBytes}`,
      );
    }
  }

  /** Rejects strings longer than the limit. */
  checkString(s: string): string {
    if (s.length > this.limits.maxStringLength) {
      throw workflowError('ResourceLimitError', `String length ${s.length} exceeds the limit of ${this.limits.maxStringLength} characters`);
    }
    return s;
  }
}
