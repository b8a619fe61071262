/**
 * Variable scopes (WORKFLOWS-LANGUAGE.md §2.9). Variables live in real `Map`s, so a variable named
 * `__proto__` or `constructor` is plain data.
 *
 * - A routine scope holds a routine invocation's variables; callers' variables are invisible.
 * - A block scope (a `for` iteration, an `except` block) reads its parents; writing a name that
 *   already exists outside updates it there, a new name stays local and vanishes with the block.
 * - A branch scope (a parallel branch or iteration) reads its parents but writes only names listed
 *   in `shared` through to them; any other write creates a branch-local variable [R: Google rejects
 *   such writes at deploy time; at run time a private copy is the harmless reading].
 */
import { workflowError } from '../errors';
import { copyValue, type Value } from '../value';
import { sizeOf, type Meter } from './limits';

export type ScopeKind = 'routine' | 'block' | 'branch';

export class Scope {
  private readonly vars = new Map<string, Value>();

  constructor(
    readonly kind: ScopeKind,
    private readonly meter: Meter,
    readonly parent?: Scope,
    private readonly shared: ReadonlySet<string> = new Set(),
  ) {}

  /** A child block or branch scope. */
  child(kind: 'block' | 'branch', shared?: ReadonlySet<string>): Scope {
    return new Scope(kind, this.meter, this, shared);
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
      if (visible === undefined) throw workflowError('KeyError', `Variable "${name}" is not defined`);
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

  /** Every visible variable name with its value, innermost first wins (for debugging views). */
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
      if (s.kind === 'branch' && !s.shared.has(name)) return this;
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
