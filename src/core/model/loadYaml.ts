/**
 * Reads the source with the fast reader (fastYaml.ts) when it accepts the text, which yields the
 * same nodes and no problems; otherwise parses it with the `yaml` package (JSON is parsed the same way: YAML 1.2 flow syntax
 * keeps every range) and turns its errors into model problems.
 *
 * Two lenient constructs that YAML 1.2 rejects but workflow sources use are repaired (see
 * compatRepairs.ts) and reported with their own codes, so the validator can make them warnings.
 * Repairs keep every offset; the builder decodes the repaired scalars from the original text.
 */
import { isMap, parseAllDocuments, visit } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { ModelProblem } from './types';
import { modelProblem } from './problems';
import { readFastYaml } from './fastYaml';
import { repairFlowExpressions, repairQuotedContinuations, type Repair } from './compatRepairs';

/** `intAsBigInt`: integer literals stay exact beyond 2^53 (the model keeps them as `bigint`). */
const OPTIONS = { keepSourceTokens: true, prettyErrors: false, uniqueKeys: false, intAsBigInt: true } as const;

/** The lenient constructs, repaired in this order, each reported with its code. */
const REPAIRS: { repair: Repair; code: 'yaml-indentation-compat' | 'yaml-flow-expression-compat' }[] = [
  { repair: repairQuotedContinuations, code: 'yaml-indentation-compat' },
  { repair: repairFlowExpressions, code: 'yaml-flow-expression-compat' },
];

export interface LoadedYaml {
  /** The first document; undefined for an empty stream. */
  doc: Document.Parsed | undefined;
  problems: ModelProblem[];
  /** Start offsets of the quoted scalars repaired for `yaml-indentation-compat`. */
  repaired: Set<number>;
  /** Whether the fast reader read the text (then there are no problems, anchors, aliases or tags). */
  fast: boolean;
}

/**
 * Which reader `loadYaml` uses: `auto` tries the fast reader first and falls back to the `yaml`
 * package; `yaml` skips the fast reader (the reference, used by the differential tests).
 */
export type YamlReader = 'auto' | 'yaml';

export function loadYaml(text: string, reader: YamlReader = 'auto'): LoadedYaml {
  if (reader === 'auto') {
    const fast = readFastYaml(text);
    if (fast) return { doc: fast, problems: [], repaired: new Set(), fast: true };
  }
  let docs = parseAllDocuments(text, OPTIONS);
  let source = text;
  const problems: ModelProblem[] = [];
  const repaired = new Set<number>();
  for (const { repair, code } of REPAIRS) {
    const first = docs[0] as Document.Parsed | undefined;
    const result = first && repair(source, first.errors);
    if (!result) continue;
    const again = parseAllDocuments(result.text, OPTIONS);
    const fixed = again.length > 0 && !again[0].errors.some((e) => result.spans.some((s) => s.start <= e.pos[0] && e.pos[0] <= s.end));
    if (!fixed) continue;
    docs = again;
    source = result.text;
    for (const span of result.spans) {
      repaired.add(span.start);
      problems.push(modelProblem(code, span));
    }
  }
  const doc = docs[0] as Document.Parsed | undefined;
  if (doc) {
    for (const error of doc.errors) problems.push(syntaxProblem(error, text.length));
    checkDuplicateKeys(doc, problems);
  }
  if (docs.length > 1) {
    const second = docs[1] as Document.Parsed;
    problems.push(modelProblem('multiple-documents', { start: second.range[0], end: second.range[1] }));
  }
  return { doc, problems, repaired, fast: false };
}

function syntaxProblem(error: YAMLError, length: number): ModelProblem {
  const start = Math.min(error.pos[0], length);
  const end = Math.max(start, Math.min(error.pos[1], length));
  return modelProblem('yaml-syntax', { start, end }, error.message);
}

/** Reports the second and later occurrences of a key in every map of the document. */
function checkDuplicateKeys(doc: Document.Parsed, problems: ModelProblem[]): void {
  visit(doc, {
    Map(_, map) {
      if (!isMap(map) || map.items.length < 2) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key as { value?: unknown; source?: unknown; range?: [number, number, number] } | null;
        if (!key || key.value === undefined || key.value === null || typeof key.value === 'object') continue;
        const name = typeof key.value === 'string' ? key.value : String(key.source ?? key.value);
        if (seen.has(name)) {
          const range = key.range ?? [0, 0, 0];
          problems.push(modelProblem('duplicate-key', { start: range[0], end: range[1] }, name));
        } else seen.add(name);
      }
    },
  });
}
