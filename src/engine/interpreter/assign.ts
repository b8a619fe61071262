/**
 * `assign` steps: entries run in order, each value is copied (no two variables share a list or
 * map), and targets may be paths such as `m.key`, `m["k"]`, `l[i + 1]`, `a.b[c].d`.
 *
 * [R] A path's intermediate keys must exist: `m.a.b: 1` with no `m.a` raises KeyError (Google does
 * not document auto-creation). The last key of a map path may be new (it is added); a list index
 * must already exist (IndexError otherwise): lists grow only through `list.concat`/`list.prepend`.
 */
import type { Expr } from '../../core/expr/ast';
import type { AssignStep, ExprValue } from '../../core/model/types';
import { workflowError } from '../errors';
import { copyValue, typeOf, type Value } from '../value';
import type { StepContext } from './context';
import { evaluate, evaluateValue, indexValue, type MaybePromise } from './evaluate';
import { sizeOf } from './limits';

/**
 * Runs the entries in order. Each entry is evaluated and stored without yielding to other
 * parallel branches unless it calls a subworkflow, so an update of a shared variable is atomic.
 */
export async function runAssign(ctx: StepContext, step: AssignStep): Promise<void> {
  const ev = ctx.exec.evalContext(ctx);
  for (const entry of step.assign) {
    let value = evaluateValue(entry.value, ev);
    if (value instanceof Promise) value = await value;
    value = copyValue(value);
    if (typeof value === 'string') ctx.exec.meter.checkString(value);
    const done = assignTo(ctx, entry.target, value);
    if (done instanceof Promise) await done;
  }
}

/** Stores `value` (already a private copy) at an assignment target. */
export function assignTo(ctx: StepContext, target: ExprValue, value: Value): void | Promise<void> {
  if (!target.parsed.ok) throw workflowError('ValueError', `Invalid assignment target "${target.text}": ${target.parsed.error.message}`);
  const path: Expr[] = [];
  let root = target.parsed.expr;
  while (root.kind === 'member' || root.kind === 'index') {
    path.unshift(root);
    root = root.object;
  }
  if (root.kind !== 'identifier') throw workflowError('TypeError', `"${target.text}" cannot be assigned to`);
  if (path.length === 0) {
    ctx.scope.set(root.name, value);
    return;
  }
  const ev = ctx.exec.evalContext(ctx);
  const keyOf = (seg: Expr): MaybePromise<Value> => (seg.kind === 'index' ? evaluate(seg.index, ev) : seg.kind === 'member' ? seg.property : null);
  const name = root.name;
  const keys: Value[] = [];
  const store = (): void => {
    let container = ctx.scope.valueForUpdate(name);
    for (const key of keys.slice(0, -1)) container = indexValue(container, key);
    storeAt(ctx, container, keys[keys.length - 1], value);
  };
  // Keys are evaluated left to right; only a subworkflow call inside one makes this asynchronous.
  const finish = async (from: number, pending: Promise<Value>): Promise<void> => {
    keys.push(await pending);
    for (let j = from + 1; j < path.length; j++) keys.push(await keyOf(path[j]));
    store();
  };
  for (let i = 0; i < path.length; i++) {
    const key = keyOf(path[i]);
    if (key instanceof Promise) return finish(i, key);
    keys.push(key);
  }
  store();
}

function storeAt(ctx: StepContext, container: Value, key: Value, value: Value): void {
  if (container instanceof Map) {
    if (typeof key !== 'string') throw workflowError('TypeError', `Map key must be a string, got: ${typeOf(key)}`);
    const old = container.get(key);
    container.set(key, value);
    ctx.exec.meter.memory(sizeOf(value) - (old === undefined ? -key.length : sizeOf(old)));
    return;
  }
  if (Array.isArray(container)) {
    if (typeof key !== 'bigint') throw workflowError('TypeError', `List index must be an integer, got: ${typeOf(key)}`);
    if (key < 0n || key >= BigInt(container.length)) {
      throw workflowError('IndexError', `List index ${key} out of range (length ${container.length})`);
    }
    const old = container[Number(key)];
    container[Number(key)] = value;
    ctx.exec.meter.memory(sizeOf(value) - sizeOf(old));
    return;
  }
  throw workflowError('TypeError', `Cannot assign into a value of type ${typeOf(container)}; only maps and lists have elements`);
}
