import { deepStrictEqual } from 'assert';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { GREETER, GREETER_URI, startLsp, waitFor, type LspServer } from './lspClient';

const NXT = {
  range: { start: { line: 6, character: 8 }, end: { line: 6, character: 11 } },
  severity: DiagnosticSeverity.Error,
  code: 'unknown-key',
  source: 'cloud-workflows',
  message: "Unknown key 'nxt' in an assign step. Did you mean 'next'?",
  data: { suggestion: 'next' },
};

function unreachable(step: string, line: number, start: number, end: number): object {
  return {
    range: { start: { line, character: start }, end: { line, character: end } },
    severity: DiagnosticSeverity.Warning,
    code: 'unreachable-step',
    source: 'cloud-workflows',
    message: `Step '${step}' is never reached: the step before it always jumps away and no 'next' targets it.`,
  };
}

describe('lsp: diagnostics', () => {
  let server: LspServer;

  beforeEach(async () => {
    server = startLsp();
    await server.initialize({}, { diagnosticsDelay: 0 });
  });

  afterEach(() => server.kill());

  it('publishes the validator findings of an opened workflow, with the document version', async () => {
    server.open(GREETER_URI, GREETER);
    deepStrictEqual(await server.diagnostics(GREETER_URI, 1), [NXT]);
  });

  it('re-checks after incremental edits and publishes for the new version', async () => {
    server.open(GREETER_URI, GREETER);
    await server.diagnostics(GREETER_URI, 1);
    // Fix the key, then break a next target: two incremental edits.
    server.change(GREETER_URI, 2, [{ range: { start: { line: 6, character: 8 }, end: { line: 6, character: 11 } }, text: 'next' }]);
    deepStrictEqual(await server.diagnostics(GREETER_URI, 2), []);
    server.change(GREETER_URI, 3, [{ range: { start: { line: 6, character: 14 }, end: { line: 6, character: 19 } }, text: 'gret' }]);
    deepStrictEqual(await server.diagnostics(GREETER_URI, 3), [
      {
        range: { start: { line: 6, character: 14 }, end: { line: 6, character: 18 } },
        severity: DiagnosticSeverity.Error,
        code: 'unknown-next-target',
        source: 'cloud-workflows',
        message: "There is no step 'gret' in routine 'main'. Did you mean 'greet'?",
        data: { suggestion: 'greet' },
      },
      unreachable('greet', 7, 6, 11),
      unreachable('done', 12, 6, 10),
    ]);
  });

  it('publishes only the last of several quick edits when debounced', async () => {
    await server.stop();
    server = startLsp();
    await server.initialize({}, { diagnosticsDelay: 100 });
    server.open(GREETER_URI, GREETER);
    await server.diagnostics(GREETER_URI, 1);
    for (let version = 2; version <= 6; version++) server.change(GREETER_URI, version, [{ range: { start: { line: 6, character: 11 }, end: { line: 6, character: 11 } }, text: 'x' }]);
    const diagnostics = await server.diagnostics(GREETER_URI, 6);
    deepStrictEqual(diagnostics.map((d) => [d.code, d.range.end.character]), [['unknown-key', 16]]);
    deepStrictEqual(server.published.map((p) => p.version), [1, 6]);
  });

  it('clears the diagnostics of a closed document', async () => {
    server.open(GREETER_URI, GREETER);
    await server.diagnostics(GREETER_URI, 1);
    server.close(GREETER_URI);
    await waitFor(() => server.published.length === 2);
    deepStrictEqual(server.published[1], { uri: GREETER_URI, diagnostics: [] });
  });

  it('leaves YAML files that are not workflows alone', async () => {
    server.open('file:///work/deploy.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n');
    server.open(GREETER_URI, GREETER);
    await server.diagnostics(GREETER_URI, 1);
    deepStrictEqual(server.published.filter((p) => p.uri === 'file:///work/deploy.yaml'), []);
  });

  it('checks JSON workflows', async () => {
    const uri = 'file:///work/flow.json';
    server.open(uri, '{"main": {"steps": [{"a": {"return": "${nope}"}}]}}', 'json');
    deepStrictEqual((await server.diagnostics(uri, 1)).map((d) => [d.code, d.range]), [['undefined-variable', { start: { line: 0, character: 40 }, end: { line: 0, character: 44 } }]]);
  });
});

describe('lsp: settings', () => {
  let server: LspServer;

  afterEach(() => server.kill());

  it('pulls cloudWorkflows.validation.enabled with workspace/configuration and re-checks on change', async () => {
    server = startLsp();
    let enabled = false;
    const asked: unknown[] = [];
    server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      asked.push(...params.items);
      return params.items.map(() => ({ validation: { enabled } }));
    });
    await server.initialize({ workspace: { configuration: true } }, { diagnosticsDelay: 0 });
    server.open(GREETER_URI, GREETER);
    // Disabled: nothing is published, so the first publish must come after enabling.
    await waitFor(() => asked.length === 1);
    enabled = true;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    deepStrictEqual(await server.diagnostics(GREETER_URI, 1), [NXT]);
    deepStrictEqual(asked, [{ scopeUri: GREETER_URI, section: 'cloudWorkflows' }, { scopeUri: GREETER_URI, section: 'cloudWorkflows' }]);
    deepStrictEqual(server.published.length, 1);
  });

  it('takes pushed settings from clients without workspace/configuration', async () => {
    server = startLsp();
    await server.initialize({}, { diagnosticsDelay: 0, settings: { cloudWorkflows: { validation: { enabled: false } } } });
    server.open(GREETER_URI, GREETER);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cloudWorkflows: { validation: { enabled: true } } } });
    deepStrictEqual(await server.diagnostics(GREETER_URI, 1), [NXT]);
    deepStrictEqual(server.published.length, 1);
  });
});

