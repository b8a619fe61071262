/**
 * The Cloud Workflows language server: the core's language features over LSP, for any editor.
 * Full and incremental text sync, a model cache keyed by URI and version, debounced diagnostics
 * per document, and requests that give up (RequestCancelled) when the client cancels them or the
 * document changes while they wait. Positions are UTF-16, the LSP default every client accepts.
 */
import {
  CodeActionKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor } from './codeActions';
import { COMPLETION_TRIGGERS, completionItems } from './completion';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentModels, type DocumentModel } from './documentModels';
import { definitionAt, hoverAt } from './navigation';
import { documentSymbols, foldingRanges } from './outline';
import { Settings } from './settings';
import { WorkerValidator } from './validationWorker';

/** Debounce of diagnostics after a change, unless `initializationOptions.diagnosticsDelay` says otherwise. */
export const DEFAULT_DIAGNOSTICS_DELAY = 150;

export interface ServerOptions {
  /** The validation worker's script (see src/cli/lspWorker.ts); without it large documents are checked on the server's thread. */
  validationWorker?: string;
}

/** Wires every handler on `connection` and starts listening. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const models = new DocumentModels();
  const settings = new Settings(connection);
  let publisher: DiagnosticsPublisher | undefined;
  const worker = options.validationWorker ? new WorkerValidator(options.validationWorker) : undefined;

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params);
    const options: unknown = params.initializationOptions;
    const delay = typeof options === 'object' && options !== null && typeof (options as { diagnosticsDelay?: unknown }).diagnosticsDelay === 'number' ? (options as { diagnosticsDelay: number }).diagnosticsDelay : DEFAULT_DIAGNOSTICS_DELAY;
    publisher = new DiagnosticsPublisher(connection, models, { delay, enabled: (uri) => settings.validationEnabled(uri), document: (uri) => documents.get(uri), worker });
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        hoverProvider: true,
        definitionProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'cloud-workflows' },
    };
  });
  connection.onInitialized(() => settings.initialized());

  documents.onDidOpen((e) => publisher?.schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => publisher?.schedule(e.document.uri));
  documents.onDidClose((e) => {
    models.delete(e.document.uri);
    publisher?.clear(e.document.uri);
  });
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    for (const document of documents.all()) publisher?.schedule(document.uri, 0);
  });
  connection.onShutdown(() => {
    publisher?.dispose();
    worker?.dispose();
  });

  /**
   * Runs `answer` on the model of the document's current version. Parsing a changed document
   * waits one task first, so a `$/cancelRequest` or a newer edit already in the queue wins.
   */
  const withModel = async <T>(uri: string, position: Position | undefined, token: CancellationToken, answer: (model: DocumentModel, offset: number) => T): Promise<T | null> => {
    if (position !== undefined && !validPosition(position)) throw new ResponseError(ErrorCodes.InvalidParams, 'position must have non-negative integer line and character');
    let document = documents.get(uri);
    if (!document) return null;
    if (!models.isParsed(document)) {
      const version = document.version;
      await new Promise((resolve) => setImmediate(resolve));
      document = documents.get(uri);
      if (token.isCancellationRequested || document?.version !== version) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled: the document changed or the client gave up');
    }
    const model = models.model(document);
    if (!model || token.isCancellationRequested) return null;
    try {
      return answer(model, position ? model.lines.offsetAt(position) : 0);
    } catch (error) {
      connection.console.error(`Request on ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw new ResponseError(ErrorCodes.InternalError, `cloud-workflows: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  connection.onCompletion((p, token) => withModel(p.textDocument.uri, p.position, token, completionItems));
  connection.onHover((p, token) => withModel(p.textDocument.uri, p.position, token, hoverAt));
  connection.onDefinition((p, token) => withModel(p.textDocument.uri, p.position, token, definitionAt));
  connection.onDocumentSymbol((p, token) => withModel(p.textDocument.uri, undefined, token, documentSymbols));
  connection.onFoldingRanges((p, token) => withModel(p.textDocument.uri, undefined, token, foldingRanges));
  connection.onCodeAction((p, token) => withModel(p.textDocument.uri, undefined, token, (model) => codeActionsFor(model, p)));

  documents.listen(connection);
  connection.listen();
}

function validPosition(position: Position): boolean {
  return typeof position === 'object' && position !== null && Number.isSafeInteger(position.line) && Number.isSafeInteger(position.character) && position.line >= 0 && position.character >= 0;
}
