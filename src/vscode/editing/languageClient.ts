import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { Log } from '../util/log';
import { LANGUAGE_SELECTOR } from '../workflowFiles';

/**
 * Bundled alone as `dist/languageClient.js` (vscode-languageclient and the protocol are ~350 KB)
 * and required by `languageClientLoader.ts` once the extension has activated.
 *
 * Starts the language server (`cloud-workflows lsp`, src/lsp; its own bundle `dist/lsp.js`) in its
 * own Node process, spoken to over IPC, so parsing and checking a large workflow never runs on the extension host. Every
 * language feature (diagnostics, completion, hover, signature help, definition, references,
 * rename, links, symbols, folding, selection ranges, semantic tokens, quick fixes) comes from it;
 * settings are pulled by the server with `workspace/configuration`, and workflow files changed on
 * disk reach it as `workspace/didChangeWatchedFiles` through the watcher the server registers
 * (child workflow IDs resolve across files).
 * The client restarts a crashed server (at most 4 times in 3 minutes, VS Code's default policy).
 */
export function startLanguageClient(context: vscode.ExtensionContext, log: Log): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'lsp.js').fsPath;
  const server = { module, transport: TransportKind.ipc };
  const serverOptions: ServerOptions = { run: server, debug: server };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGE_SELECTOR,
    // `configurationSection` makes the client send didChangeConfiguration, after which the server pulls again.
    synchronize: { configurationSection: 'cloudWorkflows' },
    outputChannelName: 'Cloud Workflows Language Server',
    // The name the in-process diagnostics had: the Problems panel groups them the same way.
    diagnosticCollectionName: 'cloudWorkflows',
    // The Run/Debug/Deploy/Graph lenses above `main:` (src/lsp/codeLens.ts), which only this client asks for.
    initializationOptions: { runCodeLens: true },
    middleware: {
      // The commands take the document's Uri; outside a trusted workspace only "Graph" (it only reads) stays.
      provideCodeLenses: async (document, token, next) => {
        const lenses = (await next(document, token)) ?? [];
        return lenses
          .filter((lens) => vscode.workspace.isTrusted || lens.command?.command === 'cloudWorkflows.showGraph')
          .map((lens) => (lens.command ? new vscode.CodeLens(lens.range, { ...lens.command, arguments: [document.uri] }) : lens));
      },
    },
  };
  const client = new LanguageClient('cloudWorkflows', 'Cloud Workflows Language Server', serverOptions, clientOptions);
  client.start().catch((error: unknown) => log.error('The Cloud Workflows language server did not start', error));
  context.subscriptions.push(
    { dispose: () => void client.stop() },
    // Trust granted: ask for the lenses again, now with Run, Debug and Deploy.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      for (const editor of vscode.window.visibleTextEditors) client.getFeature('textDocument/codeLens').getProvider(editor.document)?.onDidChangeCodeLensEmitter.fire();
    }),
  );
  return client;
}
