/**
 * Tells workflow sources from the other YAML and JSON files of a workspace (Kubernetes manifests,
 * GitHub Actions, Cloud Build, docker-compose, OpenAPI, package.json...) by their top-level shape.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';

/** The keys a step body may have: a body with one of them looks like a workflow step. */
const STEP_KEYWORDS = new Set(['assign', 'call', 'switch', 'for', 'parallel', 'try', 'raise', 'return', 'steps', 'next']);
const ROUTINE_KEYS = new Set(['params', 'steps']);

/**
 * Whether `text` looks like a Cloud Workflows source: a top-level map whose `main` has `steps`, a
 * map of routines each made only of `params`/`steps` with a `steps` list, or a list of single-key
 * maps whose bodies use step keywords. YAML parsing reads JSON too, so no format is needed.
 */
export function looksLikeWorkflow(text: string): boolean {
  const doc = parseDocument(text, { uniqueKeys: false });
  const top = doc.contents as YamlNode | null;
  if (isMap(top)) {
    if (top.items.length === 0) return false;
    const main = entry(top.items, 'main');
    if (isMap(main) && entry(main.items, 'steps') !== undefined) return true;
    return top.items.every((pair) => isRoutine(pair.value as YamlNode | null));
  }
  if (isSeq(top)) {
    if (top.items.length === 0) return false;
    let stepBodies = 0;
    for (const item of top.items) {
      if (!isMap(item) || item.items.length !== 1) return false;
      const body = item.items[0].value as YamlNode | null;
      if (isMap(body) && body.items.some((pair) => STEP_KEYWORDS.has(keyOf(pair)))) stepBodies++;
    }
    return stepBodies > 0;
  }
  return false;
}

function isRoutine(node: YamlNode | null): boolean {
  return (
    isMap(node) &&
    node.items.every((pair) => ROUTINE_KEYS.has(keyOf(pair))) &&
    isSeq(entry(node.items, 'steps'))
  );
}

function keyOf(pair: Pair): string {
  const key = pair.key as YamlNode | null;
  return isScalar(key) ? String(key.value) : '';
}

function entry(pairs: Pair[], key: string): YamlNode | null | undefined {
  const pair = pairs.find((p) => keyOf(p) === key);
  return pair ? ((pair.value as YamlNode | null) ?? null) : undefined;
}
