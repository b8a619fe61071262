/**
 * The language server fuzz target: a script of random and malformed JSON-RPC traffic (garbage
 * message bodies, requests with random methods and parameters, edits with ranges out of bounds or
 * of the wrong types) sent to a server running in this process over in-memory streams. Properties:
 * every request is answered (a result or an error) within the bound, the server still answers
 * after the script, and the diagnostics it then publishes equal a fresh check of the text the
 * edits produced (the edits are replayed on a reference `TextDocument`, the library the server
 * uses for sync, so the protocol's clamping rules are those of the reference).
 */
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { createConnection } from 'vscode-languageserver/node';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../src/core/location';
import { lintText } from '../../src/core/validate';
import { startServer } from '../../src/lsp/server';

const URI = 'file:///fuzz/flow.workflows.yaml';
const START = ['main:', '  params: [args]', '  steps:', '    - init:', '        assign:', '          - x: ${args.n + 1}', '        next: done', '    - done:', '        return: ${x}', ''].join('\n');
/** Requests the server knows or not; never `shutdown` or `exit`, which end the process. */
const METHODS = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction', 'initialize', 'cloudWorkflows/unknown', 'workspace/symbol', '$/cancelRequest'];

type Step =
  | { kind: 'raw'; body: string }
  | { kind: 'request'; method: string; params: unknown }
  | { kind: 'change'; changes: unknown[] }
  | { kind: 'notify'; method: string; params: unknown };

const position = fc.record({ line: fc.integer({ min: -2, max: 40 }), character: fc.integer({ min: -2, max: 200 }) });
const oddPosition = fc.oneof(position, fc.anything(), fc.record({ line: fc.string(), character: fc.double() }));
const edit = fc.oneof(
  { weight: 6, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: fc.string({ maxLength: 12, unit: fc.constantFrom(...'ab:-$ {}[]\n\t#"\'x1'.split('')) }) }) },
  { weight: 1, arbitrary: fc.record({ text: fc.string({ maxLength: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ range: fc.oneof(fc.anything(), fc.record({ start: oddPosition, end: oddPosition })), text: fc.oneof(fc.string(), fc.anything()) }) },
);
const garbage = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.json({ maxDepth: 3 }),
  fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1))),
  fc.record({ jsonrpc: fc.oneof(fc.constant('2.0'), fc.anything()), id: fc.anything(), method: fc.oneof(fc.constantFrom(...METHODS), fc.anything()), params: fc.anything() }).map((m) => JSON.stringify(m) ?? 'null'),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('raw' as const), body: garbage }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      method: fc.constantFrom(...METHODS),
      params: fc.oneof(fc.anything(), fc.record({ textDocument: fc.oneof(fc.constant({ uri: URI }), fc.anything()), position: oddPosition })),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('change' as const), changes: fc.array(edit, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('notify' as const), method: fc.constantFrom('textDocument/didOpen', 'textDocument/didClose', 'workspace/didChangeConfiguration', 'textDocument/didSave'), params: fc.anything() }) },
);

/** A script of up to 25 steps, as the JSON text a regression file keeps. */
export const lspScript: fc.Arbitrary<string> = fc.array(step, { maxLength: 25 }).map((steps) => JSON.stringify(steps));

function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}

/** Runs one script against a fresh in-process server; rejects with the property it broke. */
export async function checkLspScript(script: string, boundMs: number): Promise<void> {
  const steps = JSON.parse(script) as Step[];
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const server = createConnection(toServer, fromServer);
  startServer(server);
  const client = createProtocolConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.push(p));
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  try {
    await within(boundMs, 'initialize', client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { diagnosticsDelay: 0 } }));
    await client.sendNotification('initialized', {});
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: START } });
    let reference = TextDocument.create(URI, 'yaml', 1, START);
    let version = 1;
    for (const s of steps) {
      if (s.kind === 'raw') {
        await new Promise<void>((resolve) => toServer.write(`Content-Length: ${Buffer.byteLength(s.body)}\r\n\r\n${s.body}`, () => resolve()));
      } else if (s.kind === 'request') {
        // Any answer will do, a result or an error; none at all is the failure.
        await within(boundMs, s.method, client.sendRequest(s.method, s.params).then(() => undefined, () => undefined));
      } else if (s.kind === 'notify') {
        // Only for other documents: the edited one must stay open for the final comparison.
        await client.sendNotification(s.method, s.params && typeof s.params === 'object' && 'textDocument' in s.params ? { ...s.params, textDocument: { uri: 'file:///fuzz/other.yaml' } } : s.params);
      } else {
        version++;
        await client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: s.changes });
        // The same library call the server makes, with the same partial effect when a change is malformed.
        try {
          reference = TextDocument.update(reference, s.changes as Parameters<typeof TextDocument.update>[1], version);
        } catch {
          version--;
          // The server's copy kept the version it had; so does the reference.
          reference = TextDocument.create(URI, 'yaml', version, reference.getText());
        }
      }
    }
    version++;
    const final = reference.getText();
    await client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ text: final }] });
    await within(boundMs, 'diagnostics of the last version', waitFor(() => published.some((p) => p.uri === URI && p.version === version)));
    const got = published.filter((p) => p.uri === URI && p.version === version).pop()?.diagnostics ?? [];
    const lines = new LineIndex(final);
    const expected = lintText(final).diagnostics.map((d) => ({ code: d.code, message: d.message, range: lines.rangeOf(d.span) }));
    const actual = got.map((d) => ({ code: d.code, message: d.message, range: d.range }));
    if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`diagnostics after the script differ from a fresh check:\n${JSON.stringify(actual)}\n${JSON.stringify(expected)}`);
    await within(boundMs, 'hover after the script', client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } }));
  } finally {
    client.dispose();
    server.dispose();
  }
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}
