import { deepStrictEqual } from 'assert';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-protocol';
import { GREETER_URI } from './lspClient';
import { withServer } from './features';

describe('lsp: code actions', () => {
  const { server } = withServer();

  it("offers 'Change to' for a diagnostic with a did-you-mean suggestion", async () => {
    const diagnostics = await server().diagnostics(GREETER_URI, 1);
    const range = diagnostics[0].range;
    const actions = await server().connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: GREETER_URI }, range, context: { diagnostics } });
    deepStrictEqual(actions, [
      {
        title: "Change to 'next'",
        kind: CodeActionKind.QuickFix,
        diagnostics,
        isPreferred: true,
        edit: { changes: { [GREETER_URI]: [{ range: { start: { line: 6, character: 8 }, end: { line: 6, character: 11 } }, newText: 'next' }] } },
      },
    ]);
  });

  it('offers nothing when the client asks only for refactorings', async () => {
    const diagnostics = await server().diagnostics(GREETER_URI, 1);
    const actions = await server().connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: GREETER_URI }, range: diagnostics[0].range, context: { diagnostics, only: [CodeActionKind.Refactor] } });
    deepStrictEqual(actions, []);
  });
});
