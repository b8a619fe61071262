import * as fs from 'node:fs';
import * as path from 'node:path';
import { SnippetCatalogue } from '../../core/language/snippets';

/**
 * The `wf-…` snippets of the extension's `snippets/` folder, served by completion (the core's
 * `SnippetCatalogue`) rather than contributed to every YAML and JSON file: they appear only where
 * they fit, never among arguments or `next:` targets, nor in Kubernetes or GitHub Actions files.
 */
export function workflowSnippets(folder: string): SnippetCatalogue {
  return new SnippetCatalogue((file) => {
    try {
      return fs.readFileSync(path.join(folder, file), 'utf8');
    } catch {
      return undefined;
    }
  });
}
