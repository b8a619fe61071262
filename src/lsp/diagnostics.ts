/**
 * Diagnostics pushed per document, debounced after each change. Documents of `WORKER_MIN_LENGTH`
 * or more are parsed and validated on the validation worker, so the server's thread stays free;
 * smaller ones (or all, without a worker) here, in slices of about `SLICE_MS` (parsing is one
 * slice, validation is cut between its passes) with queued requests answered in between. A check
 * whose document moved on to a newer version is dropped.
 */
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Diagnostic as CoreDiagnostic, Severity } from '../core/diagnostic';
import type { ChildCallSummary } from '../core/validate/childWorkflows';
import { formatOf, type Checked, type DocumentModels, type OpenDocument } from './documentModels';
import type { WorkerValidator } from './validationWorker';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** How long a check runs before it lets queued messages through. */
export const SLICE_MS = 10;

/** Documents at least this long are checked on the validation worker, when there is one. */
export const WORKER_MIN_LENGTH = 32 * 1024;

export interface DiagnosticsOptions {
  /** Milliseconds between the last change and the check. */
  delay: number;
  /** Whether checking is on for a document (`cloudWorkflows.validation.enabled`). */
  enabled(uri: string): Promise<boolean>;
  /** The open document, if still open. */
  document(uri: string): OpenDocument | undefined;
  /** Diagnostics beyond the document's own, from its child-execution calls (the workspace index's cross-workflow warnings). */
  extra?(calls: readonly ChildCallSummary[]): CoreDiagnostic[];
  /** Checks large documents off the server's thread; without it every check runs here, in slices. */
  worker?: WorkerValidator;
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** URIs that have diagnostics on the client, so a clear is sent only when needed. */
  private readonly shown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly models: DocumentModels,
    private readonly options: DiagnosticsOptions,
  ) {}

  /** Checks the document after `delay` ms (the configured debounce by default), replacing any pending check. */
  schedule(uri: string, delay = this.options.delay): void {
    clearTimeout(this.timers.get(uri));
    const version = this.options.document(uri)?.version;
    if (version === undefined) return;
    this.timers.set(uri, setTimeout(() => void this.check(uri, version), delay));
  }

  /** Drops any pending check and clears the document's diagnostics (on close). */
  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (this.shown.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private current(uri: string, version: number): OpenDocument | undefined {
    const document = this.options.document(uri);
    return document && document.version === version ? document : undefined;
  }

  private async check(uri: string, version: number): Promise<void> {
    this.timers.delete(uri);
    try {
      let document = this.current(uri, version);
      if (!document) return;
      if (!(await this.options.enabled(uri)) || !this.models.isWorkflow(document)) {
        if (this.current(uri, version)) this.clear(uri);
        return;
      }
      document = this.current(uri, version);
      if (!document) return;
      let found = await this.onWorker(document);
      if (found === undefined) found = await this.inSlices(document);
      if (!found || !this.current(uri, version)) return;
      const lines = this.models.lines(document);
      const extra = this.options.extra?.(found.calls) ?? [];
      const all = extra.length === 0 ? found.diagnostics : [...found.diagnostics, ...extra].sort((a, b) => a.span.start - b.span.start);
      const diagnostics = all.map((d) => toLsp(d, lines, uri));
      this.shown.add(uri);
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      this.connection.console.error(`Could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /**
   * The document's diagnostics from the worker: undefined when there is no worker, the document is
   * small or the worker failed (the caller then checks here), null when the check went stale.
   */
  private async onWorker(document: OpenDocument): Promise<Checked | null | undefined> {
    const worker = this.options.worker;
    const known = this.models.known(document);
    if (known || !worker?.usable || document.getText().length < WORKER_MIN_LENGTH) return known;
    const version = document.version;
    try {
      const validated = worker.validate(document.uri, document.getText(), formatOf(document));
      // The line index the results are mapped with is built while the worker runs.
      this.models.lines(document);
      const checked = await validated;
      const current = this.current(document.uri, version);
      if (!checked || !current) return null;
      this.models.setChecked(current, checked);
      return checked;
    } catch (error) {
      this.connection.console.error(`The validation worker failed on ${document.uri}, checking here instead: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The document's diagnostics computed on this thread in slices; null when the check went stale. */
  private async inSlices(document: OpenDocument): Promise<Checked | null> {
    const { uri, version } = document;
    const passes = this.models.validation(document);
    let slice = performance.now();
    let next = passes.next();
    while (!next.done) {
      if (performance.now() - slice >= SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        // A newer version (or a close) makes this check stale: its own check follows.
        if (!this.current(uri, version)) return null;
        slice = performance.now();
      }
      next = passes.next();
    }
    return next.value;
  }
}

function toLsp(core: CoreDiagnostic, lines: { rangeOf(span: { start: number; end: number }): Diagnostic['range'] }, uri: string): Diagnostic {
  const out: Diagnostic = { range: lines.rangeOf(core.span), severity: SEVERITIES[core.severity], code: core.code, source: 'cloud-workflows', message: core.message };
  if (core.related) out.relatedInformation = core.related.map((r) => ({ location: { uri, range: lines.rangeOf(r.span) }, message: r.message }));
  if (core.data) out.data = core.data;
  return out;
}
