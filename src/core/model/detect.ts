/**
 * Tells workflow sources from the other YAML and JSON files of a workspace (Kubernetes manifests,
 * GitHub Actions, Cloud Build, docker-compose, OpenAPI, package.json...) by their top-level shape.
 *
 * The editor asks this for every YAML/JSON document the user opens or types in, so it must cost
 * next to nothing on files that are not workflows: it reads only a bounded prefix of the text
 * (`DETECT_PREFIX`) into a shallow outline three levels deep (`outline.ts`), never the whole
 * document, and never calls the `yaml` parser.
 */
import { outlineOf, type Outline } from './outline';

/** How much of a document detection reads: the shape of a workflow shows in its first lines. */
export const DETECT_PREFIX = 32 * 1024;

/**
 * Content detection is skipped above this size (8× Google's 128 KB source limit): such a file
 * cannot be deployed anyway. Files named `*.workflows.*` or matched by `cloudWorkflows.files` are
 * still workflows whatever their size.
 */
export const DETECT_MAX_SIZE = 1024 * 1024;

/** `*.workflows.yaml|yml|json`: a workflow by its name alone (a path, a file name or a URI). */
export function hasWorkflowFileName(name: string): boolean {
  return /\.workflows\.(ya?ml|json)$/i.test(name);
}

/** The keys a step body may have: a body with one of them looks like a workflow step. */
const STEP_KEYWORDS = new Set(['assign', 'call', 'switch', 'for', 'parallel', 'try', 'raise', 'return', 'steps', 'next']);
const ROUTINE_KEYS = new Set(['params', 'steps']);

/**
 * Whether `text` looks like a Cloud Workflows source: a top-level map whose `main` has `steps`, a
 * map of routines each made only of `params`/`steps` with a `steps` list, or a list of single-key
 * maps whose bodies use step keywords. Only the first `DETECT_PREFIX` characters are read; an entry
 * cut off by that bound is judged by what it shows. `format: 'json'` reads the text as JSON (a flow
 * collection); otherwise block YAML, or flow when the text starts with `{` or `[`.
 * `size` (defaults to `text.length`) lets a caller pass only the prefix of a larger document.
 */
export function looksLikeWorkflow(text: string, format?: 'yaml' | 'json', size = text.length): boolean {
  if (size > DETECT_MAX_SIZE) return false;
  const cut = size > DETECT_PREFIX || text.length > DETECT_PREFIX;
  // A cut text ends at a line end: half a line could read as a different shape.
  const prefix = cut ? text.slice(0, text.lastIndexOf('\n', DETECT_PREFIX) + 1) : text;
  const top = outlineOf(prefix, format);
  const partial = cut || ('complete' in top && !top.complete);
  if (top.kind === 'map') {
    if (top.entries.length === 0) return false;
    const main = top.entries.find(([key]) => key === 'main')?.[1];
    if (main?.kind === 'map' && main.entries.some(([key]) => key === 'steps')) return true;
    return top.entries.every(([, value], i) => isRoutine(value, partial && i === top.entries.length - 1));
  }
  if (top.kind === 'seq') {
    if (top.items.length === 0) return false;
    let stepBodies = 0;
    for (const [i, item] of top.items.entries()) {
      const last = partial && i === top.items.length - 1;
      if (item.kind !== 'map' || item.entries.length > 1 || (item.entries.length === 0 && !last)) return false;
      const body = item.entries[0]?.[1];
      if (body?.kind === 'map' && body.entries.some(([key]) => STEP_KEYWORDS.has(key))) stepBodies++;
    }
    return stepBodies > 0;
  }
  return false;
}

/** A routine body: only `params`/`steps`, with a `steps` list; one cut off by the prefix may still lack `steps`. */
function isRoutine(node: Outline, cut: boolean): boolean {
  if (node.kind !== 'map' || !node.entries.every(([key]) => ROUTINE_KEYS.has(key))) return false;
  const steps = node.entries.find(([key]) => key === 'steps')?.[1];
  return steps ? steps.kind === 'seq' : cut;
}
