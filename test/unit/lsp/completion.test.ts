import { deepStrictEqual } from 'assert';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-protocol';
import { GREETER_URI } from './lspClient';
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
