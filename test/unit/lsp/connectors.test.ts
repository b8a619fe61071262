import { deepStrictEqual } from 'assert';
import { CodeActionKind, CompletionItemKind, InsertTextFormat, type CodeAction, type CompletionItem, type Diagnostic, type Hover, type SignatureHelp } from 'vscode-languageserver-protocol';
import { at } from './lspClient';
import { withServer } from './features';

const URI = 'file:///work/connectors.workflows.yaml';
const TEXT = [
  'main:',
  '  steps:',
  '    - levels:',
  '        call: googleapis.compute.',
  '    - publish:',
  '        call: googleapis.pubsub.v1.projects.topics.publish',
  '        args:',
  '          topic: t',
  '          ',
  '    - stop:',
  '        call: googleapis.compute.v1.instances.stop',
  '        args:',
  '          connector_params:',
  '            ',
  '            polling_policy:',
  '              initial_delay: 2',
  '              ',
  '    - get:',
  '        call: googleapis.storage.v1.objects.gett',
  '        args: {bucket: b, object: o}',
  '    - secret:',
  '        return: ${googleapis.secretmanager.v1.projects.secrets.versions.accessString("s", )}',
  '',
].join('\n');

const SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
const range = (line: number, from: number, to = from) => ({ start: at(line, from), end: at(line, to) });

describe('lsp: connectors', () => {
  const { server, request } = withServer();
  before(() => server().open(URI, TEXT));
  const complete = (line: number, character: number) => request<CompletionItem[]>('textDocument/completion', URI, line, character);

  describe('completion', () => {
    it('offers the versions of an API after its dot, each opening the next level', async () => {
      deepStrictEqual(await complete(3, 33), [
        { label: 'v1', labelDetails: { description: 'Compute Engine: 1019 methods' }, kind: CompletionItemKind.Module, sortText: '0000', filterText: 'googleapis.compute.v1', textEdit: { range: range(3, 14, 33), newText: 'googleapis.compute.v1.' }, command: SUGGEST },
        { label: 'beta', labelDetails: { description: 'Compute Engine: 1130 methods' }, kind: CompletionItemKind.Module, sortText: '0001', filterText: 'googleapis.compute.beta', textEdit: { range: range(3, 14, 33), newText: 'googleapis.compute.beta.' }, command: SUGGEST },
      ]);
    });

    it('offers the namespace roots beside the functions in a call step and inside ${}', async () => {
      const roots = [
        { label: 'googleapis', labelDetails: { description: 'Google Cloud connectors' }, kind: CompletionItemKind.Module, sortText: '0000', filterText: 'googleapis', textEdit: { range: range(3, 14, 33), newText: 'googleapis.' }, command: SUGGEST },
        { label: 'gke', labelDetails: { description: 'Kubernetes API connector (GKE)' }, kind: CompletionItemKind.Module, sortText: '0001', filterText: 'gke', textEdit: { range: range(3, 14, 33), newText: 'gke.' }, command: SUGGEST },
      ];
      // `call: ‸googleapis.compute.`: nothing dotted typed before the cursor, the word is replaced.
      const items = await complete(3, 14);
      deepStrictEqual(
        items.filter((i) => i.kind === CompletionItemKind.Module),
        roots.map((r) => ({ ...r, textEdit: { range: range(3, 14, 33), newText: r.textEdit.newText } })),
      );
      const inExpression = await complete(21, 18);
      deepStrictEqual(inExpression.filter((i) => i.labelDetails !== undefined), roots.map((r) => ({ ...r, textEdit: { range: range(21, 18), newText: r.textEdit.newText } })));
    });

    it('offers resources before methods, a method with its full name, HTTP call and hover text', async () => {
      server().change(URI, 2, [{ range: range(3, 25, 33), text: 'pubsub.v1.projects.topics.' }]);
      const items = await complete(3, 51);
      server().change(URI, 3, [{ range: range(3, 25, 51), text: 'compute.' }]);
      deepStrictEqual(items.map((i) => [i.label, i.kind, i.labelDetails?.description]), [
        ['snapshots', CompletionItemKind.Folder, 'resource'],
        ['subscriptions', CompletionItemKind.Folder, 'resource'],
        ['create', CompletionItemKind.Method, 'PUT v1/{+name}'],
        ['delete', CompletionItemKind.Method, 'DELETE v1/{+topic}'],
        ['get', CompletionItemKind.Method, 'GET v1/{+topic}'],
        ['getIamPolicy', CompletionItemKind.Method, 'GET v1/{+resource}:getIamPolicy'],
        ['list', CompletionItemKind.Method, 'GET v1/{+project}/topics'],
        ['patch', CompletionItemKind.Method, 'PATCH v1/{+name}'],
        ['publish', CompletionItemKind.Method, 'POST v1/{+topic}:publish'],
        ['setIamPolicy', CompletionItemKind.Method, 'POST v1/{+resource}:setIamPolicy'],
        ['testIamPermissions', CompletionItemKind.Method, 'POST v1/{+resource}:testIamPermissions'],
      ]);
      const publish = items.find((i) => i.label === 'publish');
      const hover = await request<Hover>('textDocument/hover', URI, 5, 20);
      deepStrictEqual(publish, {
        label: 'publish',
        labelDetails: { description: 'POST v1/{+topic}:publish' },
        kind: CompletionItemKind.Method,
        detail: 'googleapis.pubsub.v1.projects.topics.publish',
        documentation: hover.contents,
        sortText: '0008',
        filterText: 'googleapis.pubsub.v1.projects.topics.publish',
        textEdit: { range: range(3, 14, 51), newText: 'googleapis.pubsub.v1.projects.topics.publish' },
      });
    });

    it('offers the arguments a connector call still lacks, required ones first, blocks as snippets', async () => {
      const field = (label: string, detail: string, documentation: string, sortText: string, newText: string) => {
        const item: CompletionItem = { label, kind: CompletionItemKind.Field, detail, documentation: { kind: 'plaintext', value: documentation }, sortText, textEdit: { range: range(8, 10), newText } };
        if (newText.includes('$0')) item.insertTextFormat = InsertTextFormat.Snippet;
        return item;
      };
      deepStrictEqual(await complete(8, 10), [
        field('body', 'required body: PublishRequest', 'The request body: a PublishRequest.', '0000', 'body:\n\t$0'),
        field('alt', 'optional standard', 'Data format for the response: json (default) or media.', '1001', 'alt: '),
        field('fields', 'optional standard', 'Selector specifying which fields to include in a partial response.', '1002', 'fields: '),
        field('uploadType', 'optional standard', 'Upload protocol for media, e.g. media, multipart or resumable.', '1003', 'uploadType: '),
        field('prettyPrint', 'optional standard', 'Returns the response with indentations and line breaks.', '1004', 'prettyPrint: '),
        field('quotaUser', 'optional standard', 'An arbitrary string that identifies a user, for per-user quotas.', '1005', 'quotaUser: '),
        field('query', 'optional standard', 'A map of query parameters, sent as they are.', '1006', 'query: '),
        field('connector_params', 'optional connector_params', 'Connector options: timeout (seconds), polling_policy (initial_delay, multiplier, max_delay), skip_polling and scopes.', '1007', 'connector_params:\n\t$0'),
      ]);
    });

    it('offers the arguments of a connector call in a JSON workflow, quoted, the body opening an object', async () => {
      const uri = 'file:///work/connectors.workflows.json';
      server().open(uri, '{"main": {"steps": [{"p": {"call": "googleapis.pubsub.v1.projects.topics.publish", "args": {"topic": "t", }}}]}}', 'json');
      const items = await server().connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(0, 106) });
      deepStrictEqual(items.map((i) => i.label), ['body', 'alt', 'fields', 'uploadType', 'prettyPrint', 'quotaUser', 'query', 'connector_params']);
      deepStrictEqual(items.slice(0, 2), [
        { label: 'body', kind: CompletionItemKind.Field, detail: 'required body: PublishRequest', documentation: { kind: 'plaintext', value: 'The request body: a PublishRequest.' }, sortText: '0000', filterText: '"body"', textEdit: { range: range(0, 106), newText: '"body": {$0}' }, insertTextFormat: InsertTextFormat.Snippet },
        { label: 'alt', kind: CompletionItemKind.Field, detail: 'optional standard', documentation: { kind: 'plaintext', value: 'Data format for the response: json (default) or media.' }, sortText: '1001', filterText: '"alt"', textEdit: { range: range(0, 106), newText: '"alt": $0' }, insertTextFormat: InsertTextFormat.Snippet },
      ]);
    });

    it('offers the connector_params keys not yet given, and the polling_policy keys', async () => {
      const field = (line: number, label: string, detail: string, documentation: string, sortText: string, newText: string) => ({ label, kind: CompletionItemKind.Field, detail, documentation: { kind: 'plaintext', value: documentation }, sortText, textEdit: { range: range(line, line === 13 ? 12 : 14), newText } });
      deepStrictEqual(await complete(13, 12), [
        field(13, 'timeout', 'connector_params', 'Seconds the whole call may take: an integer from 1 to 31536000 (default 1800).', '1000', 'timeout: '),
        field(13, 'skip_polling', 'connector_params', 'true: return the first response (the operation) without waiting for it.', '1001', 'skip_polling: '),
        field(13, 'scopes', 'connector_params', 'OAuth2 scopes for the call: a string or a list (default cloud-platform).', '1002', 'scopes: '),
      ]);
      deepStrictEqual(await complete(16, 14), [
        field(16, 'multiplier', 'number', 'Growth of the delay between polls (default 1.25).', '1000', 'multiplier: '),
        field(16, 'max_delay', 'number', 'Longest delay between polls, in seconds (default 60.0).', '1001', 'max_delay: '),
      ]);
    });
  });

  describe('hover', () => {
    it('shows the method, its HTTP call, the LRO note, the required arguments and the reference link', async () => {
      deepStrictEqual(await request<Hover>('textDocument/hover', URI, 10, 45), {
        contents: {
          kind: 'markdown',
          value: [
            '`googleapis.compute.v1.instances.stop(project, zone, instance, discardLocalSsd?, noGracefulShutdown?, requestId?, connector_params?) → Operation`',
            'Stops a running instance, shutting it down cleanly, and allows you to restart the instance at a later time. Stopped instances do not incur VM usage charges while they are stopped. However, resources that the VM is using, such as persistent disks and static IP addresses, will continue to be charged until they are deleted. For more information, seeStopping an instance.',
            '`POST https://compute.googleapis.com/compute/v1/projects/{project}/zones/{zone}/instances/{instance}/stop`',
            'Long-running operation: the call waits, polling (1 s, ×1.25, at most 60 s by default) until the operation completes, fails or times out (1800 s by default; up to 31536000 s with `connector_params.timeout`).',
            '- `project`: Project ID for this request.\n- `zone`: The name of the zone for this request.\n- `instance`: Name of the instance resource to stop.',
            "[Google's reference page](https://cloud.google.com/workflows/docs/reference/googleapis/compute/v1/instances/stop)",
          ].join('\n\n'),
        },
        range: range(10, 14, 50),
      });
    });

    it('describes an argument of a connector call', async () => {
      deepStrictEqual(await request<Hover>('textDocument/hover', URI, 7, 12), {
        contents: { kind: 'markdown', value: '`topic` — required path parameter, string, of `googleapis.pubsub.v1.projects.topics.publish`\n\nRequired. The messages in the request will be published on this topic. Format is `projects/{project}/topics/{topic}`.' },
        range: range(7, 10, 15),
      });
    });
  });

  describe('signature help', () => {
    it('shows the signature of a connector called inside ${} with the argument at the cursor', async () => {
      deepStrictEqual(await request<SignatureHelp>('textDocument/signatureHelp', URI, 21, 90), {
        signatures: [
          {
            label: 'googleapis.secretmanager.v1.projects.secrets.versions.accessString(secret_id, version?, project_id?) → string',
            documentation: { kind: 'markdown', value: 'Accesses a secret version and returns its data decoded as a string.' },
            parameters: [
              { label: 'secret_id', documentation: 'The ID of the secret.' },
              { label: 'version?', documentation: 'The version to access; "latest" by default.' },
              { label: 'project_id?', documentation: "The secret's project; the workflow's project by default." },
            ],
          },
        ],
        activeSignature: 0,
        activeParameter: 1,
      });
    });

    it('gives nothing outside a connector call', async () => {
      deepStrictEqual(await request<SignatureHelp | null>('textDocument/signatureHelp', URI, 7, 12), null);
    });
  });

  describe('quick fixes', () => {
    it("offers the closest method of the connector for an unknown one", async () => {
      const diagnostics = (await server().diagnostics(URI, 3)).filter((d: Diagnostic) => d.code === 'unknown-connector-method');
      deepStrictEqual(diagnostics.map((d) => [d.range, d.data]), [[range(18, 36, 48), { suggestion: 'objects.get' }]]);
      const actions = await server().connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: diagnostics[0].range, context: { diagnostics } });
      deepStrictEqual(actions, [
        { title: "Change to 'objects.get'", kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: { changes: { [URI]: [{ range: range(18, 36, 48), newText: 'objects.get' }] } } },
      ]);
    });
  });
});
