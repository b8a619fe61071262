/**
 * What a name can be called as: a subworkflow of the workflow, a standard-library function, or a
 * `googleapis.*` connector, reached from a `call` step (named or positional arguments) or from an
 * expression (positional arguments; blocking functions are refused there).
 *
 * [R] Calling a blocking function inside `${...}` raises TypeError; a connector the catalogue
 * knows may be called there with positional arguments, as Google's Secret Manager sample does [S]; an unknown
 * function name raises KeyError; unknown or surplus arguments raise TypeError. A subworkflow called
 * from an expression may itself block (sleep, HTTP): Google leaves this undocumented, and allowing
 * it is the lenient reading.
 */
import { lookupConnectorMethod, type ConnectorMethod } from '../../core/connectors/catalogue';
import { isConnectorName, lookupFunction, type StdlibFunction } from '../../core/stdlib/catalogue';
import type { HttpResponse } from '../host';
import type { Routine } from '../../core/model/types';
import { resolveCallee } from '../../core/validate/callees';
import { WorkflowError, structuralError, workflowError } from '../errors';
import { fromJson, toJson } from '../json';
import { STDLIB } from '../stdlib';
import type { NativeContext } from '../stdlib/context';
import type { JsonValue } from '../value';
import { copyValue, typeOf, type Value, type WfMap } from '../value';
import type { StepContext } from './context';
import type { MaybePromise } from './evaluate';

/**
 * Expression helpers that Google does not count as steps (best-practice page); every other
 * function called from an expression counts one. A `call` step counts once, as a step.
 */
const FREE_FUNCTIONS = new Set(['len', 'int', 'get_type']);

function nativeContext(ctx: StepContext): NativeContext {
  return {
    host: ctx.exec.host,
    signal: ctx.exec.signal,
    callFunction: async (name, args) => ctx.exec.callFunction(ctx, name, args),
  };
}

/** Calls a native; non-blocking natives answer synchronously, which keeps expressions atomic. */
function callNative(ctx: StepContext, fn: StdlibFunction, args: (Value | undefined)[], native_ = nativeContext(ctx)): MaybePromise<Value> {
  const native = STDLIB.get(fn.name);
  if (!native) throw workflowError('SystemError', `The standard-library function "${fn.name}" is not available in this runtime`);
  const result = native(args, native_);
  const check = (v: Value): Value => (typeof v === 'string' ? ctx.exec.meter.checkString(v) : v);
  return result instanceof Promise ? result.then(check) : check(result);
}

/**
 * An unknown callee. When the validator reports it as an error (a name in no module, or in a
 * documented one: `resolveCallee`), Google refuses it at deploy time and so this is a structural
 * refusal; a name in a module the catalogue does not know is only a lint warning, and a KeyError.
 */
function unknownFunction(name: string): never {
  const message = `Unknown function or subworkflow "${name}"`;
  const callee = resolveCallee(name, NO_ROUTINES);
  if (callee.kind === 'unknown' && callee.documentedModule) throw structuralError('unknown-function', message, undefined, 'KeyError');
  throw workflowError('KeyError', message);
}

/**
 * Lets the host's interceptor (workflow tests' mocks) answer a call before the runtime does;
 * undefined when there is none or it lets the call through. Stdlib arguments given by position
 * and subworkflow arguments given by position are shown to it by parameter name.
 */
function intercepted(ctx: StepContext, name: string, args: Value | undefined, fromExpression: boolean): MaybePromise<Value> | undefined {
  const interceptor = ctx.exec.host.interceptor;
  if (!interceptor) return undefined;
  const fn = lookupFunction(name);
  const params = ctx.exec.isRoutine(name) ? ctx.exec.routineParams(name) : fn?.params.map((p) => p.name);
  const named = params && Array.isArray(args) ? new Map(params.flatMap((p, i): [string, Value][] => (args[i] === undefined ? [] : [[p, args[i]]]))) : args;
  const frame = ctx.thread.frames[ctx.thread.frames.length - 1];
  const step = frame?.step?.name.value ?? '';
  const answer = interceptor.intercept({ target: name, args: named ?? null, step, routine: ctx.routine.name.value, fromExpression });
  switch (answer?.kind) {
    case undefined:
      return undefined;
    case 'returns':
      return copyValue(answer.value);
    case 'raises':
      throw new WorkflowError(copyValue(answer.value));
    case 'stop':
      throw new WorkflowError(answer.value, true);
    case 'response':
      if (!fn || fn.module !== 'http') throw workflowError('TypeError', `A raw HTTP response can only answer http.* calls, not "${name}"`);
      return callNative(ctx, fn, positional(fn, args), withResponse(ctx, answer.response));
  }
}

/** A native context whose HTTP client answers with `response`, so http.* handles it as a real one. */
function withResponse(ctx: StepContext, response: HttpResponse): NativeContext {
  const base = nativeContext(ctx);
  return { ...base, host: { ...base.host, http: { send: async () => response } } };
}

/** Subworkflows are looked up before a callee is unknown. */
const NO_ROUTINES: ReadonlyMap<string, Routine> = new Map();

/** A call inside `${...}`: subworkflows and non-blocking functions only. */
export function callFromExpression(ctx: StepContext, name: string, args: Value[]): MaybePromise<Value> {
  if (ctx.exec.isRoutine(name)) {
    ctx.exec.meter.step();
    return intercepted(ctx, name, args, true) ?? ctx.exec.invokeRoutine(ctx, name, args.map(copyValue));
  }
  const fn = lookupFunction(name);
  if (!fn) {
    // Google's Secret Manager sample calls `...versions.accessString(secret_id, version, project_id)`
    // inside an expression [S]: positional arguments in the catalogue's order.
    const method = lookupConnectorMethod(name);
    if (method) return callConnector(ctx, name, connectorArgs(method, args));
    if (isConnectorName(name)) throw workflowError('TypeError', `Unknown connector "${name}"`);
    return unknownFunction(name);
  }
  // The validator's `blocking-in-expression`: a structure Google refuses at deploy time.
  if (fn.blocking) throw structuralError('blocking-in-expression', `"${name}" is a blocking function: call it from a call step, not in an expression`, undefined, 'TypeError');
  if (args.length > fn.params.length) throw workflowError('TypeError', `${name}: expected at most ${fn.params.length} arguments, got ${args.length}`);
  if (!FREE_FUNCTIONS.has(fn.name)) ctx.exec.meter.step();
  return intercepted(ctx, name, args, true) ?? callNative(ctx, fn, args);
}

/** Positional arguments of a connector called in an expression, named by the catalogue. */
function connectorArgs(method: ConnectorMethod, args: Value[]): WfMap {
  const names = method.args.filter((a) => a.kind !== 'standard' && a.kind !== 'connector_params').map((a) => a.name);
  if (args.length > names.length) throw workflowError('TypeError', `${method.fullName}: expected at most ${names.length} arguments, got ${args.length}`);
  return new Map(args.map((v, i) => [names[i], v]));
}

/** Orders named `args:` by the catalogue's parameters; unknown names are a TypeError. */
function positional(fn: StdlibFunction, args: Value | undefined): (Value | undefined)[] {
  if (args === undefined || args === null) return [];
  if (Array.isArray(args)) {
    if (args.length > fn.params.length) throw workflowError('TypeError', `${fn.name}: expected at most ${fn.params.length} arguments, got ${args.length}`);
    return args;
  }
  if (!(args instanceof Map)) throw workflowError('TypeError', `${fn.name}: args must be a map or a list, got: ${typeOf(args)}`);
  const names = fn.params.map((p) => p.name);
  for (const key of args.keys()) {
    if (!names.includes(key)) throw workflowError('TypeError', `${fn.name}: unexpected argument "${key}"; accepted: ${names.join(', ')}`);
  }
  return names.map((n) => (args.has(n) ? args.get(n) : undefined));
}

/** A `call` step's target with its evaluated `args:` (a map, a list for stdlib, or absent). */
export async function callFromStep(ctx: StepContext, name: string, args: Value | undefined): Promise<Value> {
  const { exec } = ctx;
  const answer = intercepted(ctx, name, args, false);
  if (answer !== undefined) return answer;
  if (exec.isRoutine(name)) {
    if (args !== undefined && args !== null && !(args instanceof Map)) {
      throw workflowError('TypeError', `Subworkflow "${name}" takes named arguments (a map), got: ${typeOf(args)}`);
    }
    return exec.invokeRoutine(ctx, name, args ?? new Map());
  }
  if (name.startsWith('googleapis.') || (name.startsWith('gke.') && lookupConnectorMethod(name))) return callConnector(ctx, name, args);
  const fn = lookupFunction(name);
  if (!fn) return unknownFunction(name);
  return await callNative(ctx, fn, positional(fn, args));
}

async function callConnector(ctx: StepContext, name: string, args: Value | undefined): Promise<Value> {
  const { exec } = ctx;
  if (args !== undefined && args !== null && !(args instanceof Map)) {
    throw workflowError('TypeError', `Connector "${name}" takes named arguments (a map), got: ${typeOf(args)}`);
  }
  const json = toJson(args ?? new Map()) as Record<string, JsonValue>;
  const result = await exec.host.connectors.call(name, json, { env: exec.host.env, signal: exec.signal, clock: exec.host.clock });
  return fromJson(result);
}
