/**
 * `cloud-workflows lsp` driven the way each editor of docs/EDITORS.md drives it: that editor's
 * client capabilities (modelled on Neovim 0.10's `vim.lsp.protocol.make_client_capabilities`,
 * Helix 24's and Emacs 29's eglot: no dynamic registration, UTF-8/UTF-32 position encodings offered
 * beside UTF-16, configuration pulled or not), its way of passing settings, then open, change,
 * complete, hover, rename, shutdown and exit. The server always picks UTF-16, which every client must accept.
 */
import { deepStrictEqual } from 'assert';
import type { ClientCapabilities, CompletionItem, CompletionList, Hover, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { startLsp } from './lspClient';

interface Editor {
  name: string;
  capabilities: ClientCapabilities;
  initializationOptions?: unknown;
  /** How the editor answers `workspace/configuration`, when it supports it. */
  configuration?: (section: string) => unknown;
}

const SETTINGS = { cloudWorkflows: { validation: { enabled: true } } };

const EDITORS: Editor[] = [
  {
    name: 'Neovim (nvim-lspconfig)',
    capabilities: {
      general: { positionEncodings: ['utf-8', 'utf-16', 'utf-32'] },
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true, willSave: true },
        completion: { dynamicRegistration: false, completionItem: { snippetSupport: false }, contextSupport: false },
        hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: false },
      },
    },
    // nvim-lspconfig answers workspace/configuration from the `settings` table of the set-up.
    configuration: (section) => (SETTINGS as Record<string, unknown>)[section],
  },
  {
    name: 'Helix',
    capabilities: {
      general: { positionEncodings: ['utf-8', 'utf-32', 'utf-16'] },
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, insertReplaceSupport: true }, completionItemKind: {} },
        hover: { contentFormat: ['markdown'] },
        publishDiagnostics: { versionSupport: true },
      },
    },
    // Helix sends the server's `config` from languages.toml as initializationOptions.
    initializationOptions: SETTINGS,
  },
  {
    name: 'Emacs (eglot)',
    capabilities: {
      general: { positionEncodings: ['utf-32', 'utf-8', 'utf-16'] },
      workspace: { applyEdit: true, symbol: { dynamicRegistration: false } },
      textDocument: {
        synchronization: { dynamicRegistration: false, willSave: true, didSave: true },
        completion: { dynamicRegistration: false, completionItem: { snippetSupport: false }, contextSupport: true },
        hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: false },
      },
    },
  },
];

/** A workflow with an emoji (two UTF-16 code units, four UTF-8 bytes) before the cursor: UTF-16 columns matter. */
const TEXT = ['main:', '  steps:', '    - hi: # grüße', '        assign:', '          - msg: "x"', '    - done:', '        return: ${"🌍" + ms}', ''].join('\n');

for (const editor of EDITORS) {
  describe(`lsp as ${editor.name} drives it`, () => {
    it('initializes, checks, completes, hovers, renames and shuts down', async () => {
      const server = startLsp();
      try {
        if (editor.configuration) {
          const answer = editor.configuration;
          server.connection.onRequest('workspace/configuration', (params: { items: { section: string }[] }) => params.items.map((i) => answer(i.section) ?? null));
        }
        const init = await server.initialize(editor.capabilities, editor.initializationOptions);
        deepStrictEqual(init.capabilities.positionEncoding, 'utf-16');
        const uri = 'file:///work/hello.workflows.yaml';
        server.open(uri, TEXT);
        deepStrictEqual((await server.diagnostics(uri, 1)).map((d) => [d.code, d.range.start]), [['undefined-variable', { line: 6, character: 25 }]]);
        // Type `g` after `ms`: the variable is now defined.
        server.change(uri, 2, [{ range: { start: { line: 6, character: 27 }, end: { line: 6, character: 27 } }, text: 'g' }]);
        deepStrictEqual(await server.diagnostics(uri, 2), []);
        const completion = await server.connection.sendRequest<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 28 } });
        const items = Array.isArray(completion) ? completion : completion.items;
        deepStrictEqual(items.filter((i) => i.kind === 6).map((i) => [i.label, i.textEdit]), [['msg', { range: { start: { line: 6, character: 25 }, end: { line: 6, character: 28 } }, newText: 'msg' }]]);
        const hover = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 26 } });
        deepStrictEqual(hover, { contents: { kind: 'markdown', value: '`msg`\n\nVariable, first assigned on line 5.' }, range: { start: { line: 6, character: 25 }, end: { line: 6, character: 28 } } });
        const rename = await server.connection.sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 6, character: 26 }, newName: 'message' });
        const line = (l: number, start: number, end: number) => ({ start: { line: l, character: start }, end: { line: l, character: end } });
        deepStrictEqual(rename, { changes: { [uri]: [{ range: line(4, 12, 15), newText: 'message' }, { range: line(6, 25, 28), newText: 'message' }] } });
        deepStrictEqual(await server.stop(), 0);
      } finally {
        server.kill();
      }
    });
  });
}
