/**
 * The cloud layer's only retries, for idempotent reads: get/list workflows, get/list executions,
 * list step entries and long-running-operation polls. Sending one of those twice changes nothing,
 * so a transient answer is worth another try:
 * - HTTP 429 (rate limited) and 503 (unavailable), from either target;
 * - a connection reset or refused by a Google Cloud target (a frontend restarting). Against the
 *   local emulator, a refused connection means it isn't running: that fails at once, with its hint.
 * At most 3 attempts, waiting 250 ms then 500 ms, or the server's `Retry-After` when it sends one;
 * every wait is capped (5 s by default) so a command never stalls for long.
 * Deploy, run, cancel and delete are never retried: they are not idempotent (a second run starts
 * a second execution), so their failure is reported after exactly one request.
 */
import { codeOf } from './describeCloudError';

export interface RetryOptions {
  /** Attempts in all, the first included (default 3). */
  attempts?: number;
  /** Wait before the first retry, doubled before each next one (default 250 ms). */
  baseDelayMs?: number;
  /** The longest single wait, `Retry-After` included (default 5000 ms). */
  maxDelayMs?: number;
  /** How to wait (tests inject one that records the delays). */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: Required<Omit<RetryOptions, 'sleep'>> = Object.freeze({ attempts: 3, baseDelayMs: 250, maxDelayMs: 5000 });

const CONNECTION_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'ECONNREFUSED']);

/** True when a safe read that failed with `err` may be sent again to a target of `kind`. */
export function isRetryable(err: unknown, kind: 'emulator' | 'cloud'): boolean {
  const code = codeOf(err);
  if (code === 429 || code === 503) return true;
  return kind === 'cloud' && typeof code === 'string' && CONNECTION_CODES.has(code);
}

/** The server's `Retry-After` in milliseconds (seconds or an HTTP date), if it sent one. */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const headers = (err as { response?: { headers?: unknown } } | null)?.response?.headers;
  if (typeof headers !== 'object' || headers === null) return undefined;
  const get = (headers as { get?: unknown }).get;
  const raw = typeof get === 'function' ? get.call(headers, 'retry-after') : (headers as Record<string, unknown>)['retry-after'];
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retry number `retry` (1 for the first retry). */
export function retryDelay(err: unknown, retry: number, options: RetryOptions = {}): number {
  const base = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
  const cap = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
  return Math.min(retryAfterMs(err) ?? base * 2 ** (retry - 1), cap);
}

/** Runs the safe read `fn`, again after a retryable failure, up to the attempt limit. */
export async function withRetry<T>(fn: () => Promise<T>, kind: 'emulator' | 'cloud', options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_RETRY.attempts);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= attempts || !isRetryable(err, kind)) throw err;
      await sleep(retryDelay(err, attempt, options));
    }
  }
}
