import { deepStrictEqual, rejects } from 'assert';
import { ErrorCodes, type CompletionItem, type Hover } from 'vscode-languageserver-protocol';
import { generateWorkflow } from '../../../bench/generateWorkflow';
import { GREETER, GREETER_URI, startLsp, type LspServer } from './lspClient';

describe('lsp: reliability', () => {
  let server: LspServer;

  beforeEach(async () => {
    server = startLsp();
    await server.initialize({}, { diagnosticsDelay: 0 });
    server.open(GREETER_URI, GREETER);
    await server.diagnostics(GREETER_URI, 1);
  });

  afterEach(() => server.kill());

  const hover = (uri: string, line: number, character: number) => server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });

  it('skips malformed JSON-RPC messages and keeps answering', async () => {
    const garbage = ['{"jsonrpc": "2.0", "id": 99, "method": ', '[1, 2, 3]', '"just a string"', '{"jsonrpc":"2.0","id":{"x":1},"method":"textDocument/hover","params":7}'];
    for (const body of garbage) server.child.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    deepStrictEqual((await hover(GREETER_URI, 10, 18))?.range, { start: { line: 10, character: 17 }, end: { line: 10, character: 21 } });
    deepStrictEqual(server.child.exitCode, null);
  });

  it('answers an unknown method with MethodNotFound', async () => {
    await rejects(server.connection.sendRequest('cloudWorkflows/nope', {}), (error: { code: number }) => error.code === ErrorCodes.MethodNotFound);
    deepStrictEqual((await hover(GREETER_URI, 10, 18)) !== null, true);
  });

  it('clamps positions past the end of a line or the document', async () => {
    deepStrictEqual(await hover(GREETER_URI, 10_000, 5), null);
    deepStrictEqual(await server.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: GREETER_URI }, position: { line: 10, character: 9_999 } }), []);
  });

  it('answers a negative or non-numeric position with InvalidParams', async () => {
    for (const position of [{ line: -1, character: 0 }, { line: 'x', character: 0 }, { line: 1.5, character: 0 }, null]) {
      await rejects(server.connection.sendRequest('textDocument/hover', { textDocument: { uri: GREETER_URI }, position }), (error: { code: number }) => error.code === ErrorCodes.InvalidParams);
    }
    deepStrictEqual((await hover(GREETER_URI, 10, 18)) !== null, true);
  });

  it('answers null for a document that was never opened', async () => {
    deepStrictEqual(await hover('file:///work/never.workflows.yaml', 0, 0), null);
  });

  it('ignores a 3 MB YAML file that is not a workflow', async () => {
    const uri = 'file:///work/huge.yaml';
    server.open(uri, 'items:\n' + '  - name: x\n'.repeat(300_000));
    deepStrictEqual(await hover(uri, 5, 5), null);
    deepStrictEqual(server.published.filter((p) => p.uri === uri), []);
  });

  it('keeps answering while a 5,000-step workflow is re-checked, and publishes the last version only after older ones', async () => {
    const uri = 'file:///work/big.workflows.yaml';
    const text = generateWorkflow(5000);
    server.open(uri, text);
    const tooLarge = (await server.diagnostics(uri, 1, 120_000)).map((d) => d.code);
    deepStrictEqual(tooLarge, ['source-too-large']);
    // Three one-character edits, each followed at once by a hover on the other document.
    const answers: (Hover | null)[] = [];
    for (let version = 2; version <= 4; version++) {
      server.change(uri, version, [{ range: { start: { line: 1, character: 17 }, end: { line: 1, character: 17 } }, text: ' ' }]);
      answers.push(await hover(GREETER_URI, 10, 18));
    }
    deepStrictEqual(answers.map((a) => a?.range?.start), [{ line: 10, character: 17 }, { line: 10, character: 17 }, { line: 10, character: 17 }]);
    // The edits add trailing spaces after `params: [input]`: still a valid workflow.
    deepStrictEqual((await server.diagnostics(uri, 4, 120_000)).map((d) => d.code), ['source-too-large']);
    const versions = server.published.filter((p) => p.uri === uri).map((p) => p.version as number);
    deepStrictEqual([...versions].sort((a, b) => a - b), versions);
  });

  it('exits with 0 after shutdown and exit, and with 1 on exit alone', async () => {
    deepStrictEqual(await server.stop(), 0);
    server = startLsp();
    await server.initialize();
    await server.connection.sendNotification('exit');
    deepStrictEqual(await server.exited, 1);
  });

  it('exits when the editor closes its input', async () => {
    server.child.stdin!.end();
    deepStrictEqual(await server.exited, 1);
  });
});
