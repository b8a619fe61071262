/**
 * Evaluates expressions (the AST of `src/core/expr/ast.ts`) and model values (YAML/JSON data with
 * `${...}` inside) to runtime values. Identifiers resolve only through `Scope` maps and the
 * standard-library catalogue; nothing here reads JavaScript globals or object prototypes.
 *
 * The evaluator is a generator that yields only at function calls. The driver resumes it
 * synchronously while calls return plain values (every non-blocking standard-library function),
 * and switches to awaiting only when a call returns a promise (a subworkflow). An expression
 * without subworkflow calls therefore evaluates without yielding to other parallel branches, which
 * is what makes `total: ${total + 1}` on a shared variable atomic.
 *
 * [R] Reading an undefined variable raises KeyError. When no scope of the source defines the name
 * (the validator's `undefined-variable`, which Google rejects at deploy time) the KeyError is a
 * structural refusal (`Scope.undefinedVariable`); a name defined somewhere in scope but not yet
 * assigned is an ordinary run-time KeyError. Map keys built by expressions must be strings
 * (TypeError otherwise).
 */
import type { Expr } from '../../core/expr/ast';
import { int64OverflowMessage, isInt64 } from '../../core/numbers';
import type { Value as ModelValue, ExprValue } from '../../core/model/types';
import { isStdlibModule, lookupConstant, lookupFunction } from '../../core/stdlib/catalogue';
import { workflowError } from '../errors';
import { typeOf, type Value, type WfMap } from '../value';
import { constantValue } from './constants';
import type { Meter } from './limits';
import { add, arithmetic, compare, contains, divide, equals, negate, requireBoolean } from './operators';
import type { Scope } from './scope';

/** What evaluation needs from the interpreter: variables, meters and function calls. */
export interface EvalContext {
  scope: Scope;
  meter: Meter;
  /** Calls a function or subworkflow from an expression, arguments positional. */
  callFunction(name: string, args: Value[]): Value | Promise<Value>;
  /** True when `name` is a subworkflow of the running workflow. */
  isRoutine(name: string): boolean;
}

/** A value now, or later when a subworkflow call had to be awaited. */
export type MaybePromise<T> = T | Promise<T>;

interface CallRequest {
  name: string;
  args: Value[];
}

type Evaluation = Generator<CallRequest, Value, Value>;

function drive(gen: Evaluation, ctx: EvalContext): MaybePromise<Value> {
  let step = gen.next();
  while (!step.done) {
    const result = ctx.callFunction(step.value.name, step.value.args);
    if (result instanceof Promise) return finish(gen, result, ctx);
    step = gen.next(result);
  }
  return step.value;
}

async function finish(gen: Evaluation, pending: Promise<Value>, ctx: EvalContext): Promise<Value> {
  let step = gen.next(await pending);
  while (!step.done) step = gen.next(await ctx.callFunction(step.value.name, step.value.args));
  return step.value;
}

/** Evaluates an expression node. */
export function evaluate(expr: Expr, ctx: EvalContext): MaybePromise<Value> {
  return drive(walk(expr, ctx), ctx);
}

/** Evaluates a model value: literal data, possibly with expressions anywhere inside. */
export function evaluateValue(value: ModelValue, ctx: EvalContext): MaybePromise<Value> {
  return drive(walkValue(value, ctx), ctx);
}

/** Evaluates a parsed `${...}`; a syntax error (normally stopped by validation) raises ValueError. */
export function evaluateExprValue(value: ExprValue, ctx: EvalContext): MaybePromise<Value> {
  return drive(walkExprValue(value, ctx), ctx);
}

/**
 * A YAML/JSON scalar as a runtime value: integers stay exact; one outside int64 (a lint error,
 * `integer-out-of-range`) raises the integer overflow ValueError if it is run anyway.
 */
export function scalarToValue(v: string | number | bigint | boolean | null): Value {
  if (typeof v === 'bigint' && !isInt64(v)) throw workflowError('ValueError', int64OverflowMessage(v, 'literal'));
  return v;
}

function literalInt(text: string): bigint {
  const n = BigInt(text);
  if (!isInt64(n)) throw workflowError('ValueError', int64OverflowMessage(n, 'literal'));
  return n;
}

/** The dotted name an expression spells (`a`, `http.default_retry`), or undefined. */
export function dottedName(expr: Expr): string | undefined {
  if (expr.kind === 'identifier') return expr.name;
  if (expr.kind === 'member') {
    const head = dottedName(expr.object);
    return head === undefined ? undefined : `${head}.${expr.property}`;
  }
  return undefined;
}

function* walkExprValue(value: ExprValue, ctx: EvalContext): Evaluation {
  if (!value.parsed.ok) throw workflowError('ValueError', `Invalid expression "${value.text}": ${value.parsed.error.message}`);
  return yield* walk(value.parsed.expr, ctx);
}

function stringKey(key: Value): string {
  if (typeof key !== 'string') throw workflowError('TypeError', `Map keys must be strings, got: ${typeOf(key)}`);
  return key;
}

function* walkValue(value: ModelValue, ctx: EvalContext): Evaluation {
  switch (value.kind) {
    case 'scalar':
      return scalarToValue(value.value);
    case 'expr':
      return yield* walkExprValue(value, ctx);
    case 'list': {
      const out: Value[] = [];
      for (const item of value.items) out.push(yield* walkValue(item, ctx));
      return out;
    }
    case 'map': {
      const out: WfMap = new Map();
      for (const entry of value.entries) {
        const key = entry.key.kind === 'scalar' ? String(entry.key.value) : stringKey(yield* walkExprValue(entry.key, ctx));
        out.set(key, yield* walkValue(entry.value, ctx));
      }
      return out;
    }
  }
}

function* walk(expr: Expr, ctx: EvalContext): Evaluation {
  switch (expr.kind) {
    case 'null':
      return null;
    case 'boolean':
      return expr.value;
    case 'number':
      return expr.isInt ? literalInt(expr.text) : expr.value;
    case 'string':
      return ctx.meter.checkString(expr.value);
    case 'list': {
      const out: Value[] = [];
      for (const item of expr.items) out.push(yield* walk(item, ctx));
      return out;
    }
    case 'map': {
      const out: WfMap = new Map();
      for (const entry of expr.entries) {
        const key = stringKey(yield* walk(entry.key, ctx));
        out.set(key, yield* walk(entry.value, ctx));
      }
      return out;
    }
    case 'identifier':
      return readVariable(expr.name, ctx);
    case 'member':
      return yield* evaluateMember(expr, ctx);
    case 'index': {
      const object = yield* walk(expr.object, ctx);
      return indexValue(object, yield* walk(expr.index, ctx));
    }
    case 'call': {
      const args: Value[] = [];
      for (const a of expr.args) args.push(yield* walk(a, ctx));
      return yield { name: expr.callee, args };
    }
    case 'unary':
      if (expr.operator === 'not') return !requireBoolean(yield* walk(expr.operand, ctx), 'Operator "not"');
      return negate(yield* walk(expr.operand, ctx));
    case 'binary':
      return yield* walkBinary(expr, ctx);
  }
}

function* walkBinary(expr: Extract<Expr, { kind: 'binary' }>, ctx: EvalContext): Evaluation {
  const op = expr.operator;
  if (op === 'and' || op === 'or') {
    const left = requireBoolean(yield* walk(expr.left, ctx), `Operator "${op}"`);
    if (op === 'and' ? !left : left) return left;
    return requireBoolean(yield* walk(expr.right, ctx), `Operator "${op}"`);
  }
  const left = yield* walk(expr.left, ctx);
  const right = yield* walk(expr.right, ctx);
  switch (op) {
    case '+': {
      const sum = add(left, right);
      return typeof sum === 'string' ? ctx.meter.checkString(sum) : sum;
    }
    case '-':
    case '*':
      return arithmetic(op, left, right);
    case '/':
    case '//':
    case '%':
      return divide(op, left, right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, left, right);
    case '==':
      return equals(left, right);
    case '!=':
      return !equals(left, right);
    case 'in':
      return contains(left, right);
    case 'not in':
      return !contains(left, right);
  }
}

/**
 * A variable's value. [R] A name that is no variable but a subworkflow evaluates to the
 * subworkflow's name, so `${my_predicate}` can sit in a retry-policy map like
 * `${http.default_retry_predicate}` does.
 */
function readVariable(name: string, ctx: EvalContext): Value {
  const value = ctx.scope.lookup(name);
  if (value !== undefined) return value;
  if (ctx.isRoutine(name)) return name;
  throw ctx.scope.undefinedVariable(name);
}

/**
 * `a.b`: a map key, or, when `a` is not a variable but a standard-library module, a module
 * constant (`http.default_retry` as a map) or a function named as a value (`${retry.always}`),
 * which evaluates to its name [R].
 */
function* evaluateMember(expr: Extract<Expr, { kind: 'member' }>, ctx: EvalContext): Evaluation {
  const name = dottedName(expr);
  if (name !== undefined) {
    const root = name.slice(0, name.indexOf('.'));
    if (isStdlibModule(root) && ctx.scope.lookup(root) === undefined) return moduleMember(name);
  }
  return memberValue(yield* walk(expr.object, ctx), expr.property);
}

function moduleMember(name: string): Value {
  const constant = lookupConstant(name);
  if (constant) return constantValue(constant);
  if (lookupFunction(name)) return name;
  throw workflowError('KeyError', `"${name}" is not a standard-library constant or function`);
}

/** `map.key`. */
export function memberValue(object: Value, key: string): Value {
  if (object instanceof Map) {
    if (!object.has(key)) throw workflowError('KeyError', `Key "${key}" not found`);
    return object.get(key) as Value;
  }
  throw workflowError('TypeError', `Cannot read key "${key}" of a value of type ${typeOf(object)}; only maps have keys`);
}

/** `list[int]` or `map[string]`. Negative list indexes raise IndexError [R]. */
export function indexValue(object: Value, index: Value): Value {
  if (Array.isArray(object)) {
    if (typeof index !== 'bigint') throw workflowError('TypeError', `List index must be an integer, got: ${typeOf(index)}`);
    if (index < 0n || index >= BigInt(object.length)) {
      throw workflowError('IndexError', `List index ${index} out of range (length ${object.length})`);
    }
    return object[Number(index)];
  }
  if (object instanceof Map) {
    if (typeof index !== 'string') throw workflowError('TypeError', `Map key must be a string, got: ${typeOf(index)}`);
    return memberValue(object, index);
  }
  throw workflowError('TypeError', `Cannot index a value of type ${typeOf(object)}; only lists and maps can be indexed`);
}
