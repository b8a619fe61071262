import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, expectDiagnostics, openScratch, removeScratch, seenDiagnostics, waitFor } from './helpers';

/** Runs the quick fix titled `title` for the first diagnostic of the document. */
async function applyFix(document: vscode.TextDocument, title: string): Promise<void> {
  const [diagnostic] = vscode.languages.getDiagnostics(document.uri);
  assert.ok(diagnostic, 'no diagnostic to fix');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const titles = actions.map((a) => a.title);
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `no quick fix '${title}' among ${JSON.stringify(titles)}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
}

suite('Editing: quick fixes', () => {
  suiteSetup(activateExtension);
  teardown(removeScratch);

  test('replaces a misspelt step key with the suggested one', async () => {
    const document = await openScratch('key-typo.workflows.yaml', 'main:\n  steps:\n    - init:\n        asign:\n          - x: 1\n    - done:\n        return: ${x}\n');
    await waitFor(() => seenDiagnostics(document.uri).some((d) => d.code === 'unknown-key'), Boolean, 'the unknown-key diagnostic');
    await applyFix(document, "Change to 'assign'");
    assert.strictEqual(document.lineAt(3).text, '        assign:');
    await expectDiagnostics(document.uri, []);
  });

  test('replaces an unknown next target with the closest step name', async () => {
    const document = await openScratch('next-typo.workflows.yaml', 'main:\n  steps:\n    - first:\n        next: secnd\n    - second:\n        return: 1\n');
    await waitFor(() => seenDiagnostics(document.uri)[0]?.code, (code) => code === 'unknown-next-target', 'the unknown-next-target diagnostic');
    await applyFix(document, "Change to 'second'");
    assert.strictEqual(document.lineAt(3).text, '        next: second');
    await expectDiagnostics(document.uri, []);
  });

  test('replaces an unknown function in a call step', async () => {
    const document = await openScratch('call-typo.workflows.yaml', 'main:\n  steps:\n    - split:\n        call: text.splt\n        args:\n          source: "a,b"\n          separator: ","\n        result: parts\n    - done:\n        return: ${parts}\n');
    await waitFor(() => seenDiagnostics(document.uri)[0]?.code, (code) => code === 'unknown-call-target', 'the unknown-call-target diagnostic');
    await applyFix(document, "Change to 'text.split'");
    assert.strictEqual(document.lineAt(3).text, '        call: text.split');
    await expectDiagnostics(document.uri, []);
  });

  test('replaces an unknown function inside an expression', async () => {
    const document = await openScratch('expr-typo.workflows.yaml', 'main:\n  steps:\n    - done:\n        return: ${lenn([1, 2])}\n');
    await waitFor(() => seenDiagnostics(document.uri)[0]?.code, (code) => code === 'unknown-function', 'the unknown-function diagnostic');
    await applyFix(document, "Change to 'len'");
    assert.strictEqual(document.lineAt(3).text, '        return: ${len([1, 2])}');
    await expectDiagnostics(document.uri, []);
  });

  test('adds a variable written in a parallel branch to shared', async () => {
    const text = [
      'main:',
      '  steps:',
      '    - init:',
      '        assign:',
      '          - total: 0',
      '    - fan_out:',
      '        parallel:',
      '          branches:',
      '            - one:',
      '                steps:',
      '                  - add:',
      '                      assign:',
      '                        - total: ${total + 1}',
      '    - done:',
      '        return: ${total}',
      '',
    ].join('\n');
    const document = await openScratch('unshared.workflows.yaml', text);
    await waitFor(() => seenDiagnostics(document.uri)[0]?.code, (code) => code === 'unshared-parallel-write', 'the unshared-parallel-write diagnostic');
    await applyFix(document, "Add 'total' to shared");
    assert.deepStrictEqual([document.lineAt(7).text, document.lineAt(8).text], ['          shared: [total]', '          branches:']);
    await expectDiagnostics(document.uri, []);
  });

  test('appends to an existing shared list', async () => {
    const text = [
      'main:',
      '  steps:',
      '    - init:',
      '        assign:',
      '          - a: 0',
      '          - b: 0',
      '    - fan_out:',
      '        parallel:',
      '          shared: [a]',
      '          branches:',
      '            - one:',
      '                steps:',
      '                  - set:',
      '                      assign:',
      '                        - a: 1',
      '                        - b: 1',
      '    - done:',
      '        return: ${a + b}',
      '',
    ].join('\n');
    const document = await openScratch('shared-append.workflows.yaml', text);
    await waitFor(() => seenDiagnostics(document.uri)[0]?.code, (code) => code === 'unshared-parallel-write', 'the unshared-parallel-write diagnostic');
    await applyFix(document, "Add 'b' to shared");
    assert.strictEqual(document.lineAt(8).text, '          shared: [a, b]');
    await expectDiagnostics(document.uri, []);
  });

  test('fills an empty shared list', async () => {
    const text = [
      'main:',
      '  steps:',
      '    - init:',
      '        assign:',
      '          - total: 0',
      '    - fan_out:',
      '        parallel:',
      '          shared: []',
      '          for:',
      '            value: i',
      '            in: [1, 2]',
      '            steps:',
      '              - add:',
      '                  assign:',
      '                    - total: ${total + i}',
      '    - done:',
      '        return: ${total}',
      '',
    ].join('\n');
    const document = await openScratch('shared-empty.workflows.yaml', text);
    await waitFor(() => seenDiagnostics(document.uri)[0]?.code, (code) => code === 'unshared-parallel-write', 'the unshared-parallel-write diagnostic');
    await applyFix(document, "Add 'total' to shared");
    assert.strictEqual(document.lineAt(7).text, '          shared: [total]');
    await expectDiagnostics(document.uri, []);
  });

  test('keeps the quotes of a JSON key it corrects', async () => {
    const document = await openScratch('key-typo.workflows.json', '{"main": {"steps": [{"init": {"asign": [{"x": 1}]}}]}}\n');
    await waitFor(() => seenDiagnostics(document.uri).some((d) => d.code === 'unknown-key'), Boolean, 'the unknown-key diagnostic');
    await applyFix(document, "Change to 'assign'");
    assert.strictEqual(document.lineAt(0).text, '{"main": {"steps": [{"init": {"assign": [{"x": 1}]}}]}}');
    await expectDiagnostics(document.uri, []);
  });
});
