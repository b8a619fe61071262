import { deepStrictEqual } from 'assert';
import { GREETER, GREETER_URI, startLsp, type LspServer } from './lspClient';

const STEPS_URI = 'file:///work/steps.workflows.yaml';
const STEPS = '# a steps-only workflow\n- only:\n    return: 1\n';
const JSON_URI = 'file:///work/sub.workflows.json';
const JSON_TEXT = '{\n  "helper": {"steps": [{"a": {"return": 1}}]},\n  "main": {"steps": [{"b": {"call": "helper"}}]}\n}\n';

function lenses(uri: string, line: number, character: number): object[] {
  const range = { start: { line, character }, end: { line, character } };
  return [
    ['Run', 'cloudWorkflows.runWorkflow'],
    ['Debug', 'cloudWorkflows.debugWorkflow'],
    ['Deploy', 'cloudWorkflows.deployWorkflow'],
    ['Graph', 'cloudWorkflows.showGraph'],
  ].map(([title, command]) => ({ range, command: { title, command, arguments: [uri] } }));
}

describe('lsp: Run/Debug/Deploy/Graph code lenses', () => {
  let server: LspServer;
  afterEach(() => server.kill());

  it('puts the lenses on main: (in YAML, JSON and the steps form) for a client that asks for them', async () => {
    server = startLsp();
    const result = await server.initialize({}, { runCodeLens: true });
    deepStrictEqual(result.capabilities.codeLensProvider, { resolveProvider: false });
    server.open(GREETER_URI, GREETER);
    server.open(STEPS_URI, STEPS);
    server.open(JSON_URI, JSON_TEXT, 'json');
    deepStrictEqual(await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: GREETER_URI } }), lenses(GREETER_URI, 0, 0));
    deepStrictEqual(await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: STEPS_URI } }), lenses(STEPS_URI, 1, 0));
    deepStrictEqual(await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: JSON_URI } }), lenses(JSON_URI, 2, 2));
  });

  it('offers none to other editors (the commands are the VS Code extension\'s)', async () => {
    server = startLsp();
    const result = await server.initialize({}, {});
    deepStrictEqual(result.capabilities.codeLensProvider, undefined);
  });
});
