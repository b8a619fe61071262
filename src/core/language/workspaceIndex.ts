/**
 * The workflow files of a workspace by workflow ID, for what a parent's `workflow_id: child`
 * needs: the child's file, where its `main` is, its parameter and the keys it reads. Files come in
 * as text (the language server reads the disk, open documents are given as the editor has them);
 * an open document wins over its file on disk. Pure: no file system, no editor API.
 */
import { LineIndex, type Position } from '../location';
import { hasWorkflowFileName, looksLikeWorkflow } from '../model/detect';
import { parseWorkflow } from '../model/parse';
import { parameterReads, WORKFLOW_ID, type ParameterReads, type WorkflowLookup } from '../validate/childWorkflows';

/** A workflow file, as a parent's `workflow_id` sees it. */
export interface IndexedWorkflow {
  id: string;
  uri: string;
  /** What `main` reads from its parameter; undefined when it takes none. */
  reads: ParameterReads | undefined;
  /** `main`'s parameter names, for hovers. */
  params: string[];
  /** Where `main` (or the first step of a steps-only file) starts. */
  target: Position;
}

const SOURCE_SUFFIX = /\.workflows\.(ya?ml|json)$|\.(ya?ml|json)$/i;

/** Twice Google's 128 KB source limit: a larger file cannot be a deployed child. */
export const INDEX_MAX_SIZE = 256 * 1024;

/**
 * The workflow ID Deploy gives a file: its name without `.workflows.yaml|yml|json` or
 * `.yaml|yml|json` (`orders.workflows.yaml` → `orders`), as the VS Code glue derives it.
 */
export function workflowIdOfPath(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return base.replace(SOURCE_SUFFIX, '');
}

/**
 * The index entry of a file, or undefined when it is not a workflow: its name must give a valid
 * workflow ID, and it must be named `*.workflows.*`, be `named` by a `cloudWorkflows.files` glob,
 * or look like a workflow (`looksLikeWorkflow`).
 */
export function indexWorkflow(uri: string, text: string, named = false): IndexedWorkflow | undefined {
  const path = pathOf(uri);
  if (!SOURCE_SUFFIX.test(path) || text.length > INDEX_MAX_SIZE) return undefined;
  const id = workflowIdOfPath(path);
  if (!WORKFLOW_ID.test(id)) return undefined;
  const format = /\.json$/i.test(path) ? 'json' : 'yaml';
  if (!named && !hasWorkflowFileName(path) && !looksLikeWorkflow(text, format)) return undefined;
  const workflow = parseWorkflow(text, { format });
  const main = workflow.routines.find((r) => r.name.value === 'main');
  return { id, uri, reads: parameterReads(workflow), params: main?.params.map((p) => p.name.value) ?? [], target: new LineIndex(text).positionAt(main?.name.span.start ?? 0) };
}

/** The key under which a URI is stored: decoded, with a Windows drive letter in lower case. */
function sameFile(uri: string): string {
  return pathOf(uri).replace(/^file:\/\/\/([A-Za-z]):/, (_, drive: string) => `file:///${drive.toLowerCase()}:`);
}

function pathOf(uri: string): string {
  const bare = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/**
 * Workflow files by URI, from disk and from open documents (which win). URIs are compared decoded
 * (`%20` and a space, `c%3A` and `c:` are the same file), since editors and `pathToFileURL`
 * escape differently.
 */
export class WorkspaceIndex {
  private readonly disk = new Map<string, IndexedWorkflow>();
  /** Open documents: their ID by name, and their entry, read from their text when first needed. */
  private readonly open = new Map<string, { uri: string; id: string; text: () => string; named: boolean; entry?: IndexedWorkflow | null }>();

  /** Records a file as read from disk (undefined: gone, or not a workflow). */
  setFile(uri: string, entry: IndexedWorkflow | undefined): void {
    if (entry) this.disk.set(sameFile(uri), entry);
    else this.disk.delete(sameFile(uri));
  }

  /**
   * Records an open document's current text, which wins over the file on disk. The text is read
   * (and parsed) only when a lookup asks for the document's ID, not on every keystroke.
   */
  setOpen(uri: string, text: () => string, named = false): void {
    this.open.set(sameFile(uri), { uri, id: workflowIdOfPath(pathOf(uri)), text, named });
  }

  /** Forgets an open document: the file on disk counts again. */
  closeOpen(uri: string): void {
    this.open.delete(sameFile(uri));
  }

  /** Drops every file read from disk (before a full rescan). */
  clearFiles(): void {
    this.disk.clear();
  }

  /** Every workflow with the ID `id`, in URI order. */
  find(id: string): IndexedWorkflow[] {
    const out: IndexedWorkflow[] = [];
    for (const [uri, entry] of this.disk) if (!this.open.has(uri) && entry.id === id) out.push(entry);
    for (const open of this.open.values()) {
      if (open.id !== id) continue;
      if (open.entry === undefined) open.entry = indexWorkflow(open.uri, open.text(), open.named) ?? null;
      if (open.entry) out.push(open.entry);
    }
    return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  /** The lookup `crossWorkflowDiagnostics` reads: the first file with the ID. */
  lookup(): WorkflowLookup {
    return (id) => this.find(id)[0];
  }
}

/**
 * Markdown for a hover on a reference to the workflow `id`: its file (as `relative` shows a URI),
 * other files with the same ID, its parameter and the keys it reads.
 */
export function describeChild(id: string, files: readonly IndexedWorkflow[], relative: (uri: string) => string): string {
  if (files.length === 0) return `Workflow \`${id}\`: no workflow file in this workspace has this ID.`;
  const [child] = files;
  const lines = [`**Workflow \`${id}\`**: \`${relative(child.uri)}\``];
  if (files.length > 1) lines.push(`Also in: ${files.slice(1).map((f) => `\`${relative(f.uri)}\``).join(', ')}`);
  if (child.params.length === 0) lines.push('Takes no parameter.');
  else lines.push(`Parameter: \`${child.params.join(', ')}\``);
  const reads = child.reads;
  if (reads && (reads.required.length > 0 || reads.optional.length > 0)) {
    const keys = [...reads.required.map((k) => `\`${k}\``), ...reads.optional.map((k) => `\`${k}\` (optional)`)];
    lines.push(`Reads from \`${reads.param}\`: ${keys.join(', ')}${reads.open ? ', and may read others' : ''}`);
  }
  return lines.join('\n\n');
}
