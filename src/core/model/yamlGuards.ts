/**
 * The `yaml` package's node guards, read once. Bundled, `yaml` is a CommonJS module whose exports
 * esbuild exposes through getters: `isMap(node)` imported directly runs a getter on every call,
 * which was 5–7% of the time of building a large workflow's model.
 */
import * as yaml from 'yaml';

export const isAlias: typeof yaml.isAlias = yaml.isAlias;
export const isMap: typeof yaml.isMap = yaml.isMap;
export const isScalar: typeof yaml.isScalar = yaml.isScalar;
export const isSeq: typeof yaml.isSeq = yaml.isSeq;
