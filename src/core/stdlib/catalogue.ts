/**
 * The standard-library catalogue: what the checker, the editor and the engine know about every
 * built-in function, constant and module of Google Cloud Workflows. Pure data; no engine imports.
 */
import { FUNCTION_TABLE } from './functionTable';
import type { BackoffDefinition, StdlibConstant, StdlibFunction } from './types';

export type {
  BackoffDefinition,
  RetryPolicyDefinition,
  StdlibConstant,
  StdlibErrorTag,
  StdlibFunction,
  StdlibParam,
} from './types';

/** Every callable standard-library function, expression helpers first, then module by module. */
export const STDLIB_FUNCTIONS: readonly StdlibFunction[] = FUNCTION_TABLE;

/** `retry.default_backoff`: delays start at 1 s, grow ×1.25 per retry, and stop growing at 60 s. */
export const DEFAULT_BACKOFF: BackoffDefinition = { initial_delay: 1, max_delay: 60, multiplier: 1.25 };

/** Standard-library values that are not callable: retry policies and the default backoff. */
export const STDLIB_CONSTANTS: readonly StdlibConstant[] = [
  {
    name: 'http.default_retry',
    module: 'http',
    kind: 'retryPolicy',
    doc: 'Retries HTTP 429, 502, 503 and 504, ConnectionError, ConnectionFailedError and TimeoutError up to 5 times with the default backoff.',
    definition: { predicate: 'http.default_retry_predicate', max_retries: 5, backoff: DEFAULT_BACKOFF },
  },
  {
    name: 'http.default_retry_non_idempotent',
    module: 'http',
    kind: 'retryPolicy',
    doc: 'Retries HTTP 429 and 503 and ConnectionFailedError up to 5 times with the default backoff; safe for non-idempotent calls.',
    definition: { predicate: 'http.default_retry_predicate_non_idempotent', max_retries: 5, backoff: DEFAULT_BACKOFF },
  },
  {
    name: 'retry.default_backoff',
    module: 'retry',
    kind: 'backoff',
    doc: 'The default backoff: 1 s initial delay, multiplied by 1.25 per retry, at most 60 s.',
    definition: DEFAULT_BACKOFF,
  },
];

/**
 * Root names of the standard-library modules as they appear in expressions: `http` in
 * `${http.default_retry}` is a module, not a variable. `experimental` is the root of the
 * `experimental.executions` module.
 */
export const STDLIB_MODULES: readonly string[] = [
  'base64',
  'events',
  'experimental',
  'hash',
  'http',
  'json',
  'list',
  'map',
  'math',
  'retry',
  'sys',
  'text',
  'time',
  'uuid',
];

const functionsByName = new Map(STDLIB_FUNCTIONS.map((f) => [f.name, f]));
const constantsByName = new Map(STDLIB_CONSTANTS.map((c) => [c.name, c]));

/** The function with this full dotted name (`text.split`, `len`), if any. */
export function lookupFunction(name: string): StdlibFunction | undefined {
  return functionsByName.get(name);
}

/** The constant with this full dotted name (`http.default_retry`), if any. */
export function lookupConstant(name: string): StdlibConstant | undefined {
  return constantsByName.get(name);
}

/** True when `name` is the root of a standard-library module (`http`, `sys`, `experimental`, ...). */
export function isStdlibModule(name: string): boolean {
  return STDLIB_MODULES.includes(name);
}

/**
 * The connector call shape `googleapis.<service>.<version>.<resource path...>.<method>`: a
 * lower-case service, a version such as v1, v2, v1beta, v2alpha1, v1b3 or v1p1beta1, then at
 * least one resource segment and the method.
 */
const CONNECTOR_NAME = /^googleapis\.[a-z][a-z0-9]*\.v\d+(?:(?:alpha|beta|b|p\d+(?:alpha|beta))\d*)?(?:\.[A-Za-z_][A-Za-z0-9_]*){2,}$/;

/** True when `name` has the shape of a connector call (whether or not the catalogue knows it). */
export function isConnectorName(name: string): boolean {
  return CONNECTOR_NAME.test(name);
}

/** Required parameters first in documented order; the number of arguments a call must supply. */
export function requiredArity(fn: { params: readonly { optional?: boolean }[] }): number {
  return fn.params.filter((p) => !p.optional).length;
}
