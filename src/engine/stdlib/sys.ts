/**
 * The `sys` module (WORKFLOWS-LANGUAGE.md §3.12): environment, logging, time and sleeping, all
 * through the execution host so tests and the emulator can use a virtual clock.
 *
 * Choices: in `sys.log`, a payload argument that is null counts as not given (list-form `args`
 * fill skipped positions with null); text payloads that are not strings are written as JSON;
 * `timeout` is checked but a local log write never waits. Sleeps longer than one year
 * (31,536,000 s) and negative sleeps are ValueErrors.
 */
import { isLogSeverity, LOG_SEVERITIES } from '../../core/stdlib/logSeverities';
import { workflowError } from '../errors';
import type { ExecutionEnv } from '../host';
import { encodeJson, toJson } from '../json';
import type { JsonValue, Value } from '../value';
import { Args } from './args';
import type { NativeContext, NativeFunction } from './context';
import { parseRfc3339Seconds } from '../../core/time/rfc3339';

/** The longest sleep the service allows: one year. */
export const MAX_SLEEP_SECONDS = 31_536_000;


/** The built-in environment variables of §3.12 for an execution. */
export function builtinEnv(env: ExecutionEnv): Record<string, string> {
  return {
    GOOGLE_CLOUD_LOCATION: env.location,
    GOOGLE_CLOUD_PROJECT_ID: env.projectId,
    GOOGLE_CLOUD_PROJECT_NUMBER: env.projectNumber,
    GOOGLE_CLOUD_SERVICE_ACCOUNT_NAME: env.serviceAccount,
    GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID: env.executionId,
    GOOGLE_CLOUD_WORKFLOW_ID: env.workflowId,
    GOOGLE_CLOUD_WORKFLOW_REVISION_ID: env.revisionId,
  };
}

const getEnv: NativeFunction = (values, ctx) => {
  const a = new Args('sys.get_env', values);
  const name = a.string('name');
  const fallback = a.optionalString('default', null);
  const builtins = builtinEnv(ctx.host.env);
  if (Object.prototype.hasOwnProperty.call(builtins, name)) return builtins[name];
  const user = ctx.host.env.userEnvVars;
  if (Object.prototype.hasOwnProperty.call(user, name)) return user[name];
  return fallback;
};

function textPayload(a: Args, name: string, v: Value): string {
  if (v instanceof Uint8Array) a.typeError(name, 'an integer, double, boolean, string, list or map', v);
  return typeof v === 'string' ? v : encodeJson(v);
}

const log: NativeFunction = (values, ctx) => {
  const a = new Args('sys.log', values);
  const given = (['data', 'text', 'json'] as const).filter((n) => {
    const v = a.optional(n);
    return v !== undefined && v !== null;
  });
  if (given.length !== 1) {
    throw workflowError(
      'TypeError',
      given.length === 0
        ? 'sys.log: give one of the arguments data, text or json'
        : `sys.log: give only one of the arguments data, text or json, got ${given.join(' and ')}`,
    );
  }
  const severity = a.optionalString('severity', 'DEFAULT');
  if (!isLogSeverity(severity)) a.valueError(`unknown severity ${JSON.stringify(severity)}; use one of ${LOG_SEVERITIES.join(', ')}`);
  const timeout = a.optional('timeout');
  if (timeout !== undefined && timeout !== null && typeof timeout !== 'bigint' && typeof timeout !== 'number') a.typeError('timeout', 'a number', timeout);
  const kind = given[0];
  const v = a.required(kind);
  let payload: JsonValue;
  if (kind === 'json') payload = v instanceof Map ? toJson(v) : a.typeError('json', 'a map', v);
  else if (kind === 'data' && v instanceof Map) payload = toJson(v);
  else payload = textPayload(a, kind, v);
  ctx.host.onLog?.({ severity, payload });
  return null;
};

async function sleepSeconds(a: Args, seconds: number, ctx: NativeContext): Promise<null> {
  if (Number.isNaN(seconds)) a.valueError('the sleep time is not a number');
  if (seconds < 0) a.valueError(`cannot sleep a negative time (${seconds} s)`);
  if (seconds > MAX_SLEEP_SECONDS) a.valueError(`cannot sleep longer than ${MAX_SLEEP_SECONDS} s (one year), got ${seconds} s`);
  await ctx.host.clock.sleep(seconds * 1000, ctx.signal);
  return null;
}

const sleep: NativeFunction = (values, ctx) => {
  const a = new Args('sys.sleep', values);
  return sleepSeconds(a, a.number('seconds'), ctx);
};

const sleepUntil: NativeFunction = (values, ctx) => {
  const a = new Args('sys.sleep_until', values);
  const text = a.string('time');
  const until = parseRfc3339Seconds(text) ?? a.valueError(`${JSON.stringify(text)} is not an RFC 3339 timestamp`);
  return sleepSeconds(a, Math.max(0, until - ctx.host.clock.now() / 1000), ctx);
};

const now: NativeFunction = (_values, ctx) => ctx.host.clock.now() / 1000;

export const SYS_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['sys.get_env', getEnv],
  ['sys.log', log],
  ['sys.now', now],
  ['sys.sleep', sleep],
  ['sys.sleep_until', sleepUntil],
]);
