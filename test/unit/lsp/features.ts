/** Shared set-up of the feature suites: one server per suite, with GREETER and CALLS open. */
import { GREETER, GREETER_URI, startLsp, type LspServer } from './lspClient';

export const CALLS_URI = 'file:///work/calls.workflows.yaml';
export const CALLS = ['main:', '  steps:', '    - a:', '        call: sys.log', '        ', '    - b:', '        next: ', '    - c:', '        return: 1', ''].join('\n');

/** Starts a server before the suite, opens both documents, and stops it after. */
export function withServer(): { server: () => LspServer; request: <T>(method: string, uri: string, line?: number, character?: number) => Promise<T> } {
  let server: LspServer;
  before(async () => {
    server = startLsp();
    // As VS Code does: snippets in completion.
    await server.initialize({ textDocument: { completion: { completionItem: { snippetSupport: true } } } }, { diagnosticsDelay: 0 });
    server.open(GREETER_URI, GREETER);
    server.open(CALLS_URI, CALLS);
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
