/** Routes a native through the host's connector handler, converting values to JSON data and back. */
import type { JsonValue, Value } from '../value';
import { fromJson } from '../json';
import type { NativeContext } from './context';

/** Calls the host connector `name` with JSON arguments and returns its result as a value. */
export async function callConnector(ctx: NativeContext, name: string, args: Record<string, JsonValue>): Promise<Value> {
  const result = await ctx.host.connectors.call(name, args, { env: ctx.host.env, signal: ctx.signal, clock: ctx.host.clock });
  return fromJson(result);
}
