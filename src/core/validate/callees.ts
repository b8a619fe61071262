/**
 * What a called name refers to: a standard-library function, a subworkflow of this file, a
 * connector, or nothing known. Shared by the call-step and expression-call rules.
 *
 * [R] An unknown name in a known standard-library module (`http.gett`) or without a module is an
 * error; an unknown name in a module the catalogue does not know (`shell.gcloud`, used by Google's
 * own demos) is only a warning, since Google ships preview modules it does not document. Names
 * under `googleapis.` and `gke.` are connectors, checked by the connector rules.
 */
import type { Routine } from '../model/types';
import { isConnectorNamespace } from '../connectors/catalogue';
import { isStdlibModule, lookupFunction, STDLIB_FUNCTIONS, type StdlibFunction } from '../stdlib/catalogue';
import { suggest } from './suggest';

export type Callee =
  | { kind: 'function'; fn: StdlibFunction }
  | { kind: 'subworkflow'; routine: Routine }
  /** A name in a connector namespace; the connector rules check it against the catalogue. */
  | { kind: 'connector' }
  | { kind: 'unknown'; documentedModule: boolean; suggestion?: string };

/** Resolves `name` against the catalogue and the file's routines. */
export function resolveCallee(name: string, routines: ReadonlyMap<string, Routine>): Callee {
  const fn = lookupFunction(name);
  if (fn) return { kind: 'function', fn };
  const routine = routines.get(name);
  if (routine) return { kind: 'subworkflow', routine };
  if (isConnectorNamespace(name)) return { kind: 'connector' };
  const dot = name.lastIndexOf('.');
  if (dot < 0) {
    const candidates = [...routines.keys(), ...STDLIB_FUNCTIONS.filter((f) => f.module === '').map((f) => f.name)];
    return { kind: 'unknown', documentedModule: true, suggestion: suggest(name, candidates) };
  }
  const module = name.slice(0, dot);
  const documentedModule = isStdlibModule(module.split('.')[0]) || module.startsWith('googleapis');
  const candidates = STDLIB_FUNCTIONS.filter((f) => f.module === module).map((f) => f.name);
  return { kind: 'unknown', documentedModule, suggestion: documentedModule ? suggest(name, candidates) : undefined };
}

/** Parameters of a subworkflow in the catalogue's shape: required unless they have a default. */
export function routineParams(routine: Routine): { name: string; optional: boolean }[] {
  return routine.params.map((p) => ({ name: p.name.value, optional: p.default !== undefined }));
}
