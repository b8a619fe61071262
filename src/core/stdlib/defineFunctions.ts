/** Small builders that keep the function tables short: parameters and one module's functions. */
import type { StdlibErrorTag, StdlibFunction, StdlibParam } from './types';

/** A required parameter. */
export function req(name: string, doc: string): StdlibParam {
  return { name, doc };
}

/** An optional parameter, with the default as the user would write it. */
export function opt(name: string, doc: string, defaultText?: string): StdlibParam {
  return defaultText === undefined ? { name, optional: true, doc } : { name, optional: true, doc, defaultText };
}

/** One function of a module, before its name and module are filled in. */
export interface Spec {
  params?: StdlibParam[];
  blocking?: boolean;
  returns: string;
  doc: string;
  errors?: StdlibErrorTag[];
}

/** The functions of `module` (`''` for expression helpers) from specs keyed by short name. */
export function define(module: string, specs: Record<string, Spec>): StdlibFunction[] {
  return Object.entries(specs).map(([fn, spec]) => ({
    name: module === '' ? fn : `${module}.${fn}`,
    module,
    params: spec.params ?? [],
    blocking: spec.blocking ?? false,
    returns: spec.returns,
    doc: spec.doc,
    errors: spec.errors ?? [],
  }));
}
