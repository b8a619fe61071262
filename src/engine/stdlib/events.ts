/**
 * Callbacks: `events.create_callback_endpoint` and `events.await_callback`. Both go to the host's
 * connector handler under their own names (`events.create_callback_endpoint`,
 * `events.await_callback`); the host decides how callbacks are served and raises a catchable
 * error when it does not provide them.
 */
import { toJson } from '../json';
import { Args } from './args';
import { callConnector } from './connectorCall';
import type { NativeFunction } from './context';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];

/** The longest callback wait: one year, like every other wait. */
const MAX_TIMEOUT_SECONDS = 31_536_000;

const createCallbackEndpoint: NativeFunction = (values, ctx) => {
  const a = new Args('events.create_callback_endpoint', values);
  const method = a.optionalString('http_callback_method', 'POST');
  if (!METHODS.includes(method)) a.valueError(`unsupported HTTP method ${JSON.stringify(method)}; use one of ${METHODS.join(', ')}`);
  return callConnector(ctx, 'events.create_callback_endpoint', { http_callback_method: method });
};

const awaitCallback: NativeFunction = (values, ctx) => {
  const a = new Args('events.await_callback', values);
  const callback = a.map('callback');
  if (typeof callback.get('url') !== 'string') a.valueError('the callback map has no "url"; pass the result of events.create_callback_endpoint');
  const timeout = a.optionalNumber('timeout', 43_200);
  if (!(timeout >= 0 && timeout <= MAX_TIMEOUT_SECONDS)) a.valueError(`timeout must be between 0 and ${MAX_TIMEOUT_SECONDS} s, got ${timeout}`);
  return callConnector(ctx, 'events.await_callback', { callback: toJson(callback), timeout });
};

export const EVENTS_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['events.create_callback_endpoint', createCallbackEndpoint],
  ['events.await_callback', awaitCallback],
]);
