/**
 * The language server's validation worker (`dist/lspWorker.js`, started by the server on a
 * thread of its own): parses and validates large documents off the server's thread.
 */
import { parentPort } from 'node:worker_threads';
import { installConnectorData } from '../engine/connectors/dataFiles';
import { serveValidation } from '../lsp/validationWorker';

if (parentPort) {
  installConnectorData();
  serveValidation(parentPort);
}
