import * as assert from 'node:assert/strict';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as path from 'node:path';
import { FIXTURES, collectOutput, fixture, launch, stackOf, topFrameId, variablesOf, withAdapter } from './harness';

const GREETER = fixture('greeter');
const GREETER_TESTS = path.join(FIXTURES, 'greeter.workflows.test.yaml');
const FILE_MOCK_TEST = "greets the user the file's mock names";
const TEST_MOCK_TEST = "greets the user this test's mock names";
const FAILING_TEST = 'expects a greeting it does not get';

interface TestResultEvent extends DebugProtocol.Event {
  body: { test: string; status: string; messages: { message: string; expected?: string; actual?: string }[] };
}

describe('dap: debugging a workflow test (testFile + test)', () => {
  const adapter = withAdapter();

  async function launchError(args: Record<string, unknown>): Promise<string> {
    await adapter.dc.initializeRequest();
    try {
      await adapter.dc.launchRequest(args as DebugProtocol.LaunchRequestArguments);
      return 'launched';
    } catch (e) {
      return (e as Error).message;
    }
  }

  async function evaluate(threadId: number, expression: string): Promise<string> {
    const frameId = await topFrameId(adapter.dc, threadId);
    return (await adapter.dc.evaluateRequest({ expression, frameId, context: 'repl' })).body.result;
  }

  /** Launches, stops at `done` (line 13), and returns the stopped thread. */
  async function stopAtDone(args: Record<string, unknown>): Promise<number> {
    const { breakpoints, firstStop } = await launch(adapter.dc, { args, breakpoints: [{ file: GREETER, breakpoints: [{ line: 13 }] }] });
    assert.deepEqual(breakpoints[0].map((b) => [b.verified, b.line]), [[true, 13]]);
    const stop = await firstStop;
    assert.equal(stop.body.reason, 'breakpoint');
    return stop.body.threadId;
  }

  /**
   * The end of the run — the verdict event, the exit code and the Debug Console text — waited
   * for from now on (register before the run can end).
   */
  function endOfRun(output: { text(category?: string): string }): Promise<{ verdict: TestResultEvent['body']; exitCode: number; console: string }> {
    const verdict = adapter.dc.waitForEvent('cloudWorkflows.testResult') as Promise<TestResultEvent>;
    const exited = adapter.dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    return Promise.all([verdict, exited]).then(([v, e]) => ({ verdict: v.body, exitCode: e.body.exitCode, console: output.text() }));
  }

  async function runToEnd(threadId: number, output: { text(category?: string): string }): Promise<{ verdict: TestResultEvent['body']; exitCode: number; console: string }> {
    const end = endOfRun(output);
    await adapter.dc.continueRequest({ threadId });
    return end;
  }

  it("stops with the test's argument, the file's mock answering http.get, the test's env and virtual now, and passes", async () => {
    const output = collectOutput(adapter.dc);
    const thread = await stopAtDone({ testFile: GREETER_TESTS, test: FILE_MOCK_TEST });
    assert.deepEqual(await variablesOf(adapter.dc, thread), [
      'args = {"user": "u-1"}',
      'response = {"body": {...}, "code": 200, "headers": {...}}',
      'region = "europe-west1"',
      'started = 1903852800.0',
    ]);
    assert.equal(await evaluate(thread, 'response.body.name'), '"Grace"');
    assert.equal(await evaluate(thread, 'time.format(started)'), '"2030-05-01T08:00:00Z"');
    const end = await runToEnd(thread, output);
    assert.deepEqual(end.verdict, { test: FILE_MOCK_TEST, status: 'passed', messages: [] });
    assert.equal(end.exitCode, 0);
    assert.equal(
      end.console,
      'result: {\n  "greeting": "Hello, Grace",\n  "region": "europe-west1",\n  "started": 1903852800\n}\n' +
        `test "${FILE_MOCK_TEST}": passed (the expectations hold)\n`,
    );
  });

  it("answers with the test's own mock before the file's", async () => {
    const thread = await stopAtDone({ testFile: GREETER_TESTS, test: TEST_MOCK_TEST });
    assert.equal(await evaluate(thread, 'args.user'), '"u-2"');
    assert.equal(await evaluate(thread, 'response.body.name'), '"Linus"');
  });

  it("lets an explicit argument and env replace the test's, and prints the expectation that then fails", async () => {
    const output = collectOutput(adapter.dc);
    const thread = await stopAtDone({ program: GREETER, testFile: GREETER_TESTS, test: TEST_MOCK_TEST, argument: { user: 'u-9' }, env: { REGION: 'asia-east1' } });
    // u-9 is not the URL the test's mock names, so the file's mock answers.
    assert.deepEqual((await variablesOf(adapter.dc, thread)).slice(0, 3), ['args = {"user": "u-9"}', 'response = {"body": {...}, "code": 200, "headers": {...}}', 'region = "asia-east1"']);
    assert.equal(await evaluate(thread, 'response.body.name'), '"Grace"');
    const end = await runToEnd(thread, output);
    const failure = 'result_includes differs:\n  $.greeting: expected "Hello, Linus", got "Hello, Grace"';
    assert.deepEqual(end.verdict, { test: TEST_MOCK_TEST, status: 'failed', messages: [{ message: failure, expected: '{\n  "greeting": "Hello, Linus"\n}', actual: '{\n  "greeting": "Hello, Grace"\n}' }] });
    assert.equal(end.exitCode, 0);
    assert.ok(end.console.endsWith(`test "${TEST_MOCK_TEST}": failed\nexpectation failed: ${failure}\n`), end.console);
  });

  it('reports a failed expectation in the Debug Console while the run itself succeeds (exit code 0)', async () => {
    const output = collectOutput(adapter.dc);
    const ended = endOfRun(output);
    const { firstStop } = await launch(adapter.dc, { args: { testFile: GREETER_TESTS, test: FAILING_TEST } });
    // The run ends without stopping.
    void firstStop.catch(() => undefined);
    const end = await ended;
    const failure = 'result_includes differs:\n  $.greeting: expected "Hello, Ada", got "Hello, Grace"';
    assert.deepEqual(end.verdict, { test: FAILING_TEST, status: 'failed', messages: [{ message: failure, expected: '{\n  "greeting": "Hello, Ada"\n}', actual: '{\n  "greeting": "Hello, Grace"\n}' }] });
    assert.equal(end.exitCode, 0);
    assert.equal(output.text('stderr'), `test "${FAILING_TEST}": failed\nexpectation failed: ${failure}\n`);
  });

  it('stops the run at an unmocked call with the message and mock `cloud-workflows test` gives, and exits 1', async () => {
    const output = collectOutput(adapter.dc);
    const ended = endOfRun(output);
    const { firstStop } = await launch(adapter.dc, { args: { testFile: path.join(FIXTURES, 'unmocked.workflows.test.yaml'), test: 'calls an API no mock answers' } });
    // The run ends without stopping.
    void firstStop.catch(() => undefined);
    const end = await ended;
    const message =
      'Step "ask" calls http.post with args {"url":"https://api.example.com/v1/things","body":{"a":1}}, and no mock answers it (a test never reaches the network). Add a mock:\n' +
      '  - call: http.post\n    step: ask\n    args:\n      url: https://api.example.com/v1/things\n    response:\n      code: 200\n      body: {}';
    assert.deepEqual(end.verdict, { test: 'calls an API no mock answers', status: 'failed', messages: [{ message }] });
    assert.equal(end.exitCode, 1);
    assert.ok(end.console.endsWith(`test "calls an API no mock answers": failed\nunmocked call: ${message}\n`), end.console);
    assert.ok(end.console.startsWith('error: {\n  "message": "Step \\"ask\\" calls http.post'), end.console);
  });

  it('stops at the step of the unmocked call when "Uncaught errors" is on, with the message as the reason', async () => {
    const { firstStop } = await launch(adapter.dc, {
      args: { testFile: path.join(FIXTURES, 'unmocked.workflows.test.yaml'), test: 'calls an API no mock answers' },
      exceptions: [{ filterId: 'uncaught' }],
    });
    const stop = await firstStop;
    assert.deepEqual([stop.body.reason, stop.body.description], ['exception', 'Uncaught error']);
    assert.ok(stop.body.text?.startsWith('UnmockedCallError: Step "ask" calls http.post with args'), stop.body.text);
    assert.deepEqual(await stackOf(adapter.dc, stop.body.threadId), [{ name: 'main › ask', line: 3, file: 'unmocked.workflows.yaml' }]);
  });

  it('gives a stopped test no verdict', async () => {
    const output = collectOutput(adapter.dc);
    await stopAtDone({ testFile: GREETER_TESTS, test: FILE_MOCK_TEST });
    const verdict = adapter.dc.waitForEvent('cloudWorkflows.testResult') as Promise<TestResultEvent>;
    await adapter.dc.send('terminate', {});
    assert.deepEqual((await verdict).body, { test: FILE_MOCK_TEST, status: 'cancelled', messages: [{ message: 'The debug session was stopped before the test finished.' }] });
    assert.ok(output.text().endsWith(`test "${FILE_MOCK_TEST}": not finished (the session was stopped)\n`), output.text());
  });

  it('runs the children beside the tested workflow under the debugger, stopping in one, and passes', async () => {
    const examples = path.resolve(__dirname, '..', '..', '..', 'examples', 'parent-child');
    const child = path.join(examples, 'workflow-child.yaml');
    const output = collectOutput(adapter.dc);
    const ended = endOfRun(output);
    const { breakpoints, firstStop } = await launch(adapter.dc, {
      args: { testFile: path.join(examples, 'workflow-parent.test.yaml'), test: 'runs four real children, two succeed and two fail' },
      breakpoints: [{ file: child, breakpoints: [{ line: 19, condition: 'iteration == 3' }] }],
    });
    assert.deepEqual(breakpoints[0].map((b) => [b.verified, b.line]), [[true, 19]]);
    const stop = await firstStop;
    assert.deepEqual([await evaluate(stop.body.threadId, 'args.iteration'), await evaluate(stop.body.threadId, 'iteration')], ['3', '3']);
    assert.equal((await stackOf(adapter.dc, stop.body.threadId))[0].file, 'workflow-child.yaml');
    await adapter.dc.continueRequest({ threadId: stop.body.threadId });
    const end = await ended;
    assert.deepEqual(end.verdict, { test: 'runs four real children, two succeed and two fail', status: 'passed', messages: [] });
    assert.equal(end.exitCode, 0);
  });

  it('answers an unknown test name with the names the file has', async () => {
    assert.equal(
      await launchError({ testFile: GREETER_TESTS, test: 'nope' }),
      'The test "nope" cannot run:\n' +
        `${GREETER_TESTS}:1:1: error test-unknown-test No test is named 'nope'.\n` +
        `Its tests: "${FILE_MOCK_TEST}", "${TEST_MOCK_TEST}", "${FAILING_TEST}".`,
    );
  });

  it("answers a malformed test file with its problems at file:line:col, as `cloud-workflows test` prints them", async () => {
    const file = path.join(FIXTURES, 'malformed.workflows.test.yaml');
    assert.equal(
      await launchError({ testFile: file, test: 'has an unknown key' }),
      'The test "has an unknown key" cannot run:\n' +
        `${file}:5:5: error test-unknown-key Unknown key 'expectt' in a test; expected one of: name, argument, mocks, expect.\n` +
        `${file}:6:5: error test-missing-key A test needs 'name'.`,
    );
  });

  it('refuses a program that is not the workflow the test file tests', async () => {
    const other = fixture('basics');
    assert.equal(
      await launchError({ program: other, testFile: GREETER_TESTS, test: FILE_MOCK_TEST }),
      `"program" (${other}) is not the workflow the test file tests (${GREETER}): leave "program" out or name the same file.`,
    );
  });

  it('refuses a test file that does not exist', async () => {
    assert.equal(await launchError({ testFile: '/nowhere/x.test.yaml', test: 'a' }), '"testFile" does not exist: /nowhere/x.test.yaml');
  });
});
