/**
 * Retry policies for `try`/`retry` (WORKFLOWS-LANGUAGE.md §1.3, §1.4).
 *
 * [R] A policy as a value (`${http.default_retry}`) is the map
 * `{predicate: "<function name>", max_retries, backoff: {initial_delay, max_delay, multiplier}}`:
 * functions are not values in the language, so a predicate is carried by its name.
 * [R] A custom `retry:` without `max_retries` retries up to 5 times, and without `backoff` uses
 * `retry.default_backoff`, the same values as the built-in policies.
 * Backoff: the delay before retry n (1-based) is min(initial_delay × multiplier^(n-1), max_delay).
 */
import type { RetrySpec, Value as ModelValue } from '../../core/model/types';
import { DEFAULT_BACKOFF, lookupFunction, type BackoffDefinition } from '../../core/stdlib/catalogue';
import { workflowError } from '../errors';
import { typeOf, type Value } from '../value';
import { dottedName, evaluateValue, type EvalContext } from './evaluate';

export interface Backoff {
  initialDelay: number;
  maxDelay: number;
  multiplier: number;
}

export interface RetryPolicy {
  /** Name of a standard-library predicate or a subworkflow taking the error. */
  predicate: string;
  maxRetries: number;
  backoff: Backoff;
}

const DEFAULT_MAX_RETRIES = 5;

/** Milliseconds to wait before retry number `n` (1-based). */
export function backoffDelayMs(backoff: Backoff, n: number): number {
  const seconds = Math.min(backoff.initialDelay * backoff.multiplier ** (n - 1), backoff.maxDelay);
  return seconds * 1000;
}

function toNumber(v: Value, what: string): number {
  if (typeof v === 'bigint' || typeof v === 'number') return Number(v);
  throw workflowError('TypeError', `Retry ${what} must be a number, got: ${typeOf(v)}`);
}

function backoffFromValue(v: Value | undefined): Backoff {
  if (v === undefined || v === null) return fromDefinition(DEFAULT_BACKOFF);
  if (!(v instanceof Map)) throw workflowError('TypeError', `Retry backoff must be a map, got: ${typeOf(v)}`);
  const pick = (key: string, fallback: number): number => (v.has(key) ? toNumber(v.get(key) as Value, key) : fallback);
  return {
    initialDelay: pick('initial_delay', DEFAULT_BACKOFF.initial_delay),
    maxDelay: pick('max_delay', DEFAULT_BACKOFF.max_delay),
    multiplier: pick('multiplier', DEFAULT_BACKOFF.multiplier),
  };
}

function fromDefinition(b: BackoffDefinition): Backoff {
  return { initialDelay: b.initial_delay, maxDelay: b.max_delay, multiplier: b.multiplier };
}

function maxRetriesFrom(v: Value | undefined): number {
  if (v === undefined || v === null) return DEFAULT_MAX_RETRIES;
  if (typeof v !== 'bigint') throw workflowError('TypeError', `Retry max_retries must be an integer, got: ${typeOf(v)}`);
  if (v < 0n) throw workflowError('ValueError', `Retry max_retries must not be negative, got: ${v}`);
  return Number(v);
}

function predicateName(v: Value | undefined): string {
  if (typeof v !== 'string') throw workflowError('TypeError', `Retry predicate must name a function or subworkflow, got: ${typeOf(v ?? null)}`);
  return v;
}

/** A policy map (as `${http.default_retry}` gives) as a policy. */
export function policyFromValue(v: Value): RetryPolicy {
  if (!(v instanceof Map)) throw workflowError('TypeError', `A retry policy must be a map, got: ${typeOf(v)}`);
  return {
    predicate: predicateName(v.get('predicate')),
    maxRetries: maxRetriesFrom(v.get('max_retries')),
    backoff: backoffFromValue(v.get('backoff')),
  };
}

/** The predicate's name: `${my_subworkflow}` or `${http.default_retry_predicate}` names it directly. */
async function resolvePredicate(value: ModelValue | undefined, ctx: EvalContext): Promise<string> {
  if (value === undefined) throw workflowError('ValueError', 'A custom retry needs a predicate');
  if (value.kind === 'expr' && value.parsed.ok) {
    const name = dottedName(value.parsed.expr);
    if (name !== undefined && ctx.scope.lookup(name) === undefined && (ctx.isRoutine(name) || lookupFunction(name))) return name;
  }
  return predicateName(await evaluateValue(value, ctx));
}

/** Evaluates a step's `retry:` into a policy. */
export async function resolveRetryPolicy(spec: RetrySpec, ctx: EvalContext): Promise<RetryPolicy> {
  if (spec.kind === 'policy') return policyFromValue(await evaluateValue(spec.policy, ctx));
  const backoff = new Map<string, Value>();
  if (spec.backoff) {
    const { initialDelay, maxDelay, multiplier } = spec.backoff;
    if (initialDelay) backoff.set('initial_delay', await evaluateValue(initialDelay, ctx));
    if (maxDelay) backoff.set('max_delay', await evaluateValue(maxDelay, ctx));
    if (multiplier) backoff.set('multiplier', await evaluateValue(multiplier, ctx));
  }
  return {
    predicate: await resolvePredicate(spec.predicate, ctx),
    maxRetries: maxRetriesFrom(spec.maxRetries ? await evaluateValue(spec.maxRetries, ctx) : undefined),
    backoff: backoffFromValue(spec.backoff ? backoff : undefined),
  };
}
