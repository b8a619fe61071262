import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Where a snippet fits: a whole file, a routine beside `main`, or an item of a steps list. */
export type SnippetPlace = 'workflow' | 'routine' | 'step';

interface SnippetFile {
  [name: string]: { prefix: string; description: string; body: string[] };
}

interface Snippet {
  prefix: string;
  description: string;
  body: string;
  place: SnippetPlace;
}

/**
 * The `wf-…` snippets of `snippets/`, served by the completion provider rather than contributed
 * to every YAML and JSON file: they appear only where they fit (a whole workflow in an empty file,
 * a subworkflow at the top level, a step at a step-list position), never among arguments or
 * `next:` targets, nor in Kubernetes or GitHub Actions files. Read once, on first use.
 */
export class WorkflowSnippets {
  private loaded?: Record<'yaml' | 'json', Snippet[]>;

  constructor(private readonly folder: string) {}

  /** The snippets that fit `place`, replacing `range`; `dash`: the range starts at a list item's `-` already typed. */
  items(format: 'yaml' | 'json', place: SnippetPlace | 'none', range: vscode.Range, dash = false): vscode.CompletionItem[] {
    return this.all()[format]
      .filter((s) => s.place === place)
      .map((s) => {
        const item = new vscode.CompletionItem(s.prefix, vscode.CompletionItemKind.Snippet);
        if (dash) item.filterText = `- ${s.prefix}`;
        item.detail = s.description;
        item.insertText = new vscode.SnippetString(s.body);
        item.range = range;
        item.sortText = `~${s.prefix}`;
        return item;
      });
  }

  private all(): Record<'yaml' | 'json', Snippet[]> {
    this.loaded ??= { yaml: this.read('workflows-yaml.code-snippets', 'yaml'), json: this.read('workflows-json.code-snippets', 'json') };
    return this.loaded;
  }

  private read(file: string, format: 'yaml' | 'json'): Snippet[] {
    const parsed = JSON.parse(fs.readFileSync(path.join(this.folder, file), 'utf8')) as SnippetFile;
    return Object.values(parsed).map((s) => {
      const body = s.body.join('\n');
      return { prefix: s.prefix, description: s.description, body, place: placeOf(body, format) };
    });
  }
}

function placeOf(body: string, format: 'yaml' | 'json'): SnippetPlace {
  if (format === 'json') return /^\{\s*"main"/.test(body) ? 'workflow' : 'step';
  if (body.startsWith('main:')) return 'workflow';
  return body.startsWith('- ') ? 'step' : 'routine';
}
