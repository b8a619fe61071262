import * as assert from 'assert';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as vscode from 'vscode';
import { runApi, waitFor, workspaceFile } from '../run/runHelpers';

type Message = DebugProtocol.ProtocolMessage & { event?: string; command?: string; body?: Record<string, unknown> };

interface Tracked {
  messages: Message[];
  /** The session the tracker saw start (the first one after `track()`). */
  session(): Promise<vscode.DebugSession>;
  /** Stops the session if it still runs, and stops tracking. */
  dispose(): Promise<void>;
}

/** Records every message the adapter sends, through VS Code's own tracker API. */
function track(): Tracked {
  const messages: Message[] = [];
  let tracked: vscode.DebugSession | undefined;
  let ended = false;
  const registration = vscode.debug.registerDebugAdapterTrackerFactory('cloud-workflows', {
    createDebugAdapterTracker: (session) => {
      if (tracked) return undefined;
      tracked = session;
      return { onDidSendMessage: (m: Message) => void messages.push(m), onExit: () => void (ended = true) };
    },
  });
  return {
    messages,
    session: () => waitFor(() => tracked, (s) => s !== undefined, 'the debug session to start') as Promise<vscode.DebugSession>,
    async dispose() {
      registration.dispose();
      if (tracked && !ended) {
        await vscode.debug.stopDebugging(tracked);
        await waitFor(() => ended, (e) => e, 'the adapter to exit');
      }
    },
  };
}

function event(messages: Message[], name: string): Promise<Message> {
  return waitFor(() => messages.find((m) => m.type === 'event' && m.event === name), (m) => m !== undefined, `the "${name}" event`) as Promise<Message>;
}

function output(messages: Message[]): string {
  return messages.filter((m) => m.event === 'output').map((m) => String(m.body?.output)).join('');
}

suite('Debug: workflows in VS Code', () => {
  suiteSetup(async () => {
    await runApi();
  });

  test('stops at a breakpoint, shows the frame, evaluates, and exits 0 with the result', async () => {
    const uri = workspaceFile('hello.workflows.yaml');
    const tracker = track();
    const breakpoint = new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(8, 0)));
    vscode.debug.addBreakpoints([breakpoint]);
    try {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const started = await vscode.debug.startDebugging(folder, { type: 'cloud-workflows', request: 'launch', name: 'Debug hello', program: uri.fsPath, argument: { name: 'Ada' } });
      assert.strictEqual(started, true);
      const stopped = await event(tracker.messages, 'stopped');
      assert.strictEqual(stopped.body?.reason, 'breakpoint');
      const session = await tracker.session();
      assert.strictEqual(session.type, 'cloud-workflows');
      const threadId = stopped.body?.threadId as number;
      const stack = (await session.customRequest('stackTrace', { threadId })) as DebugProtocol.StackTraceResponse['body'];
      // The remote host hands paths back as vscode-remote URIs: compare the file's path.
      assert.deepStrictEqual(
        stack.stackFrames.map((f) => [f.name, f.line, vscode.Uri.parse(f.source?.path ?? '').path]),
        [['main › done', 8, uri.path]],
      );
      const answer = (await session.customRequest('evaluate', { expression: '"Hello, " + name', frameId: stack.stackFrames[0].id, context: 'repl' })) as { result: string };
      assert.strictEqual(answer.result, '"Hello, Ada"');
      const ended = new Promise<void>((resolve) => {
        const sub = vscode.debug.onDidTerminateDebugSession((s) => {
          if (s.id === session.id) {
            sub.dispose();
            resolve();
          }
        });
      });
      await session.customRequest('continue', { threadId });
      const exited = await event(tracker.messages, 'exited');
      assert.strictEqual(exited.body?.exitCode, 0);
      await ended;
      assert.ok(output(tracker.messages).endsWith('result: "Hello, Ada!"\n'), output(tracker.messages));
    } finally {
      vscode.debug.removeBreakpoints([breakpoint]);
      await tracker.dispose();
    }
  });

  test('Debug Workflow stops on entry when the file has no breakpoints, and stopping ends the run', async () => {
    const uri = workspaceFile('hello.workflows.yaml');
    const tracker = track();
    try {
      const started = await vscode.commands.executeCommand<boolean>('cloudWorkflows.debugWorkflow', uri, { argument: '{"name": "Bo"}' });
      assert.strictEqual(started, true);
      const stopped = await event(tracker.messages, 'stopped');
      assert.strictEqual(stopped.body?.reason, 'entry');
      const session = await tracker.session();
      const stack = (await session.customRequest('stackTrace', { threadId: stopped.body?.threadId })) as DebugProtocol.StackTraceResponse['body'];
      assert.deepStrictEqual(stack.stackFrames.map((f) => [f.name, f.line]), [['main › greet', 5]]);
      // Stopping disconnects: the adapter cancels the run and its process exits.
      await tracker.dispose();
    } finally {
      await tracker.dispose();
    }
  });

  test('offers the active workflow file as a dynamic configuration', async () => {
    const uri = workspaceFile('hello.workflows.yaml');
    await vscode.window.showTextDocument(uri);
    const { dynamicConfigurations } = await import('../../../../src/vscode/debug/configurationProvider');
    const configs = await dynamicConfigurations.provideDebugConfigurations?.(undefined);
    assert.deepStrictEqual(configs, [{ type: 'cloud-workflows', request: 'launch', name: 'Debug hello.workflows.yaml', program: uri.fsPath }]);
  });

  test('hovers evaluate the variable path under the mouse inside ${}, and nothing on keys', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('hello.workflows.yaml'));
    const { WorkflowEvaluatableExpressionProvider } = await import('../../../../src/vscode/debug/hoverExpressions');
    const provider = new WorkflowEvaluatableExpressionProvider();
    const at = (line: number, text: string): string | undefined => {
      const character = document.lineAt(line).text.indexOf(text);
      const found = provider.provideEvaluatableExpression(document, new vscode.Position(line, character + 1));
      return found ? (found as vscode.EvaluatableExpression).expression : undefined;
    };
    // Line 7 (0-based 6): `- name: ${default(map.get(args, "name"), "World")}`; line 9: `return: ${"Hello, " + name + "!"}`.
    assert.deepStrictEqual([at(8, 'name +'), at(6, 'args,'), at(8, 'return'), at(6, 'map.get')], ['name', 'args', undefined, 'map']);
  });
});

/** What `cloudWorkflows.testing.inspect` hands over (see src/vscode/testing/index.ts). */
interface TestingInspection {
  controller: vscode.TestController;
  debugProfile: vscode.TestRunProfile;
  results: Map<string, { state: string; messages: { message: string; expected?: string; actual?: string; location?: vscode.Location }[]; output: string[] }>;
}

/** The Testing view's item of a test of hello.workflows.test.yaml (discovery is asynchronous). */
async function testItem(controller: vscode.TestController, name: string): Promise<vscode.TestItem> {
  const file = workspaceFile('hello.workflows.test.yaml');
  return (await waitFor(
    () => {
      let found: vscode.TestItem | undefined;
      controller.items.get(file.toString())?.children.forEach((c) => {
        if (c.label === name) found = c;
      });
      return found;
    },
    (item) => item !== undefined,
    `the Testing view to list "${name}"`,
  )) as vscode.TestItem;
}

suite('Debug: workflow tests in VS Code', () => {
  suiteSetup(async () => {
    await runApi();
  });

  test('launch.json testFile + test stops with the test argument and exits 0', async () => {
    const uri = workspaceFile('hello.workflows.yaml');
    const tracker = track();
    const breakpoint = new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(8, 0)));
    vscode.debug.addBreakpoints([breakpoint]);
    try {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const testFile = workspaceFile('hello.workflows.test.yaml').fsPath;
      const started = await vscode.debug.startDebugging(folder, { type: 'cloud-workflows', request: 'launch', name: 'Debug a test', testFile, test: 'greets by name' });
      assert.strictEqual(started, true);
      const stopped = await event(tracker.messages, 'stopped');
      assert.strictEqual(stopped.body?.reason, 'breakpoint');
      const session = await tracker.session();
      const threadId = stopped.body?.threadId as number;
      const stack = (await session.customRequest('stackTrace', { threadId })) as DebugProtocol.StackTraceResponse['body'];
      const answer = (await session.customRequest('evaluate', { expression: 'name', frameId: stack.stackFrames[0].id, context: 'repl' })) as { result: string };
      assert.strictEqual(answer.result, '"Ada"');
      const ended = new Promise<void>((resolve) => {
        const sub = vscode.debug.onDidTerminateDebugSession((s) => {
          if (s.id === session.id) {
            sub.dispose();
            resolve();
          }
        });
      });
      await session.customRequest('continue', { threadId });
      const verdict = await event(tracker.messages, 'cloudWorkflows.testResult');
      assert.deepStrictEqual(verdict.body, { test: 'greets by name', status: 'passed', messages: [] });
      const exited = await event(tracker.messages, 'exited');
      assert.strictEqual(exited.body?.exitCode, 0);
      await ended;
      assert.ok(output(tracker.messages).endsWith('result: "Hello, Ada!"\ntest "greets by name": passed (the expectations hold)\n'), output(tracker.messages));
    } finally {
      vscode.debug.removeBreakpoints([breakpoint]);
      await tracker.dispose();
    }
  });

  test('the Debug Test profile stops at a breakpoint, then reports the failed expectation', async () => {
    await runApi();
    const { controller, debugProfile, results } = (await vscode.commands.executeCommand('cloudWorkflows.testing.inspect')) as TestingInspection;
    assert.strictEqual(debugProfile.kind, vscode.TestRunProfileKind.Debug);
    assert.strictEqual(debugProfile.label, 'Debug Test');
    const item = await testItem(controller, 'greets the world by default');
    const uri = workspaceFile('hello.workflows.yaml');
    const tracker = track();
    const breakpoint = new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(8, 0)));
    vscode.debug.addBreakpoints([breakpoint]);
    try {
      const run = Promise.resolve(debugProfile.runHandler(new vscode.TestRunRequest([item], undefined, debugProfile), new vscode.CancellationTokenSource().token));
      const stopped = await event(tracker.messages, 'stopped');
      assert.strictEqual(stopped.body?.reason, 'breakpoint');
      const session = await tracker.session();
      assert.deepStrictEqual([session.configuration.testFile, session.configuration.test], [workspaceFile('hello.workflows.test.yaml').fsPath, 'greets the world by default']);
      const threadId = stopped.body?.threadId as number;
      const stack = (await session.customRequest('stackTrace', { threadId })) as DebugProtocol.StackTraceResponse['body'];
      const answer = (await session.customRequest('evaluate', { expression: 'name', frameId: stack.stackFrames[0].id, context: 'repl' })) as { result: string };
      assert.strictEqual(answer.result, '"World"');
      await session.customRequest('continue', { threadId });
      await run;
      const exited = await event(tracker.messages, 'exited');
      assert.strictEqual(exited.body?.exitCode, 0);
      const result = results.get(item.id);
      assert.strictEqual(result?.state, 'failed');
      assert.deepStrictEqual(
        result.messages.map((m) => [m.message, m.expected, m.actual, m.location?.range.start.line]),
        [['result differs:\n  $: expected "Hello, Earth!", got "Hello, World!"', '"Hello, Earth!"', '"Hello, World!"', 5]],
      );
      assert.ok(result.output.join('').endsWith('expectation failed: result differs:\r\n  $: expected "Hello, Earth!", got "Hello, World!"\r\n'), result.output.join(''));
    } finally {
      vscode.debug.removeBreakpoints([breakpoint]);
      await tracker.dispose();
    }
  });
});
