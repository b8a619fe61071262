import { deepStrictEqual } from 'assert';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { generateWorkflow } from '../../../bench/generateWorkflow';
import { at, GREETER, GREETER_URI, startLsp, type LspServer } from './lspClient';

/** The diagnostics of `uri` after closing it and opening `text` afresh, as a new editor would. */
async function freshCheck(server: LspServer, uri: string, text: string): Promise<Diagnostic[]> {
  server.close(uri);
  server.published.length = 0;
  server.open(uri, text, 'yaml', 1);
  return server.diagnostics(uri, 1, 60_000);
}

/** Applies LSP content changes to `text`, the way the protocol defines them (in order). */
function apply(text: string, changes: TextDocumentContentChangeEvent[]): string {
  for (const change of changes) {
    if (!('range' in change)) {
      text = change.text;
      continue;
    }
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    text = text.slice(0, offset(change.range.start)) + change.text + text.slice(offset(change.range.end));
  }
  return text;
}

describe('lsp: incremental edits', () => {
  let server: LspServer;

  beforeEach(async () => {
    server = startLsp();
    await server.initialize({}, { diagnosticsDelay: 0 });
  });

  afterEach(() => server.kill());

  it('publishes for the last of a burst of edits what a fresh check of the final text publishes', async () => {
    server.open(GREETER_URI, GREETER);
    await server.diagnostics(GREETER_URI, 1);
    const edits: TextDocumentContentChangeEvent[][] = [
      // `nxt` becomes `next`.
      [{ range: { start: at(6, 8), end: at(6, 11) }, text: 'next' }],
      // An unknown variable inside an expression.
      [{ range: { start: at(5, 29), end: at(5, 29) }, text: ' + missing' }],
      // Two changes at once: a call to an unknown subworkflow, a comment at the end.
      [
        { range: { start: at(8, 14), end: at(8, 24) }, text: 'greet_usr' },
        { range: { start: at(19, 0), end: at(19, 0) }, text: '# end\n' },
      ],
      // Broken YAML for one version, then repaired.
      [{ range: { start: at(3, 4), end: at(3, 4) }, text: '{[' }],
      [{ range: { start: at(3, 4), end: at(3, 6) }, text: '' }],
    ];
    let text = GREETER;
    edits.forEach((changes, i) => {
      server.change(GREETER_URI, i + 2, changes);
      text = apply(text, changes);
    });
    const last = await server.diagnostics(GREETER_URI, edits.length + 1);
    deepStrictEqual(
      last.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['undefined-variable', 5, 32, 39],
        ['unknown-call-target', 8, 14, 23],
      ],
    );
    deepStrictEqual(await freshCheck(server, GREETER_URI, text), last);
  });

  it('publishes in version order and ends with what a fresh check publishes when typing into 1,000 steps', async () => {
    const uri = 'file:///work/w1000.workflows.yaml';
    let text = generateWorkflow(1000);
    server.open(uri, text);
    await server.diagnostics(uri, 1, 60_000);
    // A step that a `next` names is renamed, typed one character at a time.
    const line = text.split('\n').findIndex((l) => l === '    - loop_50:');
    const typed = 'xyz';
    for (let i = 0; i < typed.length; i++) {
      const changes = [{ range: { start: at(line, 13 + i), end: at(line, 13 + i) }, text: typed[i] }];
      server.change(uri, i + 2, changes);
      text = apply(text, changes);
    }
    const last = await server.diagnostics(uri, typed.length + 1, 60_000);
    deepStrictEqual(last.map((d) => d.code), ['unknown-next-target']);
    const versions = server.published.filter((p) => p.uri === uri).map((p) => p.version as number);
    deepStrictEqual([...versions].sort((a, b) => a - b), versions);
    deepStrictEqual(await freshCheck(server, uri, text), last);
    // Checked on the validation worker (the file is over 32 KB): had it failed, the server would say so.
    deepStrictEqual(server.logs, []);
  });
});
