/**
 * Argument checks shared by the natives, so every function reports a wrong or missing argument
 * the same way: `<function>: argument "<name>" must be <kind>, got <type>` (TypeError).
 */
import { lookupFunction } from '../../core/stdlib/catalogue';
import { workflowError } from '../errors';
import { typeOf, type Value, type WfMap } from '../value';

/** The positional arguments of one call, read by documented name. */
export class Args {
  constructor(
    readonly fn: string,
    private readonly values: readonly (Value | undefined)[],
  ) {}

  private index(name: string): number {
    const i = lookupFunction(this.fn)?.params.findIndex((p) => p.name === name) ?? -1;
    if (i < 0) throw new Error(`${this.fn} has no parameter ${name}`);
    return i;
  }

  /** The argument, or `undefined` when it was not supplied (null counts as supplied). */
  optional(name: string): Value | undefined {
    return this.values[this.index(name)];
  }

  /** The argument; a missing one is a TypeError. */
  required(name: string): Value {
    const v = this.values[this.index(name)];
    if (v === undefined) throw workflowError('TypeError', `${this.fn}: missing argument "${name}"`);
    return v;
  }

  /** A TypeError saying what `name` should have been. */
  typeError(name: string, kind: string, got: Value): never {
    throw workflowError('TypeError', `${this.fn}: argument "${name}" must be ${kind}, got ${typeOf(got)}`);
  }

  /** A ValueError about this function's input. */
  valueError(message: string): never {
    throw workflowError('ValueError', `${this.fn}: ${message}`);
  }

  string(name: string): string {
    const v = this.required(name);
    return typeof v === 'string' ? v : this.typeError(name, 'a string', v);
  }

  /** An optional string; `null` or not supplied gives `fallback`. */
  optionalString(name: string, fallback: string): string;
  optionalString(name: string, fallback: null): string | null;
  optionalString(name: string, fallback: string | null): string | null {
    const v = this.optional(name);
    if (v === undefined || v === null) return fallback;
    return typeof v === 'string' ? v : this.typeError(name, 'a string', v);
  }

  int(name: string): bigint {
    const v = this.required(name);
    return typeof v === 'bigint' ? v : this.typeError(name, 'an integer', v);
  }

  /** An integer or double, as a JavaScript number. */
  number(name: string): number {
    const v = this.required(name);
    if (typeof v === 'bigint') return Number(v);
    return typeof v === 'number' ? v : this.typeError(name, 'a number', v);
  }

  optionalNumber(name: string, fallback: number): number {
    const v = this.optional(name);
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'bigint') return Number(v);
    return typeof v === 'number' ? v : this.typeError(name, 'a number', v);
  }

  optionalBoolean(name: string, fallback: boolean): boolean {
    const v = this.optional(name);
    if (v === undefined || v === null) return fallback;
    return typeof v === 'boolean' ? v : this.typeError(name, 'a boolean', v);
  }

  bytes(name: string): Uint8Array {
    const v = this.required(name);
    return v instanceof Uint8Array ? v : this.typeError(name, 'bytes', v);
  }

  list(name: string): Value[] {
    const v = this.required(name);
    return Array.isArray(v) ? v : this.typeError(name, 'a list', v);
  }

  map(name: string): WfMap {
    const v = this.required(name);
    return v instanceof Map ? v : this.typeError(name, 'a map', v);
  }
}
