/**
 * The server's `wf-…` snippets: `snippets/` beside the bundle's folder (dist/cli.js → ../snippets,
 * the folder the VSIX ships), or at the repository root when running from source.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SNIPPET_FILES, SnippetCatalogue } from '../core/language/snippets';

/** The catalogue of the first snippets folder found; empty when there is none. */
export function serverSnippets(): SnippetCatalogue {
  const folder = [path.resolve(__dirname, '..', 'snippets'), path.resolve(__dirname, '..', '..', 'snippets')].find((dir) => fs.existsSync(path.join(dir, SNIPPET_FILES.yaml)));
  return new SnippetCatalogue((file) => {
    if (folder === undefined) return undefined;
    try {
      return fs.readFileSync(path.join(folder, file), 'utf8');
    } catch {
      return undefined;
    }
  });
}
