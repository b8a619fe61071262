import { deepStrictEqual } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentLink, Hover, Location, Range } from 'vscode-languageserver-protocol';
import { startLsp, waitFor, type LspServer } from './lspClient';

const range = (line: number, start: number, end: number, endLine = line): Range => ({ start: { line, character: start }, end: { line: endLine, character: end } });
const RUN = 'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run';

const PARENT = [
  'main:',
  '  steps:',
  '    - start_child:',
  `        call: ${RUN}`,
  '        args:',
  '          workflow_id: child',
  '          argument:',
  '            other: 1',
  '    - start_ghost:',
  `        call: ${RUN}`,
  '        args:',
  '          workflow_id: ghost',
  '    - fetch:',
  '        call: http.get',
  '        args:',
  '          url: https://example.com/api',
  '    - help:',
  '        call: helper',
  '        result: r',
  '    - done:',
  '        return: ${r}',
  'helper:',
  '  steps:',
  '    - h:',
  '        return: 1',
  '',
].join('\n');

const CHILD = ['main:', '  params: [input]', '  steps:', '    - read:', '        return: ${input.name}', ''].join('\n');

describe('lsp: workspace index, document links and child workflows', () => {
  let server: LspServer;
  let root: string;
  let parentUri: string;
  let childUri: string;
  const registrations: { method: string; registerOptions?: unknown }[] = [];
  const cross = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'unknown-workflow-id' || d.code === 'child-argument-keys').map((d) => ({ range: d.range, code: d.code, message: d.message }));

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-lsp-index-'));
    fs.mkdirSync(path.join(root, 'flows'));
    fs.mkdirSync(path.join(root, 'node_modules'));
    fs.writeFileSync(path.join(root, 'flows', 'child.yaml'), CHILD);
    fs.writeFileSync(path.join(root, 'node_modules', 'ghost.workflows.yaml'), CHILD);
    fs.writeFileSync(path.join(root, 'config.yaml'), 'name: not a workflow\n');
    parentUri = pathToFileURL(path.join(root, 'parent.workflows.yaml')).href;
    childUri = pathToFileURL(path.join(root, 'flows', 'child.yaml')).href;
    server = startLsp();
    server.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      registrations.push(...params.registrations.map((r) => ({ method: r.method, registerOptions: r.registerOptions })));
      return null;
    });
    await server.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions: { diagnosticsDelay: 0 },
    });
    await server.connection.sendNotification('initialized', {});
    server.open(parentUri, PARENT);
  });
  after(async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const request = <T>(method: string, line: number, character: number) => server.connection.sendRequest<T>(method, { textDocument: { uri: parentUri }, position: { line, character } });

  it('registers a watcher for workflow files', async () => {
    await waitFor(() => registrations.length > 0);
    deepStrictEqual(registrations, [{ method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] } }]);
  });

  it('links subworkflow calls, URLs and child workflow IDs found in the workspace', async () => {
    deepStrictEqual(await server.connection.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: parentUri } }), [
      { range: range(5, 23, 28), target: `${childUri}#L1`, tooltip: 'Open workflow child' },
      { range: range(15, 15, 38), target: 'https://example.com/api', tooltip: 'Open URL' },
      { range: range(17, 14, 20), target: `${parentUri}#L22`, tooltip: 'Go to subworkflow helper' },
    ]);
  });

  it('goes from a child workflow ID to its file', async () => {
    deepStrictEqual(await request<Location[]>('textDocument/definition', 5, 25), [{ uri: childUri, range: range(0, 0, 0) }]);
  });

  it('describes a child workflow on hover', async () => {
    deepStrictEqual(await request<Hover>('textDocument/hover', 5, 25), {
      contents: { kind: 'markdown', value: '**Workflow `child`**: `flows/child.yaml`\n\nParameter: `input`\n\nReads from `input`: `name`' },
      range: range(5, 23, 28),
    });
  });

  it('says so on hover when no file has the ID', async () => {
    deepStrictEqual(await request<Hover>('textDocument/hover', 11, 25), {
      contents: { kind: 'markdown', value: 'Workflow `ghost`: no workflow file in this workspace has this ID.' },
      range: range(11, 23, 28),
    });
  });

  it('warns about an unknown ID and a missing argument key', async () => {
    await waitFor(() => server.published.some((p) => p.uri === parentUri && cross(p.diagnostics).length === 2));
    deepStrictEqual(cross(await server.diagnostics(parentUri)), [
      { range: range(7, 12, 20), code: 'child-argument-keys', message: "'child' reads 'name' from 'input', which this argument does not pass. It reads: 'name'." },
      { range: range(11, 23, 28), code: 'unknown-workflow-id', message: "No workflow file in this workspace has the ID 'ghost' (its file name without .yaml, .yml or .json)." },
    ]);
  });

  it('warns the same in a parent of 32 KB or more, whose own check runs on the validation worker', async () => {
    const padding = Array.from({ length: 900 }, (_, i) => `    - pad_${i}:\n        assign:\n          - x_${i}: ${i}\n`).join('');
    const big = `${PARENT}padding:\n  steps:\n${padding}`;
    deepStrictEqual(big.length > 32 * 1024, true);
    const bigUri = pathToFileURL(path.join(root, 'big.workflows.yaml')).href;
    server.open(bigUri, big);
    deepStrictEqual(cross(await server.diagnostics(bigUri, 1)), [
      { range: range(7, 12, 20), code: 'child-argument-keys', message: "'child' reads 'name' from 'input', which this argument does not pass. It reads: 'name'." },
      { range: range(11, 23, 28), code: 'unknown-workflow-id', message: "No workflow file in this workspace has the ID 'ghost' (its file name without .yaml, .yml or .json)." },
    ]);
    server.close(bigUri);
  });

  it('follows a created file reported by the watcher', async () => {
    const ghost = path.join(root, 'ghost.workflows.yaml');
    fs.writeFileSync(ghost, CHILD.replace('input.name', '"ok"'));
    const before = server.published.length;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(ghost).href, type: 1 }] });
    await waitFor(() => server.published.slice(before).some((p) => p.uri === parentUri));
    deepStrictEqual(cross(await server.diagnostics(parentUri)).map((d) => d.code), ['child-argument-keys']);
    deepStrictEqual(await request<Location[]>('textDocument/definition', 11, 25), [{ uri: pathToFileURL(ghost).href, range: range(0, 0, 0) }]);
  });

  it('reads an open document over its file on disk', async () => {
    server.open(childUri, ['main:', '  steps:', '    - read:', '        return: 1', ''].join('\n'));
    deepStrictEqual(await request<Hover>('textDocument/hover', 5, 25), {
      contents: { kind: 'markdown', value: '**Workflow `child`**: `flows/child.yaml`\n\nTakes no parameter.' },
      range: range(5, 23, 28),
    });
  });
});

describe('lsp: workspace index without a file watcher', () => {
  let server: LspServer;
  let root: string;
  let parentUri: string;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-lsp-rescan-'));
    parentUri = pathToFileURL(path.join(root, 'parent.workflows.yaml')).href;
    server = startLsp();
    await server.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { diagnosticsDelay: 0 } });
    await server.connection.sendNotification('initialized', {});
    server.open(parentUri, PARENT);
  });
  after(async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('rescans on demand and finds a file created after the first scan', async () => {
    const definition = () => server.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri: parentUri }, position: { line: 5, character: 25 } });
    deepStrictEqual(await definition(), []);
    const child = path.join(root, 'child.workflows.yaml');
    fs.writeFileSync(child, CHILD);
    // Ask until the rescan (at most every RESCAN_AFTER ms without a watcher) has seen the file.
    const deadline = Date.now() + 20_000;
    let found = await definition();
    while (found.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      found = await definition();
    }
    deepStrictEqual(found, [{ uri: pathToFileURL(child).href, range: range(0, 0, 0) }]);
  });
});
