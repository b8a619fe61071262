/**
 * The parsed model, line index and lint results of each open document, computed at most once per
 * URI and version and shared by every request. Pure: documents come in as text, no editor API.
 */
import type { Diagnostic } from '../core/diagnostic';
import { LineIndex } from '../core/location';
import { DETECT_MAX_SIZE, DETECT_PREFIX, hasWorkflowFileName, looksLikeWorkflow } from '../core/model/detect';
import { updateWorkflow } from '../core/model/parse';
import type { Workflow } from '../core/model/types';
import { validationPasses, validateWorkflow } from '../core/validate';
import { childCallSummaries, type ChildCallSummary } from '../core/validate/childWorkflows';

/** What the server needs of an open document (a `TextDocument` of vscode-languageserver fits). */
export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  getText(): string;
}

/** A document's own diagnostics and its child-execution calls (checked against the workspace later). */
export interface Checked {
  diagnostics: Diagnostic[];
  calls: ChildCallSummary[];
}

export interface DocumentModel {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly format: 'yaml' | 'json';
  readonly lines: LineIndex;
  readonly workflow: Workflow;
}


/** The source format of a document, from its language or its URI. */
export function formatOf(document: Pick<OpenDocument, 'uri' | 'languageId'>): 'yaml' | 'json' {
  if (document.languageId === 'json' || document.languageId === 'jsonc') return 'json';
  return /\.json$/i.test(document.uri) ? 'json' : 'yaml';
}

/**
 * True when the document is a workflow: named `*.workflows.yaml|yml|json`, or YAML/JSON whose
 * content looks like one (the same rule as the VS Code glue, minus `cloudWorkflows.files` globs).
 * Editors attach the server to every YAML file; Kubernetes or CI files get nothing from it.
 */
export function isWorkflowText(uri: string, format: 'yaml' | 'json', text: string): boolean {
  if (hasWorkflowFileName(uri)) return true;
  if (text.length > DETECT_MAX_SIZE) return false;
  return looksLikeWorkflow(text.length <= DETECT_PREFIX ? text : text.slice(0, DETECT_PREFIX), format, text.length);
}

interface Entry {
  model?: DocumentModel;
  /** The model of an earlier version, until this version's is built from it (then dropped). */
  previous?: DocumentModel;
  lines?: LineIndex;
  version: number;
  isWorkflow: boolean;
  diagnostics?: Diagnostic[];
  /** The child-execution calls, for the cross-workflow check (which depends on the workspace, so is not cached). */
  calls?: ChildCallSummary[];
}

export class DocumentModels {
  private readonly entries = new Map<string, Entry>();
  /** Documents named by a `cloudWorkflows.files` glob: workflows whatever their name and content. */
  private readonly byGlob = new Set<string>();

  /** Whether a `cloudWorkflows.files` glob names the document (as last recorded). */
  matchedByGlob(uri: string): boolean {
    return this.byGlob.has(uri);
  }

  /** Records whether a `cloudWorkflows.files` glob names the document (a change drops its cached verdict and model). */
  setMatchedByGlob(uri: string, matched: boolean): void {
    if (this.byGlob.has(uri) === matched) return;
    if (matched) this.byGlob.add(uri);
    else this.byGlob.delete(uri);
    this.entries.delete(uri);
  }

  /** Whether the document's current version is a workflow (cheap: reads a prefix, cached per version). */
  isWorkflow(document: OpenDocument): boolean {
    return this.entry(document).isWorkflow;
  }

  /** The model of the document's current version, or undefined when it is not a workflow. */
  model(document: OpenDocument): DocumentModel | undefined {
    const entry = this.entry(document);
    if (!entry.isWorkflow) return undefined;
    if (!entry.model) {
      const text = document.getText();
      const format = formatOf(document);
      const workflow = updateWorkflow(entry.previous?.workflow, text, { format });
      entry.previous = undefined;
      entry.model = { uri: document.uri, version: document.version, text, format, lines: this.lines(document), workflow };
    }
    return entry.model;
  }

  /** The line index of the document's current version (no parse needed). */
  lines(document: OpenDocument): LineIndex {
    const entry = this.entry(document);
    entry.lines ??= new LineIndex(document.getText());
    return entry.lines;
  }

  /** The diagnostics and child calls of the document's current version, if already computed. */
  known(document: OpenDocument): Checked | undefined {
    const { diagnostics, calls } = this.entry(document);
    return diagnostics && calls ? { diagnostics, calls } : undefined;
  }

  /** Records a check made elsewhere (the validation worker) for the document's current version. */
  setChecked(document: OpenDocument, checked: Checked): void {
    const entry = this.entry(document);
    entry.diagnostics = checked.diagnostics;
    entry.calls = checked.calls;
  }

  /** Whether the model of the document's current version is already parsed. */
  isParsed(document: OpenDocument): boolean {
    const entry = this.entries.get(document.uri);
    return entry !== undefined && entry.version === document.version && entry.model !== undefined;
  }

  /** Every diagnostic of the document's current version (empty for a non-workflow). */
  diagnostics(document: OpenDocument): Diagnostic[] {
    const model = this.model(document);
    if (!model) return [];
    const entry = this.entry(document);
    entry.diagnostics ??= validateWorkflow(model.workflow);
    return entry.diagnostics;
  }

  /**
   * The diagnostics of the document's current version one validation pass at a time (see
   * `validationPasses`); the result is cached as `diagnostics` would cache it. Parses first, in
   * the generator's first step.
   */
  *validation(document: OpenDocument): Generator<void, Checked, void> {
    const model = this.model(document);
    if (!model) return { diagnostics: [], calls: [] };
    const entry = this.entry(document);
    if (!entry.diagnostics) {
      yield;
      const diagnostics = yield* validationPasses(model.workflow);
      // Cached only if the entry is still the document's: a newer version replaced it otherwise.
      if (this.entries.get(document.uri) !== entry) return { diagnostics, calls: childCallSummaries(model.workflow) };
      entry.diagnostics = diagnostics;
    }
    // After validation: the summary reads the context validation built (contextOf), in well under a millisecond.
    entry.calls ??= childCallSummaries(model.workflow);
    return { diagnostics: entry.diagnostics, calls: entry.calls };
  }

  /** Forgets a closed document. */
  delete(uri: string): void {
    this.entries.delete(uri);
    this.byGlob.delete(uri);
  }

  private entry(document: OpenDocument): Entry {
    const known = this.entries.get(document.uri);
    if (known && known.version === document.version) return known;
    const entry: Entry = { version: document.version, isWorkflow: this.byGlob.has(document.uri) || isWorkflowText(document.uri, formatOf(document), document.getText()) };
    // Kept so this version's model can be built by re-reading only the edited step.
    if (known && known.version < document.version) entry.previous = known.model ?? known.previous;
    this.entries.set(document.uri, entry);
    return entry;
  }
}
