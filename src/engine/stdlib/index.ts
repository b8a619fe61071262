/**
 * The runtime standard library: every function of the catalogue (`src/core/stdlib/catalogue.ts`)
 * as a `NativeFunction`, by full dotted name. The interpreter maps named `args:` to positions with
 * the catalogue and calls these.
 */
import { BASE64_FUNCTIONS } from './base64';
import type { NativeFunction } from './context';
import { EVENTS_FUNCTIONS } from './events';
import { EXECUTIONS_FUNCTIONS } from './executions';
import { HASH_FUNCTIONS } from './hash';
import { HELPER_FUNCTIONS } from './helpers';
import { HTTP_FUNCTIONS } from './http';
import { JSON_FUNCTIONS } from './json';
import { LIST_FUNCTIONS } from './list';
import { MAP_FUNCTIONS } from './map';
import { MATH_FUNCTIONS } from './math';
import { RETRY_FUNCTIONS } from './retry';
import { SYS_FUNCTIONS } from './sys';
import { TEXT_FUNCTIONS } from './text';
import { TIME_FUNCTIONS } from './time';
import { UUID_FUNCTIONS } from './uuid';

export type { NativeContext, NativeFunction } from './context';

/** Every standard-library function by full dotted name (`len`, `text.split`, `http.get`, ...). */
export const STDLIB: ReadonlyMap<string, NativeFunction> = new Map([
  ...HELPER_FUNCTIONS,
  ...BASE64_FUNCTIONS,
  ...EVENTS_FUNCTIONS,
  ...EXECUTIONS_FUNCTIONS,
  ...HASH_FUNCTIONS,
  ...HTTP_FUNCTIONS,
  ...JSON_FUNCTIONS,
  ...LIST_FUNCTIONS,
  ...MAP_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...RETRY_FUNCTIONS,
  ...SYS_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...TIME_FUNCTIONS,
  ...UUID_FUNCTIONS,
]);
