import { deepStrictEqual } from 'assert';
import { matchesWorkflowGlobs } from '../../../src/lsp/workflowGlobs';
import { startLsp, waitFor, type LspServer } from './lspClient';

/** Not a workflow by name nor by content (no step keyword): only a `cloudWorkflows.files` glob makes it one. */
const STEPS_URI = 'file:///work/repo/flows/steps.yaml';
const STEPS = '- first:\n    cal: sys.log\n';
const UNKNOWN_CAL = {
  range: { start: { line: 1, character: 4 }, end: { line: 1, character: 7 } },
  severity: 1,
  code: 'unknown-key',
  source: 'cloud-workflows',
  message: "Unknown key 'cal' in a step. Did you mean 'call'?",
  data: { suggestion: 'call' },
};

describe('lsp: cloudWorkflows.files', () => {
  describe('matchesWorkflowGlobs', () => {
    const folders = ['file:///work/repo', 'file:///work/repo/nested'];
    const cases: [string, string[], boolean][] = [
      ['file:///work/repo/flows/steps.yaml', ['flows/*.yaml'], true],
      ['file:///work/repo/flows/deep/steps.yaml', ['flows/*.yaml'], false],
      ['file:///work/repo/flows/deep/steps.yaml', ['flows/**/*.yaml'], true],
      // The deepest folder holding the file is the base of relative globs.
      ['file:///work/repo/nested/steps.yaml', ['*.yaml'], true],
      ['file:///work/repo/nested/steps.yaml', ['nested/*.yaml'], false],
      ['file:///work/repo/.github/flows.yaml', ['**/*.yaml'], true],
      ['file:///work/other/steps.yaml', ['/work/other/*.yaml'], true],
      ['file:///work/other/steps.yaml', ['**/steps.yaml'], true],
      ['file:///work/other/steps.yaml', ['other/*.yaml'], false],
      ['file:///work/repo/a%20b/steps.yaml', ['a b/*.yaml'], true],
      ['untitled:Untitled-1', ['*.yaml'], false],
      ['not a uri', ['**'], false],
      ['file:///work/repo/flows/steps.yaml', [], false],
      ['file:///work/repo/flows/steps.yaml', ['', 7 as unknown as string], false],
    ];
    for (const [uri, globs, expected] of cases) {
      it(`${uri} ${JSON.stringify(globs)} → ${expected}`, () => deepStrictEqual(matchesWorkflowGlobs(uri, globs, folders), expected));
    }
  });

  describe('over the protocol', () => {
    let server: LspServer;
    afterEach(() => server.kill());

    /** The diagnostics of the next publish for STEPS_URI after `act`. */
    async function publishedAfter(act: () => Promise<void>): Promise<unknown> {
      const seen = server.published.length;
      await act();
      await waitFor(() => server.published.slice(seen).some((p) => p.uri === STEPS_URI));
      return server.published.slice(seen).filter((p) => p.uri === STEPS_URI).at(-1)?.diagnostics;
    }

    it('checks a file a workspace-relative glob names, pulled per document, and stops when the glob goes', async () => {
      server = startLsp();
      let files: string[] = [];
      server.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
        params.items.map((item) => (item.section === 'cloudWorkflows' && item.scopeUri === STEPS_URI ? { files } : {})),
      );
      await server.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: 'file:///work/repo',
        workspaceFolders: [{ uri: 'file:///work/repo', name: 'repo' }],
        capabilities: { workspace: { configuration: true } },
        initializationOptions: { diagnosticsDelay: 0 },
      });
      await server.connection.sendNotification('initialized', {});
      // Not a workflow yet: nothing is published for it.
      server.open(STEPS_URI, STEPS);
      files = ['flows/*.yaml'];
      deepStrictEqual(await publishedAfter(() => server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null })), [UNKNOWN_CAL]);
      files = [];
      deepStrictEqual(await publishedAfter(() => server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null })), []);
    });

    it('takes the globs from initialization options when the client has no workspace/configuration', async () => {
      server = startLsp();
      await server.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: 'file:///work/repo',
        capabilities: {},
        initializationOptions: { diagnosticsDelay: 0, settings: { cloudWorkflows: { files: ['flows/*.yaml'] } } },
      });
      await server.connection.sendNotification('initialized', {});
      server.open(STEPS_URI, STEPS);
      deepStrictEqual(await server.diagnostics(STEPS_URI, 1), [UNKNOWN_CAL]);
    });
  });
});
