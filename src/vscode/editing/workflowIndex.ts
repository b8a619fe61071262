import * as vscode from 'vscode';
import { LineIndex } from '../../core/location';
import { looksLikeWorkflow } from '../../core/model/detect';
import { parseWorkflow } from '../../core/model/parse';
import { parameterReads, WORKFLOW_ID, type ParameterReads, type WorkflowLookup } from '../../core/validate/childWorkflows';
import type { Log } from '../util/log';
import { workflowIdFromPath } from '../run/workflowIds';

/** A workflow file of the workspace, as a parent's `workflow_id` sees it. */
export interface IndexedWorkflow {
  id: string;
  uri: vscode.Uri;
  /** What `main` reads from its parameter; undefined when it takes none. */
  reads: ParameterReads | undefined;
  /** `main`'s parameter names, for hovers. */
  params: string[];
  /** Where `main` (or the first step of a steps-only file) is. */
  target: vscode.Range;
}

const SOURCES = '**/*.{yaml,yml,json}';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/out/**,**/dist/**}';
/** Workspaces with more candidate files than this are indexed up to it: the index must stay cheap. */
const MAX_FILES = 2000;
/** Twice Google's 128 KB source limit: a larger file cannot be a deployed child, and parsing it would hold the extension host. */
const MAX_SIZE = 256 * 1024;

/**
 * The workspace's workflow files by workflow ID (the file name without `.workflows`/`.yaml`/`.yml`/
 * `.json`, as Deploy names them): built once in the background, kept up to date by a file watcher
 * (saved, created and deleted files). Files are read from disk, so a parent sees a child as last
 * saved. Read-only, so untrusted workspaces get it too.
 */
export class WorkflowIndex implements vscode.Disposable {
  private readonly byUri = new Map<string, IndexedWorkflow>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(SOURCES);
  private scanned = false;
  /** Fires when the index changes (and once the first scan is complete). */
  readonly onDidChange = this.changed.event;
  /** Resolves when the first scan is complete. */
  readonly ready: Promise<void>;

  constructor(private readonly log: Log) {
    this.watcher.onDidCreate((uri) => void this.update(uri));
    this.watcher.onDidChange((uri) => void this.update(uri));
    // A delete event may arrive after the file was written again: `update` reads what is there now.
    this.watcher.onDidDelete((uri) => void this.update(uri));
    this.ready = this.scan();
  }

  /** Undefined until the first scan is complete: before that, nothing may be called unknown. */
  lookup(): WorkflowLookup | undefined {
    if (!this.scanned || !vscode.workspace.workspaceFolders?.length) return undefined;
    return (id) => this.find(id)[0];
  }

  /** Every indexed file with the workflow ID `id`, in path order. */
  find(id: string): IndexedWorkflow[] {
    return [...this.byUri.values()].filter((w) => w.id === id).sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }

  private async scan(): Promise<void> {
    try {
      const uris = await vscode.workspace.findFiles(SOURCES, EXCLUDE, MAX_FILES);
      for (const uri of uris) await this.read(uri);
    } catch (error) {
      this.log.error('Could not index the workflow files of the workspace', error);
    }
    this.scanned = true;
    this.changed.fire();
  }

  private async update(uri: vscode.Uri): Promise<void> {
    if (/[\\/](node_modules|\.git)[\\/]/.test(uri.path)) return;
    const before = this.byUri.get(uri.toString());
    await this.read(uri);
    if (this.scanned && (before || this.byUri.has(uri.toString()))) this.changed.fire();
  }

  /** Indexes the file as it is now on disk, or drops it when it is gone or not a workflow; never leaves a gap meanwhile. */
  private async read(uri: vscode.Uri): Promise<void> {
    const entry = await this.entry(uri);
    if (entry) this.byUri.set(uri.toString(), entry);
    else this.byUri.delete(uri.toString());
  }

  private async entry(uri: vscode.Uri): Promise<IndexedWorkflow | undefined> {
    const id = workflowIdFromPath(uri.path);
    if (!WORKFLOW_ID.test(id)) return undefined;
    let text: string;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_SIZE) return undefined;
      text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    } catch {
      return undefined;
    }
    const format = /\.json$/i.test(uri.path) ? 'json' : 'yaml';
    if (!/\.workflows\.(ya?ml|json)$/i.test(uri.path) && !looksLikeWorkflow(text, format)) return undefined;
    const workflow = parseWorkflow(text, { format });
    const main = workflow.routines.find((r) => r.name.value === 'main');
    const at = new LineIndex(text).positionAt(main?.name.span.start ?? 0);
    const position = new vscode.Position(at.line, at.character);
    return { id, uri, reads: parameterReads(workflow), params: main?.params.map((p) => p.name.value) ?? [], target: new vscode.Range(position, position) };
  }
}
