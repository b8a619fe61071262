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

  /** Did-you-mean fixes: the diagnostic to wait for, the fix to apply, and line 3 afterwards. */
  const SUGGESTIONS: { title: string; file: string; text: string; code: string; fix: string; line: string }[] = [
    {
      title: 'replaces a misspelt step key with the suggested one',
      file: 'key-typo.workflows.yaml',
      text: 'main:\n  steps:\n    - init:\n        asign:\n          - x: 1\n    - done:\n        return: ${x}\n',
      code: 'unknown-key',
      fix: "Change to 'assign'",
      line: '        assign:',
    },
    {
      title: 'replaces an unknown next target with the closest step name',
      file: 'next-typo.workflows.yaml',
      text: 'main:\n  steps:\n    - first:\n        next: secnd\n    - second:\n        return: 1\n',
      code: 'unknown-next-target',
      fix: "Change to 'second'",
      line: '        next: second',
    },
    {
      title: 'replaces an unknown function in a call step',
      file: 'call-typo.workflows.yaml',
      text: 'main:\n  steps:\n    - split:\n        call: text.splt\n        args:\n          source: "a,b"\n          separator: ","\n        result: parts\n    - done:\n        return: ${parts}\n',
      code: 'unknown-call-target',
      fix: "Change to 'text.split'",
      line: '        call: text.split',
    },
    {
      title: 'replaces an unknown function inside an expression',
      file: 'expr-typo.workflows.yaml',
      text: 'main:\n  steps:\n    - done:\n        return: ${lenn([1, 2])}\n',
      code: 'unknown-function',
      fix: "Change to 'len'",
      line: '        return: ${len([1, 2])}',
    },
    {
      title: 'replaces a misspelt variable with the visible one it is closest to',
      file: 'variable-typo.workflows.yaml',
      text: '- init:\n    assign:\n      - iteration: 1\n      - next_one: ${iteraton + 1}\n',
      code: 'undefined-variable',
      fix: "Change to 'iteration'",
      line: '      - next_one: ${iteration + 1}',
    },
    {
      title: "replaces a log severity with Google's spelling",
      file: 'severity-typo.workflows.yaml',
      text: '- log:\n    call: sys.log\n    args:\n      severity: WARN\n      text: careful\n',
      code: 'unknown-log-severity',
      fix: "Change to 'WARNING'",
      line: '      severity: WARNING',
    },
  ];

  for (const c of SUGGESTIONS) {
    test(c.title, async () => {
      const document = await openScratch(c.file, c.text);
      await waitFor(() => seenDiagnostics(document.uri).some((d) => d.code === c.code), Boolean, `the ${c.code} diagnostic`);
      await applyFix(document, c.fix);
      assert.strictEqual(document.lineAt(3).text, c.line);
      await expectDiagnostics(document.uri, []);
    });
  }

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
