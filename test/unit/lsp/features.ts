/** Shared set-up of the feature suites: one server per suite, with GREETER and CALLS (or the suite's own documents) open. */
import { GREETER, GREETER_URI, startLsp, type LspServer } from './lspClient';

export const CALLS_URI = 'file:///work/calls.workflows.yaml';
export const CALLS = ['main:', '  steps:', '    - a:', '        call: sys.log', '        ', '    - b:', '        next: ', '    - c:', '        return: 1', ''].join('\n');

/** A document a suite opens: YAML unless `languageId` says otherwise. */
export interface OpenedDocument {
  uri: string;
  text: string;
  languageId?: string;
}

/** Starts a server before the suite, opens the documents (GREETER and CALLS by default), and stops it after. */
export function withServer(documents: OpenedDocument[] = [{ uri: GREETER_URI, text: GREETER }, { uri: CALLS_URI, text: CALLS }]): { server: () => LspServer; request: <T>(method: string, uri: string, line?: number, character?: number) => Promise<T> } {
  let server: LspServer;
  before(async () => {
    server = startLsp();
    // As VS Code does: snippets in completion.
    await server.initialize({ textDocument: { completion: { completionItem: { snippetSupport: true } } } }, { diagnosticsDelay: 0 });
    for (const d of documents) server.open(d.uri, d.text, d.languageId);
  });
  after(async () => {
    await server.stop();
  });
  return {
    server: () => server,
    request: <T>(method: string, uri: string, line?: number, character?: number) =>
      server.connection.sendRequest<T>(method, line === undefined ? { textDocument: { uri } } : { textDocument: { uri }, position: { line, character } }),
  };
}
