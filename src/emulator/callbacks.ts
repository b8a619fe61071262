/**
 * Callbacks of locally run workflows (`events.create_callback_endpoint` / `events.await_callback`)
 * served over the emulator's REST port, at Google's URL shape
 * `<emulator>/v1/projects/P/locations/L/workflows/W/executions/E/callbacks/ID`.
 *
 * [R] A request that arrives while nobody awaits is kept and handed to the next `await_callback`
 * (Google documents that callbacks received early are not lost). A callback's URL stops working
 * once its execution ends.
 */
import { randomBytes } from 'node:crypto';
import { decodeJsonData } from '../engine/json';
import { RealClock } from '../engine/clock';
import type { Clock } from '../engine/host';
import { workflowError } from '../engine/errors';
import type { JsonValue } from '../engine/value';
import { invalidArgument, notFound } from './apiError';
import type { Json } from './resources';
import { formatTimestamp } from './timeFormat';

/** What the callback's HTTP request looked like, as `await_callback` returns it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  query: Record<string, string[]>;
  body: Buffer;
}

interface Callback {
  id: string;
  execution: string;
  method: string;
  url: string;
  received: Json[];
  waiters: ((event: Json) => void)[];
}

export class Callbacks {
  private readonly byId = new Map<string, Callback>();
  /**
   * [R] Waits are timed on the real clock even when the emulator's clock is virtual: a callback
   * comes from outside, so virtual time must not jump past it while nothing else is pending.
   */
  private readonly waitClock = new RealClock();

  constructor(private readonly clock: Clock) {}

  /** Registers a callback for `execution`; `baseUrl` is the emulator's HTTP address. */
  create(execution: string, method: string, baseUrl: string): Json {
    const id = randomBytes(16).toString('hex');
    const url = `${baseUrl}/v1/${execution}/callbacks/${id}`;
    this.byId.set(id, { id, execution, method: method.toUpperCase(), url, received: [], waiters: [] });
    return { url };
  }

  /** Waits for a request to the callback's URL; TimeoutError after `timeoutS` seconds. */
  async await(execution: string, url: string, timeoutS: number, signal: AbortSignal): Promise<JsonValue> {
    const callback = [...this.byId.values()].find((c) => c.url === url && c.execution === execution);
    if (!callback) throw workflowError('ValueError', `no callback of this execution has the URL ${url}`);
    const early = callback.received.shift();
    if (early) return early;
    const timer = new AbortController();
    const onAbort = (): void => timer.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    let waiter: ((event: Json) => void) | undefined;
    try {
      const arrived = new Promise<Json>((resolve) => {
        waiter = resolve;
        callback.waiters.push(resolve);
      });
      const timedOut = this.waitClock.sleep(timeoutS * 1000, timer.signal).then(
        () => 'timeout' as const,
        () => 'aborted' as const,
      );
      const first = await Promise.race([arrived, timedOut]);
      if (first === 'timeout') throw workflowError('TimeoutError', `no request reached the callback within ${timeoutS} seconds`);
      if (first === 'aborted') throw signal.reason ?? new Error('aborted');
      return first;
    } finally {
      signal.removeEventListener('abort', onAbort);
      timer.abort();
      callback.waiters = callback.waiters.filter((w) => w !== waiter);
    }
  }

  /** Delivers an HTTP request to a callback (the REST side). */
  deliver(execution: string, id: string, request: ReceivedRequest): Json {
    const callback = this.byId.get(id);
    if (!callback || callback.execution !== execution) throw notFound(`Callback '${execution}/callbacks/${id}' was not found`);
    if (request.method !== callback.method) {
      throw invalidArgument(`This callback accepts ${callback.method} requests, not ${request.method}.`);
    }
    const event: Json = {
      http_request: {
        body: decodeBody(request),
        headers: withoutCredentials(request.headers),
        method: request.method,
        query: request.query,
        url: request.path,
      },
      received_time: formatTimestamp(this.clock.now()),
      type: 'HTTP',
    };
    const waiter = callback.waiters.shift();
    if (waiter) waiter(event);
    else callback.received.push(event);
    return {};
  }

  /** `callbacks.list`: the execution's callbacks. */
  list(execution: string): Json {
    const callbacks = [...this.byId.values()]
      .filter((c) => c.execution === execution)
      .map((c) => ({ name: `${execution}/callbacks/${c.id}`, method: c.method, availablePayloads: c.received.map((e) => JSON.stringify(e)), waiters: String(c.waiters.length) }));
    return { callbacks };
  }

  /** Forgets the callbacks of an execution that has ended. */
  drop(execution: string): void {
    for (const [id, c] of this.byId) if (c.execution === execution) this.byId.delete(id);
  }
}

/** [R] The caller's credentials are not handed to the workflow (nor kept in its history). */
function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k !== 'authorization' && k !== 'cookie') out[k] = v;
  return out;
}

/** [R] JSON bodies are decoded; other bodies are text; no body is null. */
function decodeBody(request: ReceivedRequest): JsonValue {
  if (request.body.length === 0) return null;
  const text = request.body.toString('utf8');
  if (/json/i.test(request.headers['content-type'] ?? '')) {
    try {
      return decodeJsonData(text);
    } catch {
      return text;
    }
  }
  return text;
}
