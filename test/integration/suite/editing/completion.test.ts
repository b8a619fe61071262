import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openScratch, removeScratch, withCursor } from './helpers';

let documents = 0;

/** The items offered at the ‸ marker of `marked`, in a fresh document (`.workflows.yaml` unless `extension` says otherwise). */
async function itemsAt(marked: string, extension = 'yaml', trigger?: string): Promise<vscode.CompletionItem[]> {
  const { text, offset } = withCursor(marked);
  // A new name each time: a closed editor's document may still hold the previous text.
  const document = await openScratch(`completion-${++documents}.workflows.${extension}`, text);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(offset), trigger);
  // Word-based suggestions (kind Text) come from the editor, not from this extension.
  return list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The labels offered at the ‸ marker of `marked`, in a fresh document. */
async function labelsAt(marked: string, extension = 'yaml', trigger?: string): Promise<string[]> {
  return (await itemsAt(marked, extension, trigger)).map(labelOf);
}

/** What accepting `label` inserts: its insert text (a snippet's template), or the label. */
function insertOf(items: vscode.CompletionItem[], label: string): string {
  const item = items.find((i) => labelOf(i) === label);
  assert.ok(item, `${label} not offered`);
  const text = item.insertText ?? label;
  return typeof text === 'string' ? text : text.value;
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

  test('offers in next inside a for loop every target the engine accepts: the body, steps outside the loop, end, break and continue', async () => {
    const labels = await labelsAt(
      'main:\n  steps:\n    - loop:\n        for:\n          value: v\n          in: [1, 2]\n          steps:\n            - check:\n                next: ‸\n            - work:\n                assign:\n                  - x: 1\n    - other:\n        for:\n          value: w\n          in: [1]\n          steps:\n            - hidden:\n                assign:\n                  - y: 1\n    - done:\n        return: 1\n',
    );
    assertIncludes(labels, ['work', 'loop', 'other', 'done', 'end', 'break', 'continue']);
    assertExcludes(labels, ['hidden']);
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

  test('offers the step kinds after Enter on a new step, indented into its body', async () => {
    const items = await itemsAt('main:\n  steps:\n    - first:\n      ‸\n    - second:\n        return: 1\n');
    assertIncludes(items.map(labelOf), ['assign', 'call', 'switch', 'for', 'parallel', 'try', 'raise', 'return', 'steps', 'next']);
    assert.strictEqual(insertOf(items, 'call'), '  call: ');
    assert.strictEqual(insertOf(items, 'assign'), '  assign:\n\t- $0');
  });

  test('offers end right after next: and inserts it with a space', async () => {
    const items = await itemsAt('main:\n  steps:\n    - first:\n        next:‸\n    - second:\n        return: 1\n', 'yaml', ':');
    assertIncludes(items.map(labelOf), ['second', 'end']);
    assert.strictEqual(insertOf(items, 'end'), ' end');
    assert.strictEqual(insertOf(items, 'second'), ' second');
  });

  test('inserts argument names and keys without a second colon', async () => {
    const items = await itemsAt('main:\n  steps:\n    - get:\n        call: http.get\n        args:\n          ur‸: https://example.com\n');
    assert.strictEqual(insertOf(items, 'url'), 'url');
    const plain = await itemsAt('main:\n  steps:\n    - get:\n        call: http.get\n        args:\n          url: https://example.com\n          ‸\n');
    assert.strictEqual(insertOf(plain, 'timeout'), 'timeout: ');
  });

  test('keeps snippets out of next: targets and arguments, and offers step snippets in a steps list', async () => {
    const snippets = ['wf-parent', 'wf-try-retry', 'wf-http-get'];
    assertExcludes(await labelsAt('main:\n  steps:\n    - first:\n        next: ‸\n    - second:\n        return: 1\n'), snippets);
    assertExcludes(await labelsAt('main:\n  steps:\n    - get:\n        call: http.get\n        args:\n          ‸\n'), snippets);
    const steps = await labelsAt('main:\n  steps:\n    - first:\n        return: 1\n    ‸\n');
    assertIncludes(steps, ['wf-try-retry', 'wf-http-get', 'wf-executions-run']);
    assertExcludes(steps, ['wf-parent', 'wf-main']);
  });

  test('offers the keys of a step body in a JSON workflow, quoted', async () => {
    const items = await itemsAt('{"main": {"steps": [{"init": {‸}}]}}', 'json');
    assertIncludes(items.map(labelOf), ['assign', 'call', 'switch', 'return', 'next']);
    assert.strictEqual(insertOf(items, 'call'), '"call": "$0"');
    assert.strictEqual(insertOf(items, 'assign'), '"assign": [$0]');
    const typed = await itemsAt('{"main": {"steps": [{"get": {"call": "http.get", "ar‸"}}]}}', 'json');
    assertIncludes(typed.map(labelOf), ['args', 'result', 'next']);
    assertExcludes(typed.map(labelOf), ['call', 'assign']);
  });
});
