/**
 * Which calls a test may not make for real — anything that would leave the machine — and the
 * message that fails the test when one is not mocked: the step, the call, its arguments, and a
 * mock to paste into the test file.
 */
import { stringify } from 'yaml';
import { childStartKind, isHttpRequest, isLocalExecutionsCall } from '../core/testing';
import { toJson } from '../engine/json';
import type { JsonValue, Value } from '../engine/value';


/**
 * True when the call would reach outside the test: `http.*`, a connector other than the local
 * Workflow Executions one, a callback, or a child workflow the test cannot run.
 */
export function isExternalCall(target: string, workflowId: string | undefined, isDeployed: (id: string) => boolean): boolean {
  if (isHttpRequest(target)) return true;
  if (target === 'events.create_callback_endpoint' || target === 'events.await_callback') return true;
  if (childStartKind(target) || target === 'experimental.executions.map') return workflowId === undefined || !isDeployed(workflowId);
  if (target.startsWith('googleapis.')) return !isLocalExecutionsCall(target);
  return false;
}

/** JSON data for the message; bytes (which JSON cannot hold) are described. */
function plain(value: Value): JsonValue {
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map) {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of value) Object.defineProperty(out, k, { value: plain(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return toJson(value);
}

function suggestedMock(target: string, workflowId: string | undefined, step: string, args: Value): Record<string, JsonValue> {
  const map = args instanceof Map ? args : undefined;
  if (workflowId !== undefined && childStartKind(target)) {
    const argument = map?.get('argument');
    return { workflow: workflowId, step, ...(argument === undefined ? {} : { args: { argument: plain(argument) } }), returns: null };
  }
  if (target.startsWith('http.')) {
    const narrowed: Record<string, JsonValue> = {};
    for (const key of ['method', 'url']) if (map?.has(key)) narrowed[key] = plain(map.get(key) as Value);
    return { call: target, step, args: narrowed, response: { code: 200, body: {} } };
  }
  const given: Record<string, JsonValue> = args === null || (map && map.size === 0) ? {} : { args: plain(args) };
  return { call: target, step, ...given, returns: null };
}

/** The message of a test that made an external call no mock answers. */
export function unmockedCallMessage(target: string, workflowId: string | undefined, step: string, args: Value): string {
  const what = workflowId !== undefined && childStartKind(target) ? `${target} (child workflow "${workflowId}")` : target;
  const yaml = stringify([suggestedMock(target, workflowId, step, args)], { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  return `Step "${step}" calls ${what} with args ${JSON.stringify(plain(args))}, and no mock answers it (a test never reaches the network). Add a mock:\n${yaml}`;
}
