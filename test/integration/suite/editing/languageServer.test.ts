import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, at, openScratch, rangeText, removeScratch } from './helpers';

/**
 * The features new with the language server, through VS Code's own commands (so through
 * vscode-languageclient and `dist/lsp.js`): references, rename, signature help, semantic tokens,
 * selection ranges and document links.
 */
const WORKFLOW = `main:
  params: [args]
  steps:
    - init:
        assign:
          - names: \${text.split(args.names, ",")}
    - check:
        switch:
          - condition: \${len(names) > 3}
            next: too_many
    - fetch:
        call: http.get
        args:
          url: https://example.com/api
    - done:
        return: \${greet(names[0])}
    - too_many:
        raise: "too many names"
greet:
  params: [n]
  steps:
    - build:
        return: \${"Hi " + n}
`;

suite('Editing: references, rename, signature help, tokens, selection and links (language server)', () => {
  let document: vscode.TextDocument;

  suiteSetup(async function () {
    await activateExtension.call(this);
    document = await openScratch('server-features.workflows.yaml', WORKFLOW);
  });
  suiteTeardown(removeScratch);

  test('finds every reference of a variable, not the same name as a property', async () => {
    const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at(document, 'names:', 1));
    // The assignment, then the two reads; `args.names` is a property, not this variable.
    assert.deepStrictEqual(found.map((l) => rangeText(l.range)), ['5:12-5:17', '8:29-8:34', '15:24-15:29']);
  });

  test('renames a variable everywhere it is read, and a step with its next: targets', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, at(document, 'names:', 1), 'people');
    assert.deepStrictEqual(edit.get(document.uri).map((e) => [rangeText(e.range), e.newText]), [
      ['5:12-5:17', 'people'],
      ['8:29-8:34', 'people'],
      ['15:24-15:29', 'people'],
    ]);
    const step = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, at(document, 'next: too_many', 8), 'over_limit');
    assert.deepStrictEqual(step.get(document.uri).map((e) => [rangeText(e.range), e.newText]).sort(), [
      ['16:6-16:14', 'over_limit'],
      ['9:18-9:26', 'over_limit'],
    ]);
  });

  test('refuses a rename to a name the language reserves, with the reason', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, at(document, 'names:', 1), 'sys')),
      (error: Error) => {
        assert.strictEqual(error.message, "'sys' is a standard-library name.");
        return true;
      },
    );
  });

  test('shows the signature of a standard-library function with the active parameter', async () => {
    const help = await vscode.commands.executeCommand<vscode.SignatureHelp>('vscode.executeSignatureHelpProvider', document.uri, at(document, '",")', 0));
    assert.deepStrictEqual([help.signatures.map((s) => s.label), help.activeSignature, help.activeParameter], [['text.split(source, separator) → list<string>'], 0, 1]);
  });

  test('colours the parts of an expression with semantic tokens', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
      if (line !== 5) continue;
      decoded.push(`${document.lineAt(line).text.slice(character, character + tokens.data[i + 2])}:${legend.tokenTypes[tokens.data[i + 3]]}`);
    }
    assert.deepStrictEqual(decoded, ['names:variable', 'text:namespace', 'split:function', 'args:variable', 'names:property', '",":string']);
  });

  test('expands the selection from a word out to its routine', async () => {
    const [ranges] = await vscode.commands.executeCommand<vscode.SelectionRange[]>('vscode.executeSelectionRangeProvider', document.uri, [at(document, 'len(names)', 5)]);
    const chain: string[] = [];
    for (let r: vscode.SelectionRange | undefined = ranges; r; r = r.parent) chain.push(rangeText(r.range));
    assert.deepStrictEqual(chain, [
      '8:29-8:34', // names
      '8:25-8:35', // len(names)
      '8:25-8:39', // len(names) > 3
      '8:23-8:40', // \${…}
      '8:12-8:40', // condition: \${…}
      '8:12-9:26', // the switch case
      '8:10-9:26',
      '8:0-9:26',
      '7:8-9:26', // switch:
      '7:0-9:26',
      '6:6-9:26', // the check step
      '6:4-9:26',
      '6:0-9:26',
      '3:6-17:31', // main's steps
      '3:4-17:31',
      '3:0-17:31',
      '2:2-17:31',
      '2:0-17:31',
      '0:0-17:31', // main
      '0:0-23:0', // the document
    ]);
  });

  test('links URL literals', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    assert.deepStrictEqual(links.map((l) => [rangeText(l.range), l.target?.toString(true)]), [['13:15-13:38', 'https://example.com/api']]);
  });
});
