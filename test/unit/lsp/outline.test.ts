import { deepStrictEqual } from 'assert';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-protocol';
import { GREETER_URI } from './lspClient';
import { withServer } from './features';

const range = (startLine: number, start: number, endLine: number, end: number) => ({ start: { line: startLine, character: start }, end: { line: endLine, character: end } });

function step(name: string, detail: string, line: number, endLine: number, end: number): DocumentSymbol {
  return { name, detail, kind: SymbolKind.Field, range: range(line, 6, endLine, end), selectionRange: range(line, 6, line, 6 + name.length), children: [] };
}

describe('lsp: document symbols', () => {
  const { request } = withServer();

  it('lists routines with their parameters, and their steps nested inside', async () => {
    deepStrictEqual(await request<DocumentSymbol[]>('textDocument/documentSymbol', GREETER_URI), [
      {
        name: 'main',
        detail: '(args)',
        kind: SymbolKind.Function,
        range: range(0, 0, 13, 27),
        selectionRange: range(0, 0, 0, 4),
        children: [step('init', 'assign', 3, 6, 18), step('greet', 'greet_user', 7, 11, 24), step('done', 'return', 12, 13, 27)],
      },
      { name: 'greet_user', detail: '(who)', kind: SymbolKind.Function, range: range(14, 0, 18, 34), selectionRange: range(14, 0, 14, 10), children: [step('build', 'return', 17, 18, 34)] },
    ]);
  });
});

describe('lsp: folding ranges', () => {
  const { request } = withServer();

  it('folds every routine and step that spans several lines, outermost first', async () => {
    deepStrictEqual(await request<FoldingRange[]>('textDocument/foldingRange', GREETER_URI), [
      { startLine: 0, endLine: 13 },
      { startLine: 3, endLine: 6 },
      { startLine: 7, endLine: 11 },
      { startLine: 12, endLine: 13 },
      { startLine: 14, endLine: 18 },
      { startLine: 17, endLine: 18 },
    ]);
  });
});
