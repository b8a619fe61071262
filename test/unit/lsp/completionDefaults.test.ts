import { deepStrictEqual } from 'assert';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { CALLS, CALLS_URI } from './features';
import { GREETER, GREETER_URI, startLsp, type LspServer } from './lspClient';

/** VS Code's completion capabilities: snippets, and the shared range said once (`itemDefaults`). */
const WITH_DEFAULTS = { textDocument: { completion: { completionItem: { snippetSupport: true }, completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } } };
const WITHOUT = { textDocument: { completion: { completionItem: { snippetSupport: true } } } };

/** A list with `itemDefaults.editRange` written out item by item, as the client reads it. */
function expand(answer: CompletionList | CompletionItem[]): CompletionItem[] {
  if (Array.isArray(answer)) return answer;
  const range = answer.itemDefaults?.editRange;
  return answer.items.map(({ textEditText, ...item }) => (item.textEdit || !range || !('start' in range) ? item : { ...item, textEdit: { range, newText: textEditText ?? item.label } }));
}

describe('lsp: completion lists with a shared range (itemDefaults.editRange)', () => {
  const servers: LspServer[] = [];
  let plain: LspServer;
  let compact: LspServer;
  before(async () => {
    plain = startLsp();
    compact = startLsp();
    servers.push(plain, compact);
    await plain.initialize(WITHOUT, { diagnosticsDelay: 0 });
    await compact.initialize(WITH_DEFAULTS, { diagnosticsDelay: 0 });
    for (const s of servers) {
      s.open(GREETER_URI, GREETER);
      s.open(CALLS_URI, CALLS);
    }
  });
  after(() => servers.forEach((s) => s.kill()));

  const complete = (server: LspServer, uri: string, line: number, character: number) =>
    server.connection.sendRequest<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });

  const cases: [string, string, number, number][] = [
    ['a call target', CALLS_URI, 3, 14],
    ['next: targets', CALLS_URI, 6, 14],
    ['step keys in an empty body', CALLS_URI, 4, 8],
    ['variables inside ${}', GREETER_URI, 10, 19],
  ];
  for (const [what, uri, line, character] of cases) {
    it(`gives the same items as the plain answer for ${what}, with the range said once`, async () => {
      const list = await complete(compact, uri, line, character);
      const items = await complete(plain, uri, line, character);
      deepStrictEqual(Array.isArray(items), true);
      deepStrictEqual(Array.isArray(list), false);
      deepStrictEqual((list as CompletionList).items.length > 0, true);
      deepStrictEqual((list as CompletionList).items.some((i) => i.textEdit !== undefined), false);
      deepStrictEqual(expand(list), items);
    });
  }
});
