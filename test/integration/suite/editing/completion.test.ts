import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openScratch, removeScratch, withCursor } from './helpers';

let documents = 0;

/** The labels offered at the ‸ marker of `marked`, in a fresh document. */
async function labelsAt(marked: string): Promise<string[]> {
  const { text, offset } = withCursor(marked);
  // A new name each time: a closed editor's document may still hold the previous text.
  const document = await openScratch(`completion-${++documents}.workflows.yaml`, text);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(offset));
  // Word-based suggestions (kind Text) come from the editor, not from this extension.
  return list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

function assertIncludes(labels: string[], expected: string[]): void {
  assert.deepStrictEqual(expected.filter((e) => !labels.includes(e)), [], `missing from ${JSON.stringify(labels)}`);
}

function assertExcludes(labels: string[], unexpected: string[]): void {
  assert.deepStrictEqual(unexpected.filter((e) => labels.includes(e)), [], 'offered but not valid here');
}

suite('Editing: completion', () => {
  suiteSetup(activateExtension);
  teardown(removeScratch);

  test('offers the keys a call step may still take', async () => {
    const labels = await labelsAt('main:\n  steps:\n    - get:\n        call: http.get\n        ‸\n');
    assertIncludes(labels, ['args', 'result', 'next']);
    assertExcludes(labels, ['call', 'assign', 'switch']);
  });

  test('offers the step kinds in an empty step body', async () => {
    const labels = await labelsAt('main:\n  steps:\n    - first:\n        ‸\n');
    assertIncludes(labels, ['assign', 'call', 'switch', 'for', 'parallel', 'try', 'raise', 'return', 'steps', 'next']);
  });

  test('offers the keys of a for loop and of a parallel block', async () => {
    assertIncludes(await labelsAt('main:\n  steps:\n    - loop:\n        for:\n          value: v\n          ‸\n'), ['index', 'in', 'range', 'steps']);
    assertIncludes(await labelsAt('main:\n  steps:\n    - p:\n        parallel:\n          ‸\n'), ['shared', 'concurrency_limit', 'branches', 'for']);
  });

  test('lists text functions after text. in a call step', async () => {
    const labels = await labelsAt('main:\n  steps:\n    - s:\n        call: text.‸\n');
    assertIncludes(labels, ['text.split', 'text.replace_all', 'text.to_upper']);
    assertExcludes(labels, ['http.get', 'len']);
  });

  test('offers subworkflows and stdlib functions in a call step', async () => {
    const labels = await labelsAt('main:\n  steps:\n    - s:\n        call: ‸\nhelper:\n  params: [x]\n  steps:\n    - r:\n        return: ${x}\n');
    assertIncludes(labels, ['helper', 'http.get', 'sys.sleep', 'googleapis', 'gke']);
  });

  test('offers step names, end, break and continue in next inside a for loop', async () => {
    const labels = await labelsAt(
      'main:\n  steps:\n    - loop:\n        for:\n          value: v\n          in: [1, 2]\n          steps:\n            - check:\n                next: ‸\n            - work:\n                assign:\n                  - x: 1\n    - done:\n        return: 1\n',
    );
    assertIncludes(labels, ['work', 'end', 'break', 'continue']);
    assertExcludes(labels, ['done']);
  });

  test('offers step names and end but not break outside loops', async () => {
    const labels = await labelsAt('main:\n  steps:\n    - first:\n        next: ‸\n    - second:\n        return: 1\n');
    assertIncludes(labels, ['second', 'end']);
    assertExcludes(labels, ['break', 'continue']);
  });

  test('offers variables in scope, helpers and modules inside ${}', async () => {
    const labels = await labelsAt('main:\n  params: [args]\n  steps:\n    - init:\n        assign:\n          - total: 0\n    - done:\n        return: ${‸}\n');
    assertIncludes(labels, ['args', 'total', 'len', 'default', 'text', 'sys']);
  });

  test('lists only text functions after text. inside ${}', async () => {
    const labels = await labelsAt('main:\n  steps:\n    - done:\n        return: ${text.‸}\n');
    assertIncludes(labels, ['text.split', 'text.to_upper']);
    assertExcludes(labels, ['len', 'http.get']);
  });

  test('leaves loop variables out after their loop', async () => {
    const labels = await labelsAt(
      'main:\n  steps:\n    - loop:\n        for:\n          value: item\n          in: [1]\n          steps:\n            - s:\n                assign:\n                  - inner: ${item}\n    - done:\n        return: ${‸}\n',
    );
    assertExcludes(labels, ['item', 'inner']);
  });

  test('offers the arguments the called function still lacks', async () => {
    const labels = await labelsAt('main:\n  steps:\n    - get:\n        call: http.get\n        args:\n          url: https://example.com\n          ‸\n');
    assertIncludes(labels, ['timeout', 'body', 'headers', 'query', 'auth']);
    assertExcludes(labels, ['url', 'next']);
  });

  test('offers the parameters of a called subworkflow', async () => {
    const labels = await labelsAt('main:\n  steps:\n    - s:\n        call: greet\n        args:\n          ‸\ngreet:\n  params: [first_name, greeting: "Hello"]\n  steps:\n    - r:\n        return: ${greeting + first_name}\n');
    assertIncludes(labels, ['first_name', 'greeting']);
  });
});
