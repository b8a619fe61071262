/** `uuid.generate`: a random (version 4) UUID from node:crypto. */
import { randomUUID } from 'node:crypto';
import type { NativeFunction } from './context';

export const UUID_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([['uuid.generate', (): string => randomUUID()]]);
