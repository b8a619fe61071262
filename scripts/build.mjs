// Bundles the extension, the command line and the lazily loaded cloud client with esbuild.
// Minified with external source maps by default (what ships and what the tests run);
// `--dev` skips minification, `--watch` rebuilds on change. Class names are kept for error mapping.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';

const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: !dev,
  keepNames: true,
  logLevel: 'warning',
  external: ['vscode'],
};

const entries = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The language server alone (`cloud-workflows lsp` serves the same): a smaller bundle starts sooner.
  { entryPoints: ['src/cli/lspBin.ts'], outfile: 'dist/lsp.js', banner: { js: '#!/usr/bin/env node' } },
  // The thread on which the server parses and validates large documents (both servers above start it).
  { entryPoints: ['src/cli/lspWorker.ts'], outfile: 'dist/lspWorker.js' },
  // The Google client (~2 MB) lives in its own bundle, required on first use, so activation stays fast.
  { entryPoints: ['src/cloud/index.ts'], outfile: 'dist/cloud.js' },
  // The language client (vscode-languageclient + protocol, ~350 KB), required once activation is done.
  { entryPoints: ['src/vscode/editing/languageClient.ts'], outfile: 'dist/languageClient.js' },
  // The graph view's page: layout and drawing run in the webview, not on the extension host.
  { entryPoints: ['src/graph/webview/main.ts'], outfile: 'dist/graphView.js', platform: 'browser', format: 'iife', target: 'es2022' },
].filter((e) => existsSync(e.entryPoints[0]));

// The connector catalogue stays data, read per API on first use (src/engine/connectors/dataFiles.ts).
const CONNECTOR_DATA = 'src/core/connectors/data';
if (existsSync(CONNECTOR_DATA)) {
  rmSync('dist/connectors', { recursive: true, force: true });
  mkdirSync('dist/connectors', { recursive: true });
  for (const file of readdirSync(CONNECTOR_DATA)) if (file.endsWith('.json')) cpSync(`${CONNECTOR_DATA}/${file}`, `dist/connectors/${file}`);
}

// vscode-languageclient runs this script (beside its bundle) to end a server that ignores `exit`.
cpSync('node_modules/vscode-languageclient/lib/node/terminateProcess.sh', 'dist/terminateProcess.sh');

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
