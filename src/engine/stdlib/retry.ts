/**
 * Retry predicates: `retry.always`, `retry.never` and the HTTP defaults of
 * WORKFLOWS-LANGUAGE.md §1.4. An HTTP predicate is true for an error map whose `code` is a listed
 * status, or whose `tags` contain a listed transport tag; any other value (a raised string, a
 * map without tags) is false. `default_retry_predicate_non_idempotent` includes
 * ConnectionFailedError, by analogy with its policy (an [R] choice): a connection that never
 * opened cannot have delivered the request.
 */
import type { Value } from '../value';
import { Args } from './args';
import type { NativeFunction } from './context';

function httpPredicate(fn: string, codes: readonly number[], tags: readonly string[]): NativeFunction {
  return (values): boolean => {
    const e = new Args(fn, values).required('e');
    if (!(e instanceof Map)) return false;
    const errorTags: Value | undefined = e.get('tags');
    if (Array.isArray(errorTags) && errorTags.some((t) => typeof t === 'string' && tags.includes(t))) return true;
    const code = e.get('code');
    return (typeof code === 'bigint' || typeof code === 'number') && codes.includes(Number(code));
  };
}

/** What `http.default_retry` retries: statuses and transport error tags. Connectors' idempotent policy too. */
export const IDEMPOTENT_RETRY = { codes: [429, 502, 503, 504], tags: ['ConnectionError', 'ConnectionFailedError', 'TimeoutError'] } as const;
/** What `http.default_retry_non_idempotent` retries. Connectors' non-idempotent policy too. */
export const NON_IDEMPOTENT_RETRY = { codes: [429, 503], tags: ['ConnectionFailedError'] } as const;

export const RETRY_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['retry.always', (values): boolean => (new Args('retry.always', values).required('e'), true)],
  ['retry.never', (values): boolean => (new Args('retry.never', values).required('e'), false)],
  [
    'http.default_retry_predicate',
    httpPredicate('http.default_retry_predicate', IDEMPOTENT_RETRY.codes, IDEMPOTENT_RETRY.tags),
  ],
  [
    'http.default_retry_predicate_non_idempotent',
    httpPredicate('http.default_retry_predicate_non_idempotent', NON_IDEMPOTENT_RETRY.codes, NON_IDEMPOTENT_RETRY.tags),
  ],
]);
