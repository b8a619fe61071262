import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cloud-workflows-toolkit.cloud-workflows-toolkit';

/** A tree element, seen only through the provider (the extension's classes live in its own bundle). */
export type Node = object;

/** The slice of an execution the tests read. */
export interface Execution {
  name: string;
  workflowId: string;
  executionId: string;
  state: string;
  labels?: Record<string, string>;
  argument?: string;
  result?: string;
  error?: { payload: string };
}

/** The test API `activate` returns. */
export interface RunApi {
  executionsTree: vscode.TreeDataProvider<Node> & {
    requestCount: number;
    refresh(node?: Node): void;
    revealExecution(execution: Execution): Promise<Node | undefined>;
    pollNow(): Promise<void>;
  };
  emulatorUrl(): Promise<string>;
  target(): { kind: string; label: string };
  lastError(): string | undefined;
  logFolder: vscode.Uri;
  lastPrompt(): string | undefined;
}

export async function runApi(): Promise<RunApi> {
  const extension = vscode.extensions.getExtension<RunApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Sets `cloudWorkflows.<key>` in the user settings; returns a function that restores it. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('cloudWorkflows');
  const before = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration('cloudWorkflows').update(key, before, vscode.ConfigurationTarget.Global);
  };
}

/** What a tree element shows: label, description and contextValue. */
export interface Seen {
  label: string;
  description: string;
  contextValue: string;
}

export async function seen(api: RunApi, node: Node): Promise<Seen> {
  const item = await api.executionsTree.getTreeItem(node);
  const label = typeof item.label === 'object' ? item.label.label : (item.label ?? '');
  return { label, description: typeof item.description === 'string' ? item.description : '', contextValue: item.contextValue ?? '' };
}

export async function children(api: RunApi, node?: Node): Promise<Node[]> {
  return (await api.executionsTree.getChildren(node)) ?? [];
}

/** The child of `node` whose label is `label`. */
export async function childLabelled(api: RunApi, node: Node | undefined, label: string): Promise<Node> {
  for (const child of await children(api, node)) if ((await seen(api, child)).label === label) return child;
  assert.fail(`no child labelled ${label}`);
}

/** Polls `probe` until `accept` holds or the deadline passes; then fails with the last value seen. */
export async function waitFor<T>(probe: () => T | Thenable<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}

/** The text of the "Cloud Workflows" output channel, from the file VS Code writes it to. */
export function outputChannelText(api: RunApi): string {
  const exthost = path.dirname(api.logFolder.fsPath);
  const texts: string[] = [];
  for (const dir of fs.readdirSync(exthost).filter((d) => d.startsWith('output_logging_'))) {
    for (const file of fs.readdirSync(path.join(exthost, dir)).filter((f) => f.endsWith('Cloud Workflows.log'))) {
      texts.push(fs.readFileSync(path.join(exthost, dir, file), 'utf8'));
    }
  }
  return texts.join('\n');
}

/**
 * Writes a workspace file (a workflow the test needs) and waits until an open document of it has
 * the new text (VS Code reloads open documents from disk asynchronously); returns its URI.
 */
export async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  await waitFor(async () => (await vscode.workspace.openTextDocument(uri)).getText(), (t) => t === text, `${name} to have its new text`);
  return uri;
}

/** Deletes workspace files a test wrote (missing ones are fine). */
export async function deleteWorkspaceFiles(names: string[]): Promise<void> {
  for (const name of names) {
    try {
      await vscode.workspace.fs.delete(workspaceFile(name));
    } catch {
      // Not written.
    }
  }
}

/** The lines a node's children show: `label | description`. */
export async function childLines(api: RunApi, node: Node): Promise<string[]> {
  return Promise.all((await children(api, node)).map(async (n) => {
    const s = await seen(api, n);
    return [s.label, s.description].filter(Boolean).join(' | ');
  }));
}

/** The workflow node labelled `workflowId` under the target (reloading the tree first). */
export async function workflowNode(api: RunApi, workflowId: string, reload = true): Promise<Node> {
  if (reload) api.executionsTree.refresh();
  const [target] = await children(api);
  return childLabelled(api, target, workflowId);
}

/** The execution node of `execution` under its workflow, found by its ID in the description. */
export async function executionNode(api: RunApi, execution: Execution): Promise<Node> {
  const workflow = await workflowNode(api, execution.workflowId);
  for (const child of await children(api, workflow)) if ((await seen(api, child)).description.endsWith(execution.executionId)) return child;
  assert.fail(`no node for ${execution.executionId}`);
}
