import * as assert from 'assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runApi } from '../run/runHelpers';

/** What `cloudWorkflows.testing.inspect` hands over (see src/vscode/testing/index.ts). */
interface Inspection {
  controller: vscode.TestController;
  runProfile: vscode.TestRunProfile;
  coverageProfile: vscode.TestRunProfile;
  results: Map<string, { state: string; messages: { message: string; expected?: string; actual?: string; location?: vscode.Location }[]; output: string[] }>;
  coverage: Map<string, vscode.StatementCoverage[]>;
}

const WORKSPACE = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const TEST_FILE = path.join(WORKSPACE, 'hello.workflows.test.yaml');

async function inspection(): Promise<Inspection> {
  await runApi();
  return (await vscode.commands.executeCommand('cloudWorkflows.testing.inspect')) as Inspection;
}

/** Polls until the controller lists the fixture's test file (discovery is asynchronous). */
async function fileItem(controller: vscode.TestController): Promise<vscode.TestItem> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const item = controller.items.get(vscode.Uri.file(TEST_FILE).toString());
    if (item && item.children.size === 2) return item;
    if (Date.now() > deadline) throw new Error('the Testing view never listed hello.workflows.test.yaml');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function children(item: vscode.TestItem): vscode.TestItem[] {
  const out: vscode.TestItem[] = [];
  item.children.forEach((c) => out.push(c));
  return out;
}

suite('Testing view: workflow tests', () => {
  test('lists the test file and its tests at their name lines', async () => {
    const { controller } = await inspection();
    const file = await fileItem(controller);
    assert.deepStrictEqual(
      children(file).map((c) => [c.label, c.range?.start.line, c.range?.start.character]),
      [
        ['greets by name', 2, 10],
        ['greets the world by default', 5, 10],
      ],
    );
  });

  test('runs the file: one test passes, the other fails with expected versus actual at the test and at the step', async () => {
    const { controller, runProfile, results } = await inspection();
    const file = await fileItem(controller);
    await runProfile.runHandler(new vscode.TestRunRequest([file]), new vscode.CancellationTokenSource().token);
    const [byName, byDefault] = children(file);
    assert.strictEqual(results.get(byName.id)?.state, 'passed');
    const failed = results.get(byDefault.id);
    assert.strictEqual(failed?.state, 'failed');
    assert.deepStrictEqual(
      failed.messages.map((m) => [m.message, m.expected, m.actual, m.location && path.basename(m.location.uri.fsPath), m.location?.range.start.line]),
      [
        ['result differs:\n  $: expected "Hello, Earth!", got "Hello, World!"\nThe run ended at step "done" (hello.workflows.yaml:8:7).', '"Hello, Earth!"', '"Hello, World!"', 'hello.workflows.test.yaml', 5],
        ['The run ended here, at step "done": result differs:', undefined, undefined, 'hello.workflows.yaml', 7],
      ],
    );
  });

  test('a coverage run reports every step of the workflow with its count', async () => {
    const { controller, coverageProfile, coverage } = await inspection();
    const file = await fileItem(controller);
    await coverageProfile.runHandler(new vscode.TestRunRequest([children(file)[0]]), new vscode.CancellationTokenSource().token);
    const steps = coverage.get(path.join(WORKSPACE, 'hello.workflows.yaml'));
    assert.deepStrictEqual(
      steps?.map((s) => [(s.location as vscode.Position).line, s.executed]),
      [
        [4, 1],
        [7, 1],
      ],
    );
  });
});
