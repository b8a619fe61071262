/**
 * The lean entry of the language server, bundled alone as `dist/lsp.js` (`node dist/lsp.js
 * --stdio`): the same server as `cloud-workflows lsp`, without the emulator, the debugger and the
 * other commands that `dist/cli.js` carries, so an editor waits less for it to start.
 */
import { installConnectorData } from '../engine/connectors/dataFiles';
import { main } from './lsp';

installConnectorData();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`cloud-workflows lsp: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 70;
  },
);
