import * as assert from 'assert';
import * as vscode from 'vscode';
import { messageFor } from '../../../../src/core/validate/messages';
import { activateExtension, expectDiagnostics, openScratch, rangeText, removeScratch, seenDiagnostics, waitFor } from './helpers';

const BAD_NEXT = `main:
  steps:
    - first:
        next: secnd
    - second:
        return: 1
`;

const DUPLICATE = `main:
  steps:
    - init:
        assign:
          - x: 1
    - init:
        return: \${x}
`;

const KUBERNETES = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: nginx
`;

suite('Editing: diagnostics', () => {
  suiteSetup(activateExtension);
  teardown(removeScratch);

  test('reports an unknown next target with its exact range, code and did-you-mean', async () => {
    const document = await openScratch('bad-next.workflows.yaml', BAD_NEXT);
    await expectDiagnostics(document.uri, [
      { code: 'unknown-next-target', range: '3:14-3:19', severity: 'error', message: messageFor('unknown-next-target', ['secnd', 'main'], 'second') },
      { code: 'unreachable-step', range: '4:6-4:12', severity: 'warning', message: messageFor('unreachable-step', ['second']) },
    ]);
  });

  test('maps related information to locations in the same document', async () => {
    const document = await openScratch('duplicate.workflows.yaml', DUPLICATE);
    await expectDiagnostics(document.uri, [
      { code: 'duplicate-step-name', range: '5:6-5:10', severity: 'error', message: messageFor('duplicate-step-name', ['init', 'main']) },
    ]);
    const [diagnostic] = vscode.languages.getDiagnostics(document.uri);
    assert.deepStrictEqual(
      diagnostic.relatedInformation?.map((r) => [r.location.uri.toString(), rangeText(r.location.range), r.message]),
      [[document.uri.toString(), '2:6-2:10', "First step named 'init'."]],
    );
  });

  test('follows edits and keeps only the diagnostics of the latest text', async () => {
    const document = await openScratch('edits.workflows.yaml', BAD_NEXT);
    await waitFor(() => seenDiagnostics(document.uri).length, (n) => n === 2, 'the first diagnostics');
    const editor = await vscode.window.showTextDocument(document);
    const typo = new vscode.Range(3, 14, 3, 19);
    await editor.edit((e) => e.replace(typo, 'se'));
    await editor.edit((e) => e.replace(new vscode.Range(3, 14, 3, 16), 'second'));
    await expectDiagnostics(document.uri, []);
  });

  test('checks workflows named by content but leaves a Kubernetes manifest alone', async () => {
    const kubernetes = await openScratch('deployment.yaml', KUBERNETES);
    const workflow = await openScratch('by-content.yaml', BAD_NEXT);
    await waitFor(() => seenDiagnostics(workflow.uri).length, (n) => n === 2, 'diagnostics of the workflow opened second');
    assert.deepStrictEqual(seenDiagnostics(kubernetes.uri), []);
  });

  test('clears diagnostics when validation is turned off and restores them when it is back on', async () => {
    const document = await openScratch('toggle.workflows.yaml', BAD_NEXT);
    await waitFor(() => seenDiagnostics(document.uri).length, (n) => n === 2, 'diagnostics before turning validation off');
    const config = vscode.workspace.getConfiguration('cloudWorkflows');
    await config.update('validation.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await expectDiagnostics(document.uri, []);
    } finally {
      await config.update('validation.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => seenDiagnostics(document.uri).length, (n) => n === 2, 'diagnostics after turning validation back on');
  });

  test('checks files matched by a workspace-relative cloudWorkflows.files glob', async () => {
    // Not a workflow by name nor by content (no step keyword): only the glob makes it one.
    const document = await openScratch('globbed/steps.yaml', '- first:\n    cal: sys.log\n');
    await expectDiagnostics(document.uri, []);
    const config = vscode.workspace.getConfiguration('cloudWorkflows');
    await config.update('files', ['editing-scratch/globbed/*.yaml'], vscode.ConfigurationTarget.Workspace);
    try {
      await expectDiagnostics(document.uri, [
        { code: 'unknown-key', range: '1:4-1:7', severity: 'error', message: messageFor('unknown-key', ['cal', 'a step'], 'call') },
      ]);
    } finally {
      await config.update('files', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await expectDiagnostics(document.uri, []);
  });
});
