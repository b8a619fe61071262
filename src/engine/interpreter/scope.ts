/**
 * Variable scopes at run time (WORKFLOWS-LANGUAGE.md §2.9), one per scope instance of the
 * structural semantics (`core/semantics/rules.ts` decides which blocks open one and how writes
 * cross it). Variables live in real `Map`s, so a variable named `__proto__` or `constructor` is
 * plain data.
 *
 * - A routine scope holds a routine invocation's variables; callers' variables are invisible.
 * - A `for` scope (one per run of the loop, shared by its iterations) and an `except` scope read
 *   their parents; writing a name that already exists outside updates it there, a new name stays
 *   local and vanishes with the block.
 * - A branch scope (a parallel branch or iteration) reads its parents but writes only names listed
 *   in `shared` through to them. Writing another variable of the scope around the parallel step is
 *   a structural refusal, as the validator reports and Google refuses at deploy; a name the source
 *   first creates after the parallel step is a new branch-local variable.
 */
import { resolvesStatically, SCOPE_WRITES, unsharedWriteBoundary, type ScopeKind, type Semantics, type StaticScope } from '../../core/semantics';
import { structuralError, workflowError } from '../errors';
import { copyValue, type Value } from '../value';
import { sizeOf, type Meter } from './limits';

/** The scope of the source this run-time scope stands for, to tell a structural KeyError from a run-time one. */
export interface StaticBinding {
  semantics: Semantics;
  scope: StaticScope;
}

export class Scope {
  private readonly vars = new Map<string, Value>();

  constructor(
    readonly kind: ScopeKind,
    private readonly meter: Meter,
    readonly parent?: Scope,
    private readonly shared: ReadonlySet<string> = new Set(),
    private readonly statics?: StaticBinding,
  ) {}

  /** A child scope for a `for` loop, an `except` block, a branch or a parallel iteration. */
  child(kind: Exclude<ScopeKind, 'routine'>, statics?: StaticScope, shared?: ReadonlySet<string>): Scope {
    const binding = statics && this.statics ? { semantics: this.statics.semantics, scope: statics } : undefined;
    return new Scope(kind, this.meter, this, shared, binding);
  }

  /**
   * The KeyError for reading `name`, which no visible scope holds now. When no scope of the source
   * around this one defines the name at all, it is a structural refusal (the validator reports
   * the name as undefined); otherwise the name just has no value yet, a run-time error.
   */
  undefinedVariable(name: string): Error {
    const message = `Variable "${name}" is not defined`;
    if (this.statics && !resolvesStatically(this.statics.semantics, this.statics.scope, name)) {
      return structuralError('undefined-variable', message, undefined, 'KeyError');
    }
    return workflowError('KeyError', message);
  }

  /** The variable's current value (not a copy), or undefined when no visible scope defines it. */
  lookup(name: string): Value | undefined {
    for (let s: Scope | undefined = this; s; s = s.kind === 'routine' ? undefined : s.parent) {
      if (s.vars.has(name)) return s.vars.get(name) as Value;
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  /** Stores `value` (the caller passes a fresh copy) in the scope that owns `name`. */
  set(name: string, value: Value): void {
    this.writeTarget(name).put(name, value);
  }

  /** Declares `name` in this very scope (loop variables, parameters, `except: as:`). */
  define(name: string, value: Value): void {
    this.put(name, value);
  }

  /**
   * The value of `name` for an in-place update (`m.key[i]: v`), made private to this branch first
   * when it belongs to a scope the branch may only read.
   */
  valueForUpdate(name: string): Value {
    const target = this.writeTarget(name);
    if (!target.vars.has(name)) {
      const visible = this.lookup(name);
      if (visible === undefined) throw this.undefinedVariable(name);
      target.put(name, copyValue(visible));
    }
    return target.vars.get(name) as Value;
  }

  /** Releases this scope's variables from the memory meter when the block ends. */
  dispose(): void {
    let total = 0;
    for (const [k, v] of this.vars) total += k.length + sizeOf(v);
    this.vars.clear();
    this.meter.memory(-total);
  }

  /** Every visible variable with its value, the innermost scope winning (for the debugger's views). */
  snapshot(): Map<string, Value> {
    const chain: Scope[] = [];
    for (let s: Scope | undefined = this; s; s = s.kind === 'routine' ? undefined : s.parent) chain.unshift(s);
    const out = new Map<string, Value>();
    for (const s of chain) for (const [k, v] of s.vars) out.set(k, v);
    return out;
  }

  private writeTarget(name: string): Scope {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if (s.vars.has(name)) return s;
      if (s.kind === 'routine') break;
      if (SCOPE_WRITES[s.kind] === 'shared-only' && !s.shared.has(name)) {
        if (this.statics && unsharedWriteBoundary(this.statics.scope, name)) {
          throw structuralError('unshared-parallel-write', `Variable "${name}" belongs to the scope around the parallel step and is not listed in its "shared"`);
        }
        return this;
      }
    }
    return this;
  }

  private put(name: string, value: Value): void {
    const old = this.vars.get(name);
    const delta = sizeOf(value) - (old === undefined ? -name.length : sizeOf(old));
    this.vars.set(name, value);
    this.meter.memory(delta);
  }
}
