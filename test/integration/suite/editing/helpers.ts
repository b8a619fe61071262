import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cloud-workflows-toolkit.cloud-workflows-toolkit';

/** Where the editing tests write their documents; removed by `removeScratch`. */
export function scratchFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, 'editing-scratch');
}

let warmedUp = false;

/**
 * Activates the extension and, once per run, opens a first workflow and waits for its outline:
 * a fresh workbench on a busy machine takes a while to serve its first editor, which must not
 * count against the first test. Call it as `suiteSetup(activateExtension)`.
 */
export async function activateExtension(this: Mocha.Context): Promise<void> {
  this.timeout(120_000);
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  await extension.activate();
  if (warmedUp) return;
  const document = await openScratch('warm-up.workflows.yaml', 'main:\n  steps:\n    - only:\n        return: 1\n');
  await waitFor(
    () => vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri),
    (symbols) => (symbols?.length ?? 0) > 0,
    'the first workflow outline',
    100_000,
  );
  warmedUp = true;
}

/** Writes `text` to a scratch file and opens it in an editor. */
export async function openScratch(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(scratchFolder(), name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

export async function removeScratch(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  try {
    await vscode.workspace.fs.delete(scratchFolder(), { recursive: true, useTrash: false });
  } catch {
    // Nothing was written.
  }
}

/** The position of the `nth` occurrence of `needle` in the document, plus `delta` characters. */
export function at(document: vscode.TextDocument, needle: string, delta = 0, nth = 1): vscode.Position {
  let offset = -1;
  for (let i = 0; i < nth; i++) offset = document.getText().indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `'${needle}' not found`);
  return document.positionAt(offset + delta);
}

/** Splits a `‸` cursor marker out of `text`. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('‸');
  assert.ok(offset >= 0, 'no ‸ marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Polls `probe` until `accept` holds or the deadline passes; then fails with the last value seen. */
export async function waitFor<T>(probe: () => T | Thenable<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await probe();
  }
  return last;
}

/** A diagnostic as the tests compare it: code, `line:col-line:col`, severity name and message. */
export interface SeenDiagnostic {
  code: string;
  range: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
}

export function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function seenDiagnostics(uri: vscode.Uri): SeenDiagnostic[] {
  const severities = ['error', 'warning', 'information', 'hint'] as const;
  return vscode.languages.getDiagnostics(uri).map((d) => ({
    code: String(typeof d.code === 'object' ? d.code.value : d.code),
    range: rangeText(d.range),
    severity: severities[d.severity],
    message: d.message,
  }));
}

/** Waits until the document's diagnostics are exactly `expected`. */
export async function expectDiagnostics(uri: vscode.Uri, expected: SeenDiagnostic[]): Promise<void> {
  const want = JSON.stringify(expected);
  await waitFor(() => seenDiagnostics(uri), (seen) => JSON.stringify(seen) === want, `diagnostics ${want}`);
}
