import * as assert from 'assert';
import * as vscode from 'vscode';
import { messageFor } from '../../../../src/core/validate/messages';
import { activateExtension, expectDiagnostics, openScratch, removeScratch, scratchFolder, waitFor, withCursor } from './helpers';

const RUN = 'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run';

const CHILD = 'main:\n  params: [args]\n  steps:\n    - init:\n        assign:\n          - iteration: ${args.iteration}\n    - done:\n        return: ${iteration}\n';

/** A parent starting `xw-child` with `{batch: 1}`, and a workflow ID no file has; ‸ on the first ID. */
const PARENT = withCursor(
  `main:\n  steps:\n    - run:\n        call: ${RUN}\n        args:\n          workflow_id: xw-ch‸ild\n          argument:\n            batch: 1\n        result: r\n    - other:\n        call: ${RUN}\n        args:\n          workflow_id: xw-missing\n          argument: {}\n    - done:\n        return: \${r}\n`,
);

suite('Editing: parent and child workflows', () => {
  suiteSetup(activateExtension);
  teardown(removeScratch);

  async function openPair(): Promise<vscode.TextDocument> {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(scratchFolder(), 'xw-child.workflows.yaml'), Buffer.from(CHILD, 'utf8'));
    return openScratch('xw-parent.workflows.yaml', PARENT.text);
  }

  test('warns on an argument without the key the child reads, and on a workflow ID no file has', async () => {
    const document = await openPair();
    await expectDiagnostics(document.uri, [
      { code: 'child-argument-keys', range: '7:12-7:20', severity: 'warning', message: messageFor('child-argument-keys', ['xw-child', 'args', "'iteration'", "'iteration'"]) },
      { code: 'unknown-workflow-id', range: '12:23-12:33', severity: 'warning', message: messageFor('unknown-workflow-id', ['xw-missing']) },
    ]);
  });

  test('goes from workflow_id to the child file, hovers with its parameter, and links to it', async () => {
    const document = await openPair();
    // The index has the child once the unknown-ID warning is the only one about xw-missing.
    await expectDiagnostics(document.uri, [
      { code: 'child-argument-keys', range: '7:12-7:20', severity: 'warning', message: messageFor('child-argument-keys', ['xw-child', 'args', "'iteration'", "'iteration'"]) },
      { code: 'unknown-workflow-id', range: '12:23-12:33', severity: 'warning', message: messageFor('unknown-workflow-id', ['xw-missing']) },
    ]);
    const position = document.positionAt(PARENT.offset);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
    assert.deepStrictEqual(
      locations.map((l) => ('uri' in l ? `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line}` : '')),
      ['editing-scratch/xw-child.workflows.yaml:0'],
    );
    const hoverText = async (): Promise<string> => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    const text = await waitFor(hoverText, (t) => t.includes('**Workflow `xw-child`**'), 'the hover on the child ID');
    assert.ok(text.includes('**Workflow `xw-child`**: `editing-scratch/xw-child.workflows.yaml`'), text);
    assert.ok(text.includes('Reads from `args`: `iteration`'), text);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    assert.deepStrictEqual(
      links.map((l) => `${l.range.start.line}:${l.range.start.character}-${l.range.end.character} ${l.target ? vscode.workspace.asRelativePath(l.target.with({ fragment: '' })) : ''}`),
      ['5:23-31 editing-scratch/xw-child.workflows.yaml'],
    );
  });

  test('clears the warning once the argument passes what the child reads', async () => {
    const document = await openPair();
    await expectDiagnostics(document.uri, [
      { code: 'child-argument-keys', range: '7:12-7:20', severity: 'warning', message: messageFor('child-argument-keys', ['xw-child', 'args', "'iteration'", "'iteration'"]) },
      { code: 'unknown-workflow-id', range: '12:23-12:33', severity: 'warning', message: messageFor('unknown-workflow-id', ['xw-missing']) },
    ]);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(7, 12, 7, 17), 'iteration');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await expectDiagnostics(document.uri, [
      { code: 'unknown-workflow-id', range: '12:23-12:33', severity: 'warning', message: messageFor('unknown-workflow-id', ['xw-missing']) },
    ]);
  });
});
