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
import { runCodeLenses } from './codeLens';
import { COMPLETION_TRIGGERS, completionItems, newFileItems, withEditRangeDefault } from './completion';
import { connectorSignatureHelpAt } from './connectorSignatureHelp';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentModels, formatOf, type DocumentModel } from './documentModels';
import { definitionAt, hoverAt } from './navigation';
import { documentSymbols, foldingRanges } from './outline';
import { Settings } from './settings';
import { folderOf, matchesWorkflowGlobs } from './workflowGlobs';
import { serverSnippets } from './snippetFiles';
import type { CompletionOptions } from '../core/language/completion';
import { prepareRenameAt, referencesAt, renameEdits } from './references';
import { childDefinitionAt, childHoverAt, childReferenceAt } from './childWorkflows';
import { documentLinksOf } from './documentLinks';
import { SIGNATURE_TRIGGERS, signatureHelpAt } from './signatureHelp';
import { SEMANTIC_TOKENS_LEGEND, semanticTokensOf } from './semanticTokens';
import { selectionRangesOf } from './selectionRanges';
import { ServerWorkspaceIndex } from './workspaceIndex';
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
  const workspaceIndex = new ServerWorkspaceIndex(connection);
  workspaceIndex.onChange = () => documents.all().forEach((d) => publisher?.schedule(d.uri, 0));

  /** Applies `cloudWorkflows.files` to a document, then checks it (now, or after the usual debounce). */
  const checkWithGlobs = async (uri: string, delay?: number): Promise<void> => {
    const matched = documents.get(uri) !== undefined && (await namedByGlobs(uri));
    models.setMatchedByGlob(uri, matched);
    if (documents.get(uri)) workspaceIndex.opened(uri, () => documents.get(uri)?.getText() ?? '', matched);
    publisher?.schedule(uri, delay);
  };
  /** Whether a `cloudWorkflows.files` glob names `uri`; the globs are pulled for the workspace folder holding it (one request per folder). */
  const namedByGlobs = async (uri: string): Promise<boolean> => {
    const folders = workspaceIndex.folders;
    return matchesWorkflowGlobs(uri, await settings.filesGlobs(folderOf(uri, folders) ?? uri), folders);
  };
  workspaceIndex.namedByGlobs = namedByGlobs;

  const completion: CompletionOptions = { snippets: serverSnippets(), snippetSupport: false };
  /** Whether the client takes a completion list's shared range once (`itemDefaults.editRange`). */
  let editRangeDefault = false;
  const worker = options.validationWorker ? new WorkerValidator(options.validationWorker) : undefined;

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params);
    workspaceIndex.initialize(params);
    completion.snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    editRangeDefault = params.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true;
    const options: unknown = params.initializationOptions;
    const delay = typeof options === 'object' && options !== null && typeof (options as { diagnosticsDelay?: unknown }).diagnosticsDelay === 'number' ? (options as { diagnosticsDelay: number }).diagnosticsDelay : DEFAULT_DIAGNOSTICS_DELAY;
    const runCodeLens = typeof options === 'object' && options !== null && (options as { runCodeLens?: unknown }).runCodeLens === true;
    publisher = new DiagnosticsPublisher(connection, models, { delay, enabled: (uri) => settings.validationEnabled(uri), document: (uri) => documents.get(uri), extra: (calls) => workspaceIndex.extraDiagnostics(calls), worker });
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGERS] },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS },
        definitionProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        ...(runCodeLens ? { codeLensProvider: { resolveProvider: false } } : {}),
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        selectionRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
      },
      serverInfo: { name: 'cloud-workflows' },
    };
  });
  connection.onInitialized(() => {
    settings.initialized();
    void workspaceIndex.initialized();
  });
  connection.onDidChangeWatchedFiles((p) => void workspaceIndex.filesChanged(p.changes));

  documents.onDidOpen((e) => void checkWithGlobs(e.document.uri, 0));
  documents.onDidChangeContent(({ document: { uri } }) => {
    workspaceIndex.opened(uri, () => documents.get(uri)?.getText() ?? '', models.matchedByGlob(uri));
    publisher?.schedule(uri);
  });
  documents.onDidClose((e) => {
    models.delete(e.document.uri);
    workspaceIndex.closed(e.document.uri);
    publisher?.clear(e.document.uri);
  });
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    for (const document of documents.all()) void checkWithGlobs(document.uri, 0);
    workspaceIndex.settingsChanged();
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
      if (error instanceof ResponseError) throw error;
      connection.console.error(`Request on ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw new ResponseError(ErrorCodes.InternalError, `cloud-workflows: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  connection.onCompletion((p, token) => {
    const document = documents.get(p.textDocument.uri);
    if (document && validPosition(p.position) && !models.isWorkflow(document)) {
      // Not a workflow yet: an empty YAML or JSON file is offered the whole-workflow snippets.
      return newFileItems(document.getText(), document.offsetAt(p.position), formatOf(document), completion);
    }
    return withModel(p.textDocument.uri, p.position, token, (model, offset) => {
      const items = completionItems(model, offset, completion);
      return editRangeDefault ? withEditRangeDefault(items) : items;
    });
  });
  // Connector calls first (connectorSignatureHelp.ts), then standard-library functions and subworkflows.
  connection.onSignatureHelp((p, token) => withModel(p.textDocument.uri, p.position, token, (model, offset) => connectorSignatureHelpAt(model, offset) ?? signatureHelpAt(model, offset)));
  // A child workflow ID is answered from the workspace index (awaited only then); anything else by navigation.ts.
  const onChild = async <T>(p: { textDocument: { uri: string }; position: Position }, token: CancellationToken, answer: (model: DocumentModel, offset: number, index: ServerWorkspaceIndex) => T): Promise<T | null> => {
    if (!(await withModel(p.textDocument.uri, p.position, token, childReferenceAt))) return null;
    const index = await workspaceIndex.current();
    return withModel(p.textDocument.uri, p.position, token, (model, offset) => answer(model, offset, index));
  };
  connection.onHover(async (p, token) => (await onChild(p, token, childHoverAt)) ?? withModel(p.textDocument.uri, p.position, token, hoverAt));
  connection.onDefinition(async (p, token) => (await onChild(p, token, childDefinitionAt)) ?? withModel(p.textDocument.uri, p.position, token, definitionAt));
  connection.onDocumentSymbol((p, token) => withModel(p.textDocument.uri, undefined, token, documentSymbols));
  connection.onFoldingRanges((p, token) => withModel(p.textDocument.uri, undefined, token, foldingRanges));
  connection.onCodeLens((p, token) => withModel(p.textDocument.uri, undefined, token, runCodeLenses));
  connection.onCodeAction((p, token) => withModel(p.textDocument.uri, undefined, token, (model) => codeActionsFor(model, p)));

  connection.onReferences((p, token) => withModel(p.textDocument.uri, p.position, token, (model, offset) => referencesAt(model, offset, p.context?.includeDeclaration !== false)));
  connection.languages.semanticTokens.on((p, token) => withModel(p.textDocument.uri, undefined, token, (model) => semanticTokensOf(model)).then((r) => r ?? { data: [] }));
  connection.languages.semanticTokens.onRange((p, token) => withModel(p.textDocument.uri, undefined, token, (model) => semanticTokensOf(model, p.range)).then((r) => r ?? { data: [] }));
  connection.onSelectionRanges((p, token) => withModel(p.textDocument.uri, undefined, token, (model) => selectionRangesOf(model, p.positions)));
  connection.onDocumentLinks(async (p, token) => {
    const index = await workspaceIndex.firstScan();
    return withModel(p.textDocument.uri, undefined, token, (model) => documentLinksOf(model, index));
  });
  connection.onPrepareRename((p, token) => withModel(p.textDocument.uri, p.position, token, prepareRenameAt));
  connection.onRenameRequest((p, token) => withModel(p.textDocument.uri, p.position, token, (model, offset) => renameEdits(model, offset, p.newName)));

  documents.listen(connection);
  connection.listen();
}

function validPosition(position: Position): boolean {
  return typeof position === 'object' && position !== null && Number.isSafeInteger(position.line) && Number.isSafeInteger(position.character) && position.line >= 0 && position.character >= 0;
}
