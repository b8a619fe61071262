import * as assert from 'assert';
import * as vscode from 'vscode';
import { lintText } from '../../../../src/core/validate';
import { activateExtension, expectDiagnostics, waitFor } from './helpers';

suite('Editing: New Parent/Child Workflows', () => {
  const base = `itest-${process.pid}`;
  let created: vscode.Uri[] = [];

  suiteSetup(activateExtension);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri, { useTrash: false });
  });

  test('writes a parent and a child that lint clean, and opens the parent', async () => {
    const uris = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('cloudWorkflows.newParentChild', base);
    assert.ok(uris, 'the command wrote nothing');
    created = uris;
    assert.deepStrictEqual(
      uris.map((u) => vscode.workspace.asRelativePath(u)),
      [`${base}-parent.workflows.yaml`, `${base}-child.workflows.yaml`],
    );
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uris[0].toString());
    for (const uri of uris) {
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      assert.deepStrictEqual(lintText(text, { format: 'yaml' }).diagnostics, [], vscode.workspace.asRelativePath(uri));
    }
    const parent = Buffer.from(await vscode.workspace.fs.readFile(uris[0])).toString('utf8');
    assert.ok(parent.includes(`workflow_id: ${base}-child`), parent);
    assert.ok(parent.includes('parent_execution_id: ${sys.get_env("GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID")}'), parent);
    // The editor sees the child in the workspace and the argument the child reads: no warning.
    const linked = await waitFor(
      () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uris[0]),
      (links) => links.length === 1,
      'the link to the child',
    );
    assert.strictEqual(linked[0].target?.with({ fragment: '' }).toString(), uris[1].toString());
    await expectDiagnostics(uris[0], []);
  });

  test('refuses to overwrite existing files', async () => {
    assert.ok(created.length === 2, 'the first test did not create the files');
    const before = Buffer.from(await vscode.workspace.fs.readFile(created[1])).toString('utf8');
    await vscode.workspace.fs.writeFile(created[1], Buffer.from('# edited\n' + before, 'utf8'));
    assert.strictEqual(await vscode.commands.executeCommand('cloudWorkflows.newParentChild', base), undefined);
    assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(created[1])).toString('utf8'), '# edited\n' + before);
  });

  test('rejects a base name that is not lowercase letters, digits and hyphens', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('cloudWorkflows.newParentChild', 'Bad_Name'), undefined);
  });
});
