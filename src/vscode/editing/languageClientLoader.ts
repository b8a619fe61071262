import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { Log } from '../util/log';

/** The shape of `dist/languageClient.js` (the language client, bundled alone). */
type LanguageClientModule = typeof import('./languageClient');

/**
 * Starts the language client from its own bundle, after `activate` has returned: the path is
 * computed so esbuild leaves the `require` alone, and vscode-languageclient with the protocol
 * (~350 KB) stays out of `dist/extension.js`, which activation loads.
 */
export function startLanguageClientSoon(context: vscode.ExtensionContext, log: Log): void {
  setImmediate(() => {
    try {
      const module = require(path.join(__dirname, 'languageClient.js')) as LanguageClientModule;
      module.startLanguageClient(context, log);
    } catch (error) {
      log.error('Could not load the Cloud Workflows language client', error);
    }
  });
}
