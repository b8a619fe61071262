import { deepStrictEqual } from 'assert';
import type { InitializeResult, SemanticTokens } from 'vscode-languageserver-protocol';
import { startLsp, type LspServer } from './lspClient';

const URI = 'file:///work/tokens.workflows.yaml';
const TEXT = [
  'main:',
  '  params: [args]',
  '  steps:',
  '    - s:',
  '        assign:',
  '          - n: ${len(args.items) + 1}',
  '          - t: ${text.split("a,b", ",")[0] and not true}',
  '          - r: ${http.default_retry}',
  '          - c: ${sub(n) in [1.5, null]}',
  `          - m: "\${'long`,
  `              string'}"`,
  '        next: done',
  '    - done:',
  '        return: ${"x" * }',
  'sub:',
  '  params: [k]',
  '  steps:',
  '    - r:',
  '        return: ${k}',
  '',
].join('\n');

const TYPES = ['variable', 'function', 'namespace', 'property', 'string', 'number', 'keyword', 'operator'];

/** The relative encoding of the protocol, decoded to absolute `[line, character, length, type, defaultLibrary]`. */
function decode(tokens: SemanticTokens): [number, number, number, string, boolean][] {
  const out: [number, number, number, string, boolean][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, length, type, modifiers] = tokens.data.slice(i, i + 5);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    out.push([line, character, length, TYPES[type], modifiers === 1]);
  }
  return out;
}

describe('lsp: semantic tokens', () => {
  let server: LspServer;
  let initialized: InitializeResult;
  before(async () => {
    server = startLsp();
    initialized = await server.initialize({}, { diagnosticsDelay: 0 });
    server.open(URI, TEXT);
  });
  after(async () => {
    await server.stop();
  });

  it('declares its legend, full and range', () => {
    deepStrictEqual(initialized.capabilities.semanticTokensProvider, { legend: { tokenTypes: TYPES, tokenModifiers: ['defaultLibrary'] }, full: true, range: true });
  });

  it('colours every expression of the document', async () => {
    deepStrictEqual(decode(await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: URI } })), [
      [5, 12, 1, 'variable', false],
      [5, 17, 3, 'function', true],
      [5, 21, 4, 'variable', false],
      [5, 26, 5, 'property', false],
      [5, 33, 1, 'operator', false],
      [5, 35, 1, 'number', false],
      [6, 12, 1, 'variable', false],
      [6, 17, 4, 'namespace', true],
      [6, 22, 5, 'function', true],
      [6, 28, 5, 'string', false],
      [6, 35, 3, 'string', false],
      [6, 40, 1, 'number', false],
      [6, 43, 3, 'keyword', false],
      [6, 47, 3, 'keyword', false],
      [6, 51, 4, 'keyword', false],
      [7, 12, 1, 'variable', false],
      [7, 17, 4, 'namespace', true],
      [7, 22, 13, 'property', true],
      [8, 12, 1, 'variable', false],
      [8, 17, 3, 'function', false],
      [8, 21, 1, 'variable', false],
      [8, 24, 2, 'keyword', false],
      [8, 28, 3, 'number', false],
      [8, 33, 4, 'keyword', false],
      [9, 12, 1, 'variable', false],
      // A string across two lines: one token per line, without the indentation.
      [9, 18, 5, 'string', false],
      [10, 14, 7, 'string', false],
      // An expression that does not parse is coloured from its tokens.
      [13, 18, 3, 'string', false],
      [13, 22, 1, 'operator', false],
      [18, 18, 1, 'variable', false],
    ]);
  });

  it('colours only the expressions in a range', async () => {
    const range = { start: { line: 7, character: 0 }, end: { line: 8, character: 0 } };
    deepStrictEqual(decode(await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri: URI }, range })), [
      [7, 12, 1, 'variable', false],
      [7, 17, 4, 'namespace', true],
      [7, 22, 13, 'property', true],
    ]);
  });

  it('answers no tokens for a document that is not a workflow', async () => {
    server.open('file:///work/other.yaml', 'name: ${not_a_workflow}\n');
    deepStrictEqual(await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: 'file:///work/other.yaml' } }), { data: [] });
  });
});
