import * as assert from 'assert';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cloud-workflows-toolkit.cloud-workflows-toolkit';

interface Manifest {
  contributes: { commands: { command: string }[] };
}

suite('Smoke: the extension in a real VS Code', () => {
  test('is installed from the development path and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  test('registers every command its manifest contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    const contributed = (extension.packageJSON as Manifest).contributes.commands.map((c) => c.command).sort();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(
      contributed.filter((command) => !registered.has(command)),
      [],
      'contributed commands without a handler',
    );
  });

  test('opens the test workspace with its workflow fixtures', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.file(path.join(folder.uri.fsPath, 'hello.workflows.yaml'));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.languageId, 'yaml');
    assert.strictEqual(document.lineAt(1).text, 'main:');
  });
});
