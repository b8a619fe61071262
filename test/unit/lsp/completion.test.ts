import { deepStrictEqual } from 'assert';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-protocol';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GREETER_URI, startLsp } from './lspClient';
import { CALLS_URI, withServer } from './features';

const at = (line: number, character: number) => ({ line, character });
const empty = (line: number, character: number) => ({ start: at(line, character), end: at(line, character) });

describe('lsp: completion', () => {
  const { request } = withServer();
  const complete = (uri: string, line: number, character: number) => request<CompletionItem[]>('textDocument/completion', uri, line, character);

  it('offers the keys a call step may still take, as snippets where they open a block', async () => {
    deepStrictEqual(await complete(CALLS_URI, 4, 8), [
      { label: 'args', kind: CompletionItemKind.Property, sortText: '00', textEdit: { range: empty(4, 8), newText: 'args:\n\t$0' }, insertTextFormat: InsertTextFormat.Snippet },
      { label: 'result', kind: CompletionItemKind.Property, sortText: '01', textEdit: { range: empty(4, 8), newText: 'result: ' } },
      { label: 'next', kind: CompletionItemKind.Property, sortText: '02', textEdit: { range: empty(4, 8), newText: 'next: ' } },
    ]);
  });

  it('offers exactly the next targets the validator accepts, end last', async () => {
    deepStrictEqual(await complete(CALLS_URI, 6, 14), [
      { label: 'a', kind: CompletionItemKind.Reference, textEdit: { range: empty(6, 14), newText: 'a' } },
      { label: 'b', kind: CompletionItemKind.Reference, textEdit: { range: empty(6, 14), newText: 'b' } },
      { label: 'c', kind: CompletionItemKind.Reference, textEdit: { range: empty(6, 14), newText: 'c' } },
      { label: 'end', kind: CompletionItemKind.Keyword, textEdit: { range: empty(6, 14), newText: 'end' }, sortText: '~end' },
    ]);
  });

  it('offers functions of the typed module, connectors and subworkflows as call targets', async () => {
    const items = await complete(GREETER_URI, 8, 14);
    deepStrictEqual(items.filter((i) => i.label.startsWith('sys.') || !i.label.includes('.')).map((i) => [i.label, i.kind, i.detail]), [
      ['sys.get_env', CompletionItemKind.Function, 'sys.get_env(name, default = null) → string'],
      ['sys.log', CompletionItemKind.Function, 'sys.log(data?, severity = "DEFAULT", text?, json?, timeout?) → null'],
      ['sys.now', CompletionItemKind.Function, 'sys.now() → double'],
      ['sys.sleep', CompletionItemKind.Function, 'sys.sleep(seconds) → null'],
      ['sys.sleep_until', CompletionItemKind.Function, 'sys.sleep_until(time) → null'],
      ['greet_user', CompletionItemKind.Function, 'subworkflow(who)'],
      ['googleapis', CompletionItemKind.Module, undefined],
      ['gke', CompletionItemKind.Module, undefined],
    ]);
    // The typed word is the range each item replaces.
    deepStrictEqual(new Set(items.map((i) => JSON.stringify(i.textEdit && 'range' in i.textEdit ? i.textEdit.range : null))), new Set([JSON.stringify({ start: at(8, 14), end: at(8, 24) })]));
  });

  it('offers the variables in scope, then functions, modules and subworkflows, inside ${}', async () => {
    const items = await complete(GREETER_URI, 13, 18);
    deepStrictEqual(items.filter((i) => i.kind === CompletionItemKind.Variable).map((i) => [i.label, i.sortText]), [
      ['args', '0args'],
      ['name', '0name'],
      ['greeting', '0greeting'],
    ]);
    deepStrictEqual(items.find((i) => i.label === 'sys'), { label: 'sys', kind: CompletionItemKind.Module, textEdit: { range: empty(13, 18), newText: 'sys.' }, command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } });
    deepStrictEqual(items.find((i) => i.label === 'greet_user')?.detail, 'subworkflow(who)');
  });

  it("offers a subworkflow's parameters under args", async () => {
    deepStrictEqual(await complete(GREETER_URI, 10, 10), [
      { label: 'who', kind: CompletionItemKind.Field, sortText: '000', detail: 'required', textEdit: { range: { start: at(10, 10), end: at(10, 13) }, newText: 'who' } },
    ]);
  });

  it('offers nothing after a colon that does not start a call or next value', async () => {
    deepStrictEqual(await complete(GREETER_URI, 4, 15), []);
  });
});

/** Completion in fresh documents with a `‸` marker, as the VS Code integration suite asks for it. */
describe('lsp: completion in the cases of the editor suite', () => {
  const { server } = withServer();
  let documents = 0;
  const itemsAt = async (marked: string, extension = 'yaml'): Promise<CompletionItem[]> => {
    const offset = marked.indexOf('‸');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const uri = `file:///work/case-${++documents}.workflows.${extension}`;
    server().open(uri, text, extension === 'json' ? 'json' : 'yaml');
    const before = text.slice(0, offset).split('\n');
    return server().connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(before.length - 1, before[before.length - 1].length) });
  };
  const insertOf = (items: CompletionItem[], label: string): string | undefined => {
    const edit = items.find((i) => i.label === label)?.textEdit;
    return edit && 'range' in edit ? edit.newText : undefined;
  };
  const SNIPPETS = readSnippets('workflows-yaml');
  const STEP_SNIPPETS = ['wf-parallel-branches', 'wf-parallel-for', 'wf-try-retry', 'wf-retry-custom', 'wf-switch', 'wf-for-range', 'wf-for-in', 'wf-http-get', 'wf-executions-create', 'wf-executions-run'];

  const TEXT_FUNCTIONS = ['text.decode', 'text.encode', 'text.find_all', 'text.find_all_regex', 'text.match_regex', 'text.replace_all', 'text.replace_all_regex', 'text.split', 'text.substring', 'text.to_lower', 'text.to_upper', 'text.url_decode', 'text.url_encode', 'text.url_encode_plus'];
  const LABELS: [string, string, string[]][] = [
    ['offers the keys of a for loop', 'main:\n  steps:\n    - loop:\n        for:\n          value: v\n          ‸\n', ['index', 'in', 'range', 'steps']],
    ['offers the keys of a parallel block', 'main:\n  steps:\n    - p:\n        parallel:\n          ‸\n', ['exception_policy', 'shared', 'concurrency_limit', 'branches', 'for']],
    ['lists text functions after text. in a call step', 'main:\n  steps:\n    - s:\n        call: text.‸\n', TEXT_FUNCTIONS],
    ['lists only text functions after text. inside ${}', 'main:\n  steps:\n    - done:\n        return: ${text.‸}\n', TEXT_FUNCTIONS],
    [
      'leaves loop variables out after their loop',
      'main:\n  steps:\n    - loop:\n        for:\n          value: item\n          in: [1]\n          steps:\n            - s:\n                assign:\n                  - inner: ${item}\n    - done:\n        return: ${‸}\n',
      ['int', 'double', 'string', 'keys', 'len', 'default', 'if', 'get_type', 'base64', 'events', 'experimental', 'hash', 'http', 'json', 'list', 'map', 'math', 'retry', 'sys', 'text', 'time', 'uuid', 'googleapis', 'gke'],
    ],
    ['offers the arguments the called function still lacks', 'main:\n  steps:\n    - get:\n        call: http.get\n        args:\n          url: https://example.com\n          ‸\n', ['timeout', 'body', 'headers', 'query', 'auth', 'private_service_name']],
    [
      'offers in next inside a for loop every target the engine accepts',
      'main:\n  steps:\n    - loop:\n        for:\n          value: v\n          in: [1, 2]\n          steps:\n            - check:\n                next: ‸\n            - work:\n                assign:\n                  - x: 1\n    - other:\n        for:\n          value: w\n          in: [1]\n          steps:\n            - hidden:\n                assign:\n                  - y: 1\n    - done:\n        return: 1\n',
      ['loop', 'check', 'work', 'other', 'done', 'end', 'break', 'continue'],
    ],
  ];
  for (const [title, marked, labels] of LABELS) {
    it(title, async () => deepStrictEqual((await itemsAt(marked)).map((i) => i.label), labels));
  }

  it('indents the step keys offered after Enter on a new step into its body', async () => {
    const items = await itemsAt('main:\n  steps:\n    - first:\n      ‸\n    - second:\n        return: 1\n');
    deepStrictEqual([insertOf(items, 'call'), insertOf(items, 'assign'), items.find((i) => i.label === 'call')?.filterText], ['  call: ', '  assign:\n\t- $0', 'call']);
  });

  it('offers end right after next: and inserts it with a space', async () => {
    const items = await itemsAt('main:\n  steps:\n    - first:\n        next:‸\n    - second:\n        return: 1\n');
    deepStrictEqual(items.map((i) => [i.label, insertOf(items, i.label), i.filterText]), [
      ['first', ' first', 'first'],
      ['second', ' second', 'second'],
      ['end', ' end', 'end'],
    ]);
  });

  it('inserts an argument name without a second colon', async () => {
    const items = await itemsAt('main:\n  steps:\n    - get:\n        call: http.get\n        args:\n          ur‸: https://example.com\n');
    deepStrictEqual(insertOf(items, 'url'), 'url');
  });

  it('quotes the keys of a JSON step body and opens their value', async () => {
    const items = await itemsAt('{"main": {"steps": [{"init": {‸}}]}}', 'json');
    deepStrictEqual(
      items.filter((i) => ['call', 'assign', 'next'].includes(i.label)).map((i) => [i.label, insertOf(items, i.label), i.filterText, i.insertTextFormat]),
      [
        ['assign', '"assign": [$0]', '"assign"', InsertTextFormat.Snippet],
        ['call', '"call": "$0"', '"call"', InsertTextFormat.Snippet],
        ['next', '"next": "$0"', '"next"', InsertTextFormat.Snippet],
      ],
    );
  });

  it('completes variables inside ${} of a JSON string', async () => {
    const items = await itemsAt('{"main": {"params": ["args"], "steps": [{"done": {"return": "${ar‸"}}]}}', 'json');
    deepStrictEqual(items.filter((i) => i.kind === CompletionItemKind.Variable).map((i) => [i.label, i.textEdit]), [['args', { range: { start: at(0, 63), end: at(0, 65) }, newText: 'args' }]]);
  });

  it('offers the step snippets at a steps list position, after the keys', async () => {
    const items = await itemsAt('main:\n  steps:\n    - first:\n        return: 1\n    ‸\n');
    deepStrictEqual(
      items.map((i) => [i.label, i.kind, i.detail, i.sortText, i.insertTextFormat, i.textEdit]),
      STEP_SNIPPETS.map((prefix) => [prefix, CompletionItemKind.Snippet, SNIPPETS[prefix].description, `~${prefix}`, InsertTextFormat.Snippet, { range: empty(4, 4), newText: SNIPPETS[prefix].body }]),
    );
  });

  it('replaces a typed dash with the step snippet', async () => {
    const items = await itemsAt('main:\n  steps:\n    - first:\n        return: 1\n    - ‸\n');
    deepStrictEqual(
      items.filter((i) => i.label === 'wf-http-get').map((i) => [i.filterText, i.textEdit]),
      [['- wf-http-get', { range: { start: at(4, 4), end: at(4, 6) }, newText: SNIPPETS['wf-http-get'].body }]],
    );
  });

  it('offers the subworkflow snippet beside main and the workflow snippets in an empty workflow file', async () => {
    deepStrictEqual((await itemsAt('main:\n  steps:\n    - a:\n        return: 1\n‸\n')).map((i) => i.label), ['wf-subworkflow']);
    deepStrictEqual((await itemsAt('‸')).map((i) => [i.label, i.textEdit]), ['wf-parent', 'wf-child', 'wf-main'].map((p) => [p, { range: empty(0, 0), newText: SNIPPETS[p].body }]));
  });

  it('offers the workflow snippets in a YAML file that holds only a word, replacing it', async () => {
    const uri = 'file:///work/new.yaml';
    server().open(uri, 'wf-m');
    const items = await server().connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(0, 4) });
    deepStrictEqual(items.map((i) => [i.label, i.textEdit]), ['wf-parent', 'wf-child', 'wf-main'].map((p) => [p, { range: { start: at(0, 0), end: at(0, 4) }, newText: SNIPPETS[p].body }]));
    server().open('file:///work/k8s.yaml', 'apiVersion: v1\nkind: Pod\n');
    deepStrictEqual(await server().connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///work/k8s.yaml' }, position: at(1, 0) }), []);
  });

  it('offers the JSON step snippets in a steps array', async () => {
    const json = readSnippets('workflows-json');
    const items = await itemsAt('{"main": {"steps": [‸]}}', 'json');
    deepStrictEqual(items.map((i) => [i.label, i.textEdit]), ['wf-http-get', 'wf-try-retry', 'wf-executions-run'].map((p) => [p, { range: empty(0, 20), newText: json[p].body }]));
  });

  it('keeps snippets out of next: targets and arguments', async () => {
    deepStrictEqual((await itemsAt('main:\n  steps:\n    - first:\n        next: ‸\n    - second:\n        return: 1\n')).map((i) => i.label), ['first', 'second', 'end']);
    const args = await itemsAt('main:\n  steps:\n    - get:\n        call: http.get\n        args:\n          ‸\n');
    deepStrictEqual(args.filter((i) => i.kind !== CompletionItemKind.Field), []);
  });
});

describe('lsp: completion for a client without snippets', () => {
  it('inserts keys as plain text and offers no snippet', async () => {
    const server = startLsp();
    try {
      await server.initialize({ textDocument: { completion: { completionItem: { snippetSupport: false } } } }, { diagnosticsDelay: 0 });
      const uri = 'file:///work/plain.workflows.yaml';
      server.open(uri, 'main:\n  steps:\n    - first:\n        \n');
      const items = await server.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(3, 8) });
      deepStrictEqual(
        items.map((i) => [i.label, i.textEdit && 'range' in i.textEdit ? i.textEdit.newText : undefined, i.insertTextFormat]),
        ['assign', 'call', 'switch', 'for', 'parallel', 'try', 'raise', 'return', 'steps', 'next'].map((k) => [k, `${k}: `, undefined]),
      );
      server.open('file:///work/empty.workflows.yaml', '');
      deepStrictEqual(await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///work/empty.workflows.yaml' }, position: at(0, 0) }), []);
      deepStrictEqual(await server.stop(), 0);
    } finally {
      server.kill();
    }
  });
});

/** A snippets file of the repository, by prefix, bodies joined as the server joins them. */
function readSnippets(name: string): Record<string, { description: string; body: string }> {
  const parsed = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'snippets', `${name}.code-snippets`), 'utf8')) as Record<string, { prefix: string; description: string; body: string[] }>;
  return Object.fromEntries(Object.values(parsed).map((s) => [s.prefix, { description: s.description, body: s.body.join('\n') }]));
}
