/**
 * Completion in workflow test files: call targets after `call:` (the tested workflow's
 * subworkflows, standard-library functions, connectors), its step names after `step:`, and the
 * workflow IDs of the files beside it after a mock's `workflow:`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseWorkflow } from '../../core/model/parse';
import { completeConnectorName, CONNECTOR_ROOTS, type ConnectorCompletion } from '../../core/connectors/complete';
import { STDLIB_FUNCTIONS } from '../../core/stdlib/catalogue';
import { parseTestFile, stepNames, testCompletionContext } from '../../core/testing';

const TEST_FILE = /\.test\.(ya?ml|json)$/i;
const WORKFLOW_FILE = /^(.*?)(\.workflows)?\.(ya?ml|json)$/i;

export class TestFileCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [' ', '.'];

  /** @param snippetsFolder the extension's `snippets/`, whose `workflow-tests.code-snippets` has `wf-test` */
  constructor(private readonly snippetsFolder: string) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    if (!TEST_FILE.test(document.uri.path)) return undefined;
    const text = document.getText();
    const typed = document.lineAt(position.line).text.slice(0, position.character);
    // `wf-test` fits an empty test file only: the whole file is what it writes.
    if (/^[\w-]*$/.test(typed) && text.trim() === typed.trim()) return this.snippets(new vscode.Range(position.line, 0, position.line, position.character));
    const context = testCompletionContext(text, document.offsetAt(position));
    if (!context) return undefined;
    const range = new vscode.Range(document.positionAt(context.span.start), document.positionAt(context.span.end));
    const workflowText = await readTestedWorkflow(document.uri, text);
    if (token.isCancellationRequested) return undefined;
    const workflow = parseWorkflow(workflowText ?? '');
    const item = (label: string, kind: vscode.CompletionItemKind, detail: string): vscode.CompletionItem => {
      const out = new vscode.CompletionItem(label, kind);
      out.range = range;
      out.detail = detail;
      return out;
    };
    switch (context.kind) {
      case 'call':
        return [
          ...workflow.routines.filter((r) => r.name.value !== 'main').map((r) => item(r.name.value, vscode.CompletionItemKind.Method, 'subworkflow')),
          ...STDLIB_FUNCTIONS.map((f) => item(f.name, vscode.CompletionItemKind.Function, 'standard library')),
          ...connectorItems(context.prefix).map((c) => item(c.name, vscode.CompletionItemKind.Module, c.detail)),
        ];
      case 'step':
        return [...stepNames(workflow)].map((s) => item(s, vscode.CompletionItemKind.Field, 'step of the tested workflow'));
      case 'workflow':
        return (await siblingWorkflowIds(document.uri)).map((id) => item(id, vscode.CompletionItemKind.File, 'workflow beside the test file'));
    }
  }

  private snippets(range: vscode.Range): vscode.CompletionItem[] {
    const file = JSON.parse(fs.readFileSync(path.join(this.snippetsFolder, 'workflow-tests.code-snippets'), 'utf8')) as Record<string, { prefix: string; description: string; body: string[] }>;
    return Object.values(file).map((s) => {
      const item = new vscode.CompletionItem(s.prefix, vscode.CompletionItemKind.Snippet);
      item.detail = s.description;
      item.insertText = new vscode.SnippetString(s.body.join('\n'));
      item.range = range;
      return item;
    });
  }
}

/** Connector names one level further than `typed` (the catalogue's own completion). */
function connectorItems(typed: string): readonly ConnectorCompletion[] {
  if (!typed.includes('.')) return CONNECTOR_ROOTS;
  try {
    return completeConnectorName(typed);
  } catch {
    return [];
  }
}

/** The tested workflow's text: the `workflow:` key's file, or this file's name without `.test`. */
async function readTestedWorkflow(uri: vscode.Uri, text: string): Promise<string | undefined> {
  const given = parseTestFile(text).file.workflow?.value;
  const m = TEST_FILE.exec(uri.path);
  const stem = m ? uri.path.slice(0, m.index) : uri.path;
  const candidates = given ? [vscode.Uri.joinPath(uri, '..', given)] : ['yaml', 'yml', 'json'].map((ext) => uri.with({ path: `${stem}.${ext}` }));
  for (const candidate of candidates) {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(candidate));
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

async function siblingWorkflowIds(uri: vscode.Uri): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(uri, '..'));
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && !TEST_FILE.test(name) && WORKFLOW_FILE.test(name))
    .map(([name]) => path.basename(name).replace(WORKFLOW_FILE, '$1'))
    .sort();
}
