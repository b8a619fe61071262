import { deepStrictEqual } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
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

    /**
     * Waits until the latest publish for STEPS_URI after `act` is `expected`: a re-check the index
     * started for an earlier settings change may publish once more before the last one lands.
     */
    async function settlesOn(act: () => Promise<void>, expected: unknown): Promise<void> {
      const seen = server.published.length;
      await act();
      const latest = (): unknown => server.published.slice(seen).filter((p) => p.uri === STEPS_URI).at(-1)?.diagnostics;
      await waitFor(() => JSON.stringify(latest()) === JSON.stringify(expected), 8_000).catch(() => undefined);
      deepStrictEqual(latest(), expected);
    }

    it('checks a file a workspace-relative glob names, pulled for its workspace folder, and stops when the glob goes', async () => {
      server = startLsp();
      let files: string[] = [];
      server.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
        params.items.map((item) => (item.section === 'cloudWorkflows' && item.scopeUri === 'file:///work/repo' ? { files } : {})),
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
      await settlesOn(() => server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null }), [UNKNOWN_CAL]);
      files = [];
      await settlesOn(() => server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null }), []);
    });

    it('indexes a child workflow only a glob names, so a parent calling it gets no unknown-ID warning', async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-lsp-globs-'));
      try {
        fs.mkdirSync(path.join(root, 'flows'));
        fs.writeFileSync(path.join(root, 'flows', 'steps.yaml'), STEPS);
        const rootUri = pathToFileURL(root).href;
        const parentUri = pathToFileURL(path.join(root, 'parent.workflows.yaml')).href;
        const parent = ['main:', '  steps:', '    - run_child:', '        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run', '        args:', '          workflow_id: steps', ''].join('\n');
        const unknownIds = (): unknown => server.published.filter((p) => p.uri === parentUri).at(-1)?.diagnostics.filter((d) => d.code === 'unknown-workflow-id').map((d) => d.message);
        server = startLsp();
        let files: string[] = [];
        server.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
          params.items.map((item) => (item.section === 'cloudWorkflows' && item.scopeUri === rootUri ? { files } : {})),
        );
        await server.connection.sendRequest('initialize', {
          processId: process.pid,
          rootUri,
          workspaceFolders: [{ uri: rootUri, name: 'root' }],
          capabilities: { workspace: { configuration: true } },
          initializationOptions: { diagnosticsDelay: 0 },
        });
        await server.connection.sendNotification('initialized', {});
        server.open(parentUri, parent);
        await waitFor(() => JSON.stringify(unknownIds()) === JSON.stringify(["No workflow file in this workspace has the ID 'steps' (its file name without .yaml, .yml or .json)."]), 8_000).catch(() => undefined);
        deepStrictEqual(unknownIds(), ["No workflow file in this workspace has the ID 'steps' (its file name without .yaml, .yml or .json)."]);
        files = ['flows/*.yaml'];
        await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        await waitFor(() => JSON.stringify(unknownIds()) === '[]', 8_000).catch(() => undefined);
        deepStrictEqual(unknownIds(), []);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
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
