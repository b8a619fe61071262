import { deepStrictEqual, ok } from 'assert';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
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

describe('lsp: code actions in the cases of the editor suite', () => {
  const { server } = withServer();
  let documents = 0;
  /** The quick fixes for the first diagnostic with `code` of a fresh document. */
  const fixesFor = async (text: string, code: string, extension = 'yaml'): Promise<{ uri: string; actions: CodeAction[]; diagnostic: Diagnostic }> => {
    const uri = `file:///work/fix-${++documents}.workflows.${extension}`;
    server().open(uri, text, extension);
    const diagnostic = (await server().diagnostics(uri, 1)).find((d) => d.code === code);
    ok(diagnostic, `no ${code} diagnostic`);
    const actions = await server().connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    return { uri, actions, diagnostic };
  };
  const insertion = (uri: string, diagnostic: Diagnostic, title: string, line: number, character: number, newText: string): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [uri]: [{ range: { start: { line, character }, end: { line, character } }, newText }] } },
  });

  it('adds a variable written in a parallel branch to a new shared list', async () => {
    const text = ['main:', '  steps:', '    - init:', '        assign:', '          - total: 0', '    - fan_out:', '        parallel:', '          branches:', '            - one:', '                steps:', '                  - add:', '                      assign:', '                        - total: ${total + 1}', '    - done:', '        return: ${total}', ''].join('\n');
    const { uri, actions, diagnostic } = await fixesFor(text, 'unshared-parallel-write');
    deepStrictEqual(actions, [insertion(uri, diagnostic, "Add 'total' to shared", 7, 10, 'shared: [total]\n          ')]);
  });

  it('appends to an existing shared list and fills an empty one', async () => {
    const appended = ['main:', '  steps:', '    - init:', '        assign:', '          - a: 0', '          - b: 0', '    - fan_out:', '        parallel:', '          shared: [a]', '          branches:', '            - one:', '                steps:', '                  - set:', '                      assign:', '                        - a: 1', '                        - b: 1', '    - done:', '        return: ${a + b}', ''].join('\n');
    const first = await fixesFor(appended, 'unshared-parallel-write');
    deepStrictEqual(first.actions, [insertion(first.uri, first.diagnostic, "Add 'b' to shared", 8, 20, ', b')]);
    const empty = ['main:', '  steps:', '    - init:', '        assign:', '          - total: 0', '    - fan_out:', '        parallel:', '          shared: []', '          for:', '            value: i', '            in: [1, 2]', '            steps:', '              - add:', '                  assign:', '                    - total: ${total + i}', '    - done:', '        return: ${total}', ''].join('\n');
    const second = await fixesFor(empty, 'unshared-parallel-write');
    deepStrictEqual(second.actions, [insertion(second.uri, second.diagnostic, "Add 'total' to shared", 7, 19, 'total')]);
  });

  it('adds to shared in a JSON workflow', async () => {
    const text = '{"main": {"steps": [{"init": {"assign": [{"n": 0}]}}, {"p": {"parallel": {"branches": [{"b": {"steps": [{"s": {"assign": [{"n": 1}]}}]}}]}}}]}}\n';
    const { uri, actions, diagnostic } = await fixesFor(text, 'unshared-parallel-write', 'json');
    deepStrictEqual(actions, [insertion(uri, diagnostic, "Add 'n' to shared", 0, 74, '"shared": ["n"], ')]);
  });

  it('keeps the quotes of a JSON key it corrects', async () => {
    const { uri, actions, diagnostic } = await fixesFor('{"main": {"steps": [{"init": {"asign": [{"x": 1}]}}]}}\n', 'unknown-key', 'json');
    deepStrictEqual(actions, [
      { title: "Change to 'assign'", kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 31 }, end: { line: 0, character: 36 } }, newText: 'assign' }] } } },
    ]);
  });

  it("replaces a log severity with Google's spelling and a misspelt variable", async () => {
    const severity = await fixesFor('- log:\n    call: sys.log\n    args:\n      severity: WARN\n      text: careful\n', 'unknown-log-severity');
    deepStrictEqual(severity.actions.map((a) => [a.title, a.edit?.changes?.[severity.uri]]), [["Change to 'WARNING'", [{ range: { start: { line: 3, character: 16 }, end: { line: 3, character: 20 } }, newText: 'WARNING' }]]]);
    const variable = await fixesFor('- init:\n    assign:\n      - iteration: 1\n      - next_one: ${iteraton + 1}\n', 'undefined-variable');
    deepStrictEqual(variable.actions.map((a) => [a.title, a.edit?.changes?.[variable.uri]]), [["Change to 'iteration'", [{ range: { start: { line: 3, character: 20 }, end: { line: 3, character: 28 } }, newText: 'iteration' }]]]);
  });
});
