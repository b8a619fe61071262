import * as vscode from 'vscode';
import * as path from 'node:path';
import { DETECT_MAX_SIZE, DETECT_PREFIX, hasWorkflowFileName, looksLikeWorkflow } from '../core/model/detect';

/** The context key menus use to offer Run/Deploy on workflow files. */
export const IS_WORKFLOW_FILE_KEY = 'cloudWorkflows.isWorkflowFile';

/** Real documents only: not the read-only copies that git, diff or output views open. */
export const WORKFLOW_SCHEMES = ['file', 'untitled', 'vscode-vfs'];

/** YAML and JSON documents on disk or unsaved: the language features' selector (each feature then keeps only workflows). */
export const LANGUAGE_SELECTOR = ['yaml', 'json', 'jsonc'].flatMap((language) => WORKFLOW_SCHEMES.map((scheme) => ({ language, scheme })));

const YAML_OR_JSON_NAME = /\.(ya?ml|json)$/i;

/** The source format of a document, from its language or file name. */
export function formatOf(document: vscode.TextDocument): 'yaml' | 'json' {
  if (document.languageId === 'json' || document.languageId === 'jsonc') return 'json';
  return /\.json$/i.test(document.fileName) ? 'json' : 'yaml';
}

/** Verdicts by document URI, each for one document version; dropped on close and when the globs change. */
const verdicts = new Map<string, { version: number; isWorkflow: boolean }>();

/**
 * True when the document is a workflow: named `*.workflows.yaml|yml|json`, matched by a
 * `cloudWorkflows.files` glob, or a YAML/JSON document whose content is a workflow (the core's
 * `looksLikeWorkflow` leaves Kubernetes, GitHub Actions and Cloud Build files alone). Cheap: the
 * verdict is cached per URI and version, and content detection reads only the first
 * `DETECT_PREFIX` characters of a document of at most `DETECT_MAX_SIZE`.
 */
export function isWorkflowDocument(document: vscode.TextDocument): boolean {
  if (hasWorkflowFileName(document.fileName)) return true;
  const key = document.uri.toString();
  const known = verdicts.get(key);
  if (known && known.version === document.version) return known.isWorkflow;
  const isWorkflow = matchesConfiguredGlobs(document) || (isYamlOrJson(document) && contentLooksLikeWorkflow(document));
  verdicts.set(key, { version: document.version, isWorkflow });
  return isWorkflow;
}

/** Reads only the prefix detection needs, never the whole text of a large document. */
function contentLooksLikeWorkflow(document: vscode.TextDocument): boolean {
  const size = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  if (size > DETECT_MAX_SIZE) return false;
  const prefix = size <= DETECT_PREFIX ? document.getText() : document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(DETECT_PREFIX)));
  return looksLikeWorkflow(prefix, formatOf(document), size);
}

function isYamlOrJson(document: vscode.TextDocument): boolean {
  return ['yaml', 'json', 'jsonc'].includes(document.languageId) || YAML_OR_JSON_NAME.test(document.fileName);
}

/**
 * `cloudWorkflows.files` globs are relative to the document's workspace folder (`workflows/*.yaml`);
 * an absolute glob, or any glob for a document outside every folder, is matched as written.
 */
function matchesConfiguredGlobs(document: vscode.TextDocument): boolean {
  const globs = vscode.workspace.getConfiguration('cloudWorkflows', document.uri).get<string[]>('files', []);
  if (globs.length === 0) return false;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return globs.some((glob) => {
    const pattern = folder && !path.isAbsolute(glob) ? new vscode.RelativePattern(folder, glob) : glob;
    return vscode.languages.match({ pattern }, document) > 0;
  });
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
    vscode.workspace.onDidCloseTextDocument((d) => verdicts.delete(d.uri.toString())),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('cloudWorkflows.files')) return;
      verdicts.clear();
      update();
    }),
  );
}
