import * as assert from 'assert';
import * as vscode from 'vscode';
import { messageFor } from '../../../../src/core/validate/messages';
import { activateExtension, expectDiagnostics, openScratch, removeScratch, withCursor } from './helpers';

let documents = 0;

async function open(marked: string): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const { text, offset } = withCursor(marked);
  const document = await openScratch(`connectors-${++documents}.workflows.yaml`, text);
  return { document, position: document.positionAt(offset) };
}

/** Labels of the extension's completion items at the ‸ marker (word suggestions left out). */
async function labelsAt(marked: string): Promise<string[]> {
  const { document, position } = await open(marked);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

suite('Editing: connectors', () => {
  suiteSetup(activateExtension);
  teardown(removeScratch);

  test('completes connector names level by level in a call step', async () => {
    const apis = await labelsAt('main:\n  steps:\n    - s:\n        call: googleapis.‸\n');
    assert.deepStrictEqual(['bigquery', 'storage', 'pubsub', 'compute'].filter((a) => !apis.includes(a)), []);
    assert.deepStrictEqual(await labelsAt('main:\n  steps:\n    - s:\n        call: googleapis.compute.‸\n'), ['v1', 'beta']);
    const methods = await labelsAt('main:\n  steps:\n    - s:\n        call: googleapis.storage.v1.objects.‸\n');
    assert.deepStrictEqual(['get', 'insert', 'list', 'delete'].filter((m) => !methods.includes(m)), []);
  });

  test('completes connector arguments under args, required ones first', async () => {
    const labels = await labelsAt('main:\n  steps:\n    - s:\n        call: googleapis.pubsub.v1.projects.topics.publish\n        args:\n          ‸\n');
    assert.deepStrictEqual(labels.slice(0, 2), ['topic', 'body']);
    assert.ok(labels.includes('connector_params'), JSON.stringify(labels));
  });

  test('shows the method, its HTTP call, the LRO note and the reference link on hover', async () => {
    const { document, position } = await open('main:\n  steps:\n    - s:\n        call: googleapis.compute.v1.instances.st‸op\n        args: {project: p, zone: z, instance: i}\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    for (const part of [
      '`POST https://compute.googleapis.com/compute/v1/projects/{project}/zones/{zone}/instances/{instance}/stop`',
      'Long-running operation: the call waits',
      '(https://cloud.google.com/workflows/docs/reference/googleapis/compute/v1/instances/stop)',
    ]) {
      assert.ok(text.includes(part), `missing ${part} in ${text}`);
    }
  });

  test('describes an argument on hover, and shows signature help for a connector inside ${}', async () => {
    const { document, position } = await open('main:\n  steps:\n    - s:\n        call: googleapis.storage.v1.objects.get\n        args:\n          buc‸ket: b\n          object: o\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(text.startsWith('`bucket` — required path parameter, string, of `googleapis.storage.v1.objects.get`'), text);
    const name = 'googleapis.secretmanager.v1.projects.secrets.versions.accessString';
    const call = await open(`main:\n  steps:\n    - s:\n        return: \${${name}("s", ‸)}\n`);
    const help = await vscode.commands.executeCommand<vscode.SignatureHelp>('vscode.executeSignatureHelpProvider', call.document.uri, call.position);
    assert.deepStrictEqual(
      [help.signatures[0].label, help.activeParameter],
      [`${name}(secret_id, version?, project_id?) → string`, 1],
    );
  });

  test('reports an unknown connector method with a did-you-mean quick fix', async () => {
    const { document } = await open('main:\n  steps:\n    - s:\n        call: googleapis.storage.v1.objects.gett‸\n        args: {bucket: b, object: o}\n');
    await expectDiagnostics(document.uri, [
      {
        code: 'unknown-connector-method',
        range: '3:36-3:48',
        severity: 'error',
        message: messageFor('unknown-connector-method', ['objects.gett', 'googleapis.storage.v1'], 'objects.get'),
      },
    ]);
    const range = new vscode.Range(3, 36, 3, 48);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range);
    assert.deepStrictEqual(actions.map((a) => a.title), ["Change to 'objects.get'"]);
  });
});
