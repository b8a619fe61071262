/**
 * The server's workspace index of workflow IDs: the core's `WorkspaceIndex`, filled by scanning
 * the workspace folders of `initialize` (or its `rootUri`) and kept up to date by
 * `workspace/didChangeWatchedFiles`. The watcher is registered dynamically when the client can;
 * a client that cannot watch gets a rescan on demand, at most every `RESCAN_AFTER` ms. Open
 * documents win over their files on disk.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type FileEvent, type InitializeParams } from 'vscode-languageserver';
import { INDEX_MAX_SIZE, indexWorkflow, WorkspaceIndex, type IndexedWorkflow } from '../core/language/workspaceIndex';
import type { Diagnostic } from '../core/diagnostic';
import { childCallDiagnostics, type ChildCallSummary, type WorkflowLookup } from '../core/validate/childWorkflows';

/** Folders never scanned. */
const SKIPPED = new Set(['node_modules', '.git', 'out', 'dist']);
const SOURCE = /\.(ya?ml|json)$/i;
/** Workspaces with more candidate files than this are indexed up to it: the index must stay cheap. */
const MAX_FILES = 2000;
/** Without a file watcher, how old a scan may be before a request rescans. */
export const RESCAN_AFTER = 2000;

export class ServerWorkspaceIndex {
  private readonly index = new WorkspaceIndex();
  /** The workspace folders, as URIs (from `initialize`). */
  folders: string[] = [];
  /** Their paths on disk, for the ones that are files. */
  private roots: string[] = [];
  private watching = false;
  private canRegister = false;
  private scanning: Promise<void> | undefined;
  private scannedAt = 0;
  private scanned = false;
  /** What the last scan found, to tell whether a rescan changed anything. */
  private signature = '';

  /** Called after the index changed (a scan finished, a watched file changed). */
  onChange: () => void = () => undefined;
  /** Whether a `cloudWorkflows.files` glob names the file (set by the server, which holds the settings). */
  namedByGlobs: (uri: string) => Promise<boolean> = () => Promise.resolve(false);

  constructor(private readonly connection: Connection) {}

  /** Reads the workspace folders and whether the client can register a file watcher. */
  initialize(params: InitializeParams): void {
    this.folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : params.rootPath ? [pathToFileURL(params.rootPath).href] : []);
    this.roots = this.folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    this.canRegister = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }

  /** After `initialized`: registers the watcher (when the client can) and starts the first scan. */
  async initialized(): Promise<void> {
    if (this.canRegister) {
      try {
        await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] });
        this.watching = true;
      } catch (error) {
        this.connection.console.error(`Could not watch the workflow files: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await this.current();
  }

  /** Applies `workspace/didChangeWatchedFiles` (sent by a watcher the client registered itself, too). */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    this.watching = true;
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const file = fileURLToPath(change.uri);
      if (file.split(path.sep).some((part) => SKIPPED.has(part))) continue;
      this.index.setFile(change.uri, change.type === FileChangeType.Deleted ? undefined : await readEntry(change.uri, file, await this.namedByGlobs(change.uri)));
    }
    if (changes.length > 0) this.onChange();
  }

  /** An open document's current text, which wins over its file (`named`: by a `cloudWorkflows.files` glob). */
  opened(uri: string, text: () => string, named = false): void {
    this.index.setOpen(uri, text, named);
  }

  /** The settings changed: `cloudWorkflows.files` may name other files now. */
  settingsChanged(): void {
    if (this.scanned) this.startScan();
  }

  closed(uri: string): void {
    this.index.closeOpen(uri);
  }

  /**
   * The index, up to date: waits for the first scan, and without a watcher rescans when the last
   * scan is older than `RESCAN_AFTER` (for a request the user made on a child workflow ID).
   */
  async current(): Promise<this> {
    if (!this.scanned || this.stale()) this.startScan();
    await this.scanning;
    return this;
  }

  /** The index once the first scan is done; later rescans are not waited for. */
  async firstScan(): Promise<this> {
    if (!this.scanned) await this.current();
    return this;
  }

  /**
   * Every workflow with the ID `id`, in URI order, as the index is now. Without a watcher, a stale
   * index starts a rescan in the background (`onChange` fires if it finds a difference).
   */
  find(id: string): IndexedWorkflow[] {
    if (this.stale()) this.startScan();
    return this.index.find(id);
  }

  /**
   * The lookup for cross-workflow diagnostics (through `find`); undefined before the first scan, or
   * with no workspace folder: then nothing may be called unknown.
   */
  lookup(): WorkflowLookup | undefined {
    return this.scanned && this.roots.length > 0 ? (id) => this.find(id)[0] : undefined;
  }

  private stale(): boolean {
    return this.scanned && !this.watching && Date.now() - this.scannedAt > RESCAN_AFTER;
  }

  private startScan(): void {
    this.scanning ??= this.rescan().finally(() => (this.scanning = undefined));
  }

  /**
   * The cross-workflow warnings of a document (unknown workflow ID, missing argument keys), from
   * the index as it is now (see `find` for a stale one).
   */
  extraDiagnostics(calls: readonly ChildCallSummary[]): Diagnostic[] {
    const lookup = this.lookup();
    return lookup ? childCallDiagnostics(calls, lookup) : [];
  }

  /** A URI as a path relative to the workspace folder holding it (the URI itself elsewhere). */
  relative(uri: string): string {
    if (!uri.startsWith('file:')) return uri;
    const file = fileURLToPath(uri);
    const root = this.roots.find((r) => file.startsWith(r + path.sep));
    return root ? path.relative(root, file).split(path.sep).join('/') : file;
  }

  private async rescan(): Promise<void> {
    const files: string[] = [];
    for (const root of this.roots) await collect(root, files);
    const entries = await Promise.all(
      files.map(async (file) => {
        const uri = pathToFileURL(file).href;
        return [uri, await readEntry(uri, file, await this.namedByGlobs(uri))] as const;
      }),
    );
    this.index.clearFiles();
    for (const [uri, entry] of entries) this.index.setFile(uri, entry);
    const signature = JSON.stringify(entries.filter(([, e]) => e).map(([uri, e]) => [uri, e?.id, e?.params, e?.reads]));
    const changed = !this.scanned || signature !== this.signature;
    this.signature = signature;
    this.scanned = true;
    this.scannedAt = Date.now();
    if (changed && this.roots.length > 0) this.onChange();
  }
}

/** The YAML/JSON files under `dir`, skipping `SKIPPED` folders, up to `MAX_FILES`. */
async function collect(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (out.length >= MAX_FILES) return;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) await collect(full, out);
    else if (entry.isFile() && SOURCE.test(entry.name)) out.push(full);
  }
}

async function readEntry(uri: string, file: string, named: boolean): Promise<IndexedWorkflow | undefined> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > INDEX_MAX_SIZE) return undefined;
    return indexWorkflow(uri, await fs.readFile(file, 'utf8'), named);
  } catch {
    return undefined;
  }
}
