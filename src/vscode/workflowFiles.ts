import * as vscode from 'vscode';
import { looksLikeWorkflow } from '../core/model/detect';

/** The context key menus use to offer Run/Deploy on workflow files. */
export const IS_WORKFLOW_FILE_KEY = 'cloudWorkflows.isWorkflowFile';

/** Real documents only: not the read-only copies that git, diff or output views open. */
export const WORKFLOW_SCHEMES = ['file', 'untitled', 'vscode-vfs'];

const WORKFLOW_FILE_NAME = /\.workflows\.(ya?ml|json)$/i;
const YAML_OR_JSON_NAME = /\.(ya?ml|json)$/i;

/** The source format of a document, from its language or file name. */
export function formatOf(document: vscode.TextDocument): 'yaml' | 'json' {
  if (document.languageId === 'json' || document.languageId === 'jsonc') return 'json';
  return /\.json$/i.test(document.fileName) ? 'json' : 'yaml';
}

const verdicts = new WeakMap<vscode.TextDocument, { version: number; isWorkflow: boolean }>();

/**
 * True when the document is a workflow: named `*.workflows.yaml|yml|json`, matched by a
 * `cloudWorkflows.files` glob, or a YAML/JSON document whose content is a workflow (the core's
 * `looksLikeWorkflow` leaves Kubernetes, GitHub Actions and Cloud Build files alone).
 */
export function isWorkflowDocument(document: vscode.TextDocument): boolean {
  if (WORKFLOW_FILE_NAME.test(document.fileName)) return true;
  const known = verdicts.get(document);
  if (known && known.version === document.version) return known.isWorkflow;
  const isWorkflow = matchesConfiguredGlobs(document) || (isYamlOrJson(document) && looksLikeWorkflow(document.getText()));
  verdicts.set(document, { version: document.version, isWorkflow });
  return isWorkflow;
}

function isYamlOrJson(document: vscode.TextDocument): boolean {
  return ['yaml', 'json', 'jsonc'].includes(document.languageId) || YAML_OR_JSON_NAME.test(document.fileName);
}

function matchesConfiguredGlobs(document: vscode.TextDocument): boolean {
  const globs = vscode.workspace.getConfiguration('cloudWorkflows', document.uri).get<string[]>('files', []);
  return globs.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
}

/** Keeps `cloudWorkflows.isWorkflowFile` in step with the active editor. */
export function trackWorkflowContextKey(): vscode.Disposable {
  let last: boolean | undefined;
  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const value = document !== undefined && isWorkflowDocument(document);
    if (value === last) return;
    last = value;
    void vscode.commands.executeCommand('setContext', IS_WORKFLOW_FILE_KEY, value);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cloudWorkflows.files')) update();
    }),
  );
}
