/**
 * Document links over LSP: a subworkflow's `call:` to its definition, `url:` literals to the URL,
 * and a child workflow's ID to its file, found through the workspace index. Links into a file
 * carry the line as `#L<n>`, the fragment VS Code and other clients read.
 */
import type { DocumentLink as LspLink } from 'vscode-languageserver';
import { documentLinks } from '../core/language/documentLinks';
import type { DocumentModel } from './documentModels';
import type { ServerWorkspaceIndex } from './workspaceIndex';

/** The links of the document; a child workflow ID no indexed file has gets none. */
export function documentLinksOf(model: DocumentModel, index: ServerWorkspaceIndex): LspLink[] {
  return documentLinks(model.workflow).flatMap((link): LspLink[] => {
    const range = model.lines.rangeOf(link.span);
    switch (link.kind) {
      case 'subworkflow':
        return [{ range, target: `${model.uri}#L${model.lines.positionAt(link.target.start).line + 1}`, tooltip: `Go to subworkflow ${link.name}` }];
      case 'url':
        return [{ range, target: link.url, tooltip: 'Open URL' }];
      case 'workflow': {
        const child = index.find(link.id)[0];
        return child ? [{ range, target: `${child.uri}#L${child.target.line + 1}`, tooltip: `Open workflow ${link.id}` }] : [];
      }
    }
  });
}
