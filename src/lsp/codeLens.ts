/**
 * "Run", "Debug", "Deploy" and "Graph" above `main:` (or the first line of a steps-only file).
 * The commands are the VS Code extension's (`cloudWorkflows.*`), so the server offers these lenses
 * only to a client that asks for them with `initializationOptions.runCodeLens: true` — the
 * extension does; other editors would show lenses they cannot run. The client adds the document
 * as the commands' argument and keeps only "Graph" in untrusted workspaces.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { DocumentModel } from './documentModels';

/** The commands, in the order the lenses appear. */
export const RUN_LENS_COMMANDS = [
  { title: 'Run', command: 'cloudWorkflows.runWorkflow' },
  { title: 'Debug', command: 'cloudWorkflows.debugWorkflow' },
  { title: 'Deploy', command: 'cloudWorkflows.deployWorkflow' },
  { title: 'Graph', command: 'cloudWorkflows.showGraph' },
] as const;

export function runCodeLenses(model: DocumentModel): CodeLens[] {
  const { workflow } = model;
  // In the steps form the single routine's name span is the list itself: the lens sits on its first line.
  const main = workflow.form === 'invalid' ? undefined : workflow.routines.find((r) => r.name.value === 'main');
  if (!main) return [];
  const position = model.lines.positionAt(main.name.span.start);
  const range = { start: position, end: position };
  return RUN_LENS_COMMANDS.map(({ title, command }) => ({ range, command: { title, command, arguments: [model.uri] } }));
}
