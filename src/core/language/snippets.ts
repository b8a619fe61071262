/**
 * The `wf-…` snippets of `snippets/*.code-snippets`, offered by completion only where they fit: a
 * whole workflow in an empty file, a subworkflow at the top level, a step at a step-list position.
 * The files are read through an injected reader (the editor glue and the language server each know
 * where their `snippets/` folder is), once, on first use. Pure (no `vscode` import, no file I/O).
 */

/** Where a snippet fits: a whole file, a routine beside `main`, or an item of a steps list. */
export type SnippetPlace = 'workflow' | 'routine' | 'step';

export interface WorkflowSnippet {
  /** What the user types: `wf-http-get`. */
  readonly prefix: string;
  readonly description: string;
  /** The TextMate snippet body, lines joined with `\n`. */
  readonly body: string;
  readonly place: SnippetPlace;
}

/** The snippet files by format, as named in `snippets/`. */
export const SNIPPET_FILES: Readonly<Record<'yaml' | 'json', string>> = {
  yaml: 'workflows-yaml.code-snippets',
  json: 'workflows-json.code-snippets',
};

/** Reads one file of the snippets folder; undefined when it is missing. */
export type SnippetFileReader = (file: string) => string | undefined;

export class SnippetCatalogue {
  private loaded?: Record<'yaml' | 'json', WorkflowSnippet[]>;

  constructor(private readonly read: SnippetFileReader) {}

  /** The snippets of `format` that fit `place`, in file order. */
  at(format: 'yaml' | 'json', place: SnippetPlace): WorkflowSnippet[] {
    this.loaded ??= { yaml: this.load('yaml'), json: this.load('json') };
    return this.loaded[format].filter((s) => s.place === place);
  }

  private load(format: 'yaml' | 'json'): WorkflowSnippet[] {
    const text = this.read(SNIPPET_FILES[format]);
    return text === undefined ? [] : parseSnippetFile(text, format);
  }
}

/** The snippets of one `.code-snippets` file; entries without a string prefix and a body are skipped, malformed JSON gives none. */
export function parseSnippetFile(text: string, format: 'yaml' | 'json'): WorkflowSnippet[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const out: WorkflowSnippet[] = [];
  for (const entry of Object.values(parsed as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { prefix, description, body } = entry as Record<string, unknown>;
    const lines = typeof body === 'string' ? [body] : Array.isArray(body) && body.every((l) => typeof l === 'string') ? (body as string[]) : undefined;
    if (typeof prefix !== 'string' || !lines) continue;
    const joined = lines.join('\n');
    out.push({ prefix, description: typeof description === 'string' ? description : '', body: joined, place: placeOf(joined, format) });
  }
  return out;
}

function placeOf(body: string, format: 'yaml' | 'json'): SnippetPlace {
  if (format === 'json') return /^\{\s*"main"/.test(body) ? 'workflow' : 'step';
  if (body.startsWith('main:')) return 'workflow';
  return body.startsWith('- ') ? 'step' : 'routine';
}
