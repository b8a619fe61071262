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

suite('Testing view: editing test files', () => {
  const scratch = vscode.Uri.file(path.join(WORKSPACE, 'scratch.workflows.test.yaml'));
  const text = `workflow: hello.workflows.yaml
mocks:
  - call: sys.nap
    step: gret
    returns: 1
  - call: sys.log
    step: greet
    returns: null
tests:
  - name: t
    expcet: {}
`;

  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(scratch, new TextEncoder().encode(text));
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(scratch);
  });

  test('reports unknown keys, call targets and steps as diagnostics', async () => {
    await runApi();
    const deadline = Date.now() + 15_000;
    let found: string[] = [];
    while (Date.now() < deadline) {
      found = vscode.languages.getDiagnostics(scratch).map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);
      if (found.length >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepStrictEqual(found, ['10:4 test-unknown-key', '2:10 test-unknown-call-target', '3:10 test-unknown-step']);
  });

  test('completes step names of the tested workflow after step:', async () => {
    await runApi();
    const document = await vscode.workspace.openTextDocument(scratch);
    const list = (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(6, 10))) as vscode.CompletionList;
    const labels = list.items.filter((i) => i.detail === 'step of the tested workflow').map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepStrictEqual(labels.sort(), ['done', 'greet']);
  });
});

suite('Testing view: the wf-test snippet', () => {
  const fresh = vscode.Uri.file(path.join(WORKSPACE, 'fresh.workflows.test.yaml'));

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fresh);
  });

  test('is offered in an empty test file', async () => {
    await runApi();
    await vscode.workspace.fs.writeFile(fresh, new TextEncoder().encode('wf'));
    const document = await vscode.workspace.openTextDocument(fresh);
    const list = (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 2))) as vscode.CompletionList;
    const snippet = list.items.find((i) => i.label === 'wf-test');
    assert.ok(snippet, 'wf-test was not offered');
    assert.match((snippet.insertText as vscode.SnippetString).value, /^# Tests of \$\{1:my-workflow\}\.workflows\.yaml/);
  });
});

suite('Testing view: writing tests', () => {
  const helloTests = vscode.Uri.file(TEST_FILE);
  const genWorkflow = vscode.Uri.file(path.join(WORKSPACE, 'gen.workflows.yaml'));
  const genTests = vscode.Uri.file(path.join(WORKSPACE, 'gen.workflows.test.yaml'));
  let original: Uint8Array = new Uint8Array();

  suiteSetup(async () => {
    original = await vscode.workspace.fs.readFile(helloTests);
    await vscode.workspace.fs.writeFile(
      genWorkflow,
      new TextEncoder().encode('main:\n  params: [n]\n  steps:\n    - fetch:\n        call: http.get\n        args: {url: "https://x.test"}\n    - check:\n        switch:\n          - condition: ${n > 1}\n            raise: too big\n    - done:\n        return: ${n}\n'),
    );
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(helloTests, original);
    for (const uri of [genWorkflow, genTests]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('Generate Tests writes one test per ending with stubs for the external calls', async () => {
    await runApi();
    const written = (await vscode.commands.executeCommand('cloudWorkflows.generateTests', genWorkflow)) as vscode.Uri | undefined;
    assert.strictEqual(written?.fsPath, genTests.fsPath);
    assert.strictEqual(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(genTests)),
      `# Tests of gen.workflows.yaml, generated: one per way main can end. Set each argument,
# fill in the mocks, and add result or error expectations.
workflow: gen.workflows.yaml
mocks:  # stubs for every external call: fill in what each returns
  - call: http.get
    step: fetch
    response:
      code: 200
      body: {}
tests:
  - name: ends at check
    argument: null  # an argument that leads to check
    expect:
      state: FAILED
      steps: [check]
  - name: ends at done
    argument: null  # an argument that leads to done
    expect:
      state: SUCCEEDED
      steps: [done]
`,
    );
  });

  test('Create Test from Execution appends a test that reproduces the run, and it passes', async () => {
    const { controller, runProfile, results } = await inspection();
    const execution = (await vscode.commands.executeCommand('cloudWorkflows.runWorkflow', vscode.Uri.file(path.join(WORKSPACE, 'hello.workflows.yaml')), { argument: '{"name": "Grace"}' })) as
      | { executionId: string; state: string }
      | undefined;
    assert.strictEqual(execution?.state, 'SUCCEEDED');
    const written = (await vscode.commands.executeCommand('cloudWorkflows.createTestFromExecution', { info: execution })) as vscode.Uri | undefined;
    assert.strictEqual(written?.fsPath, helloTests.fsPath);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(helloTests));
    assert.strictEqual(
      text.slice(new TextDecoder().decode(original).length),
      `  - name: reproduces execution ${execution.executionId}\n    argument:\n      name: Grace\n    expect:\n      state: SUCCEEDED\n      result: Hello, Grace!\n`,
    );
    const deadline = Date.now() + 15_000;
    let item: vscode.TestItem | undefined;
    while (!item && Date.now() < deadline) {
      item = children(await fileItem3(controller)).find((c) => c.label === `reproduces execution ${execution.executionId}`);
      if (!item) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(item, 'the new test never appeared in the Testing view');
    await runProfile.runHandler(new vscode.TestRunRequest([item]), new vscode.CancellationTokenSource().token);
    assert.strictEqual(results.get(item.id)?.state, 'passed');
  });
});

/** The hello test file's item once it has three tests. */
async function fileItem3(controller: vscode.TestController): Promise<vscode.TestItem> {
  const item = controller.items.get(vscode.Uri.file(TEST_FILE).toString());
  if (!item) throw new Error('hello.workflows.test.yaml is not listed');
  return item;
}
