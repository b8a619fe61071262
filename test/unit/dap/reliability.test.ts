import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { parseHitCondition, parseLogMessage } from '../../../src/dap/breakpoints';
import { LaunchError, parseLaunchArgs } from '../../../src/dap/launchArgs';
import { fixture, launch, startAdapter, withAdapter } from './harness';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('dap: malformed launch arguments', () => {
  const adapter = withAdapter();
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-dap-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function launchError(args: unknown): Promise<string> {
    await adapter.dc.initializeRequest();
    try {
      await adapter.dc.launchRequest(args as DebugProtocol.LaunchRequestArguments);
      return 'launched';
    } catch (e) {
      return (e as Error).message;
    }
  }

  const BASICS = fixture('basics');
  const cases: [string, unknown, string][] = [
    ['no program', {}, '"program" is required: the path of the workflow file to debug (or give "testFile" and "test").'],
    ['a program that is not a workflow file', { program: path.join(ROOT, 'package-lock.json.txt') }, `"program" must be a workflow file (.yaml, .yml or .json): ${path.join(ROOT, 'package-lock.json.txt')}`],
    ['a missing program', { program: '/nowhere/x.yaml' }, '"program" does not exist: /nowhere/x.yaml'],
    ['a wrong stopOnEntry', { program: BASICS, stopOnEntry: 'yes' }, '"stopOnEntry" must be true or false.'],
    ['a wrong clock', { program: BASICS, clock: 'fast' }, '"clock" must be "virtual" or "real", got "fast".'],
    ['env values that are not strings', { program: BASICS, env: { A: 1 } }, '"env.A" must be a string.'],
    ['workflows that are not a list', { program: BASICS, workflows: { a: 1 } }, '"workflows" must be a list of workflow files or folders.'],
    ['a missing workflows folder', { program: BASICS, workflows: ['/nowhere'] }, '"workflows" lists a path that does not exist: /nowhere'],
    ['argumentJson that is not JSON', { program: BASICS, argumentJson: '{"a": ' }, '"argumentJson" is not valid JSON: Unexpected end of JSON input'],
    ['a test without its file', { program: BASICS, test: 'x' }, '"testFile" and "test" go together: the test file and the name of one of its tests.'],
  ];
  for (const [what, args, message] of cases) {
    it(`answers ${what} with one clear sentence`, async () => {
      assert.equal(await launchError(args), message);
    });
  }

  it('answers a program that does not deploy with its problems, and the session stays usable', async () => {
    const broken = path.join(tmp, 'broken.workflows.yaml');
    fs.writeFileSync(broken, 'main:\n  steps:\n    - a:\n        next: nowhere\n');
    const message = await launchError({ program: broken });
    assert.match(message, /^.*broken\.workflows\.yaml: .*\n.*broken\.workflows\.yaml:4:/);
    const threads = await adapter.dc.threadsRequest();
    assert.deepEqual(threads.body.threads, [{ id: 1, name: 'main' }]);
  });
});

describe('dap: malformed protocol messages', () => {
  it('answers requests without their arguments, unknown commands and bad references with errors', async () => {
    const adapter = await startAdapter();
    try {
      const { dc } = adapter;
      const { firstStop } = await launch(dc, { args: { program: fixture('basics'), argument: { name: 'Ada' }, stopOnEntry: true } });
      await firstStop;
      const error = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: Error) => e.message);
      assert.match(await error(dc.customRequest('setBreakpoints')), /^Malformed "setBreakpoints" request: /);
      assert.equal(await error(dc.customRequest('fly')), 'unrecognized request');
      assert.equal(await error(dc.variablesRequest({ variablesReference: 999 })), 'These variables are no longer available: the workflow has moved on.');
      assert.equal(await error(dc.stackTraceRequest({ threadId: 42 })), 'No running thread 42.');
      assert.equal(await error(dc.evaluateRequest({ expression: '1 + 1' })), 'Evaluating needs a stopped step: pause the workflow or stop at a breakpoint first.');
      // Still alive and answering.
      assert.deepEqual((await dc.threadsRequest()).body.threads.map((t) => t.name), ['main']);
    } finally {
      await adapter.close();
    }
  });

  it('survives bytes that are not JSON on stdin and keeps answering', async function () {
    this.timeout(30_000);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'main.ts'), 'dap'], { cwd: ROOT });
    try {
      const replies = reader(child);
      child.stdin.write('Content-Length: 5\r\n\r\n{nope');
      child.stdin.write(frame({ seq: 1, type: 'request', command: 'initialize', arguments: { adapterID: 'cloud-workflows', pathFormat: 'path' } }));
      const first = await replies.next();
      const second = await replies.next();
      const [event, response] = first.type === 'event' ? [first, second] : [second, first];
      assert.equal(event.event, 'output');
      assert.match(String((event.body as { output: string }).output), /^cloud-workflows dap: ignored a malformed message \(.*JSON.*\)\n$/);
      assert.deepEqual([response.type, response.command, response.success], ['response', 'initialize', true]);
      child.stdin.write(frame({ seq: 2, type: 'request', command: 'disconnect', arguments: {} }));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 0);
    } finally {
      child.kill();
    }
  });
});

describe('dap: stopping cleanly', () => {
  it('cancels a stopped execution and its sleeping child on disconnect, leaving no timer behind', async () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const adapter = await startAdapter();
    const baseline = timers();
    const { dc } = adapter;
    await launch(dc, { args: { program: fixture('sleepy-parent'), clock: 'real' } });
    const deadline = Date.now() + 10_000;
    while (timers() <= baseline && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    assert.ok(timers() > baseline, 'the child is sleeping on a real timer');
    await adapter.close();
    assert.equal(timers(), baseline);
  });
});

describe('dap: parsers never throw', () => {
  it('launch arguments: any JSON value gives arguments or a LaunchError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        try {
          parseLaunchArgs(raw);
        } catch (e) {
          if (!(e instanceof LaunchError)) throw e;
        }
      }),
    );
  });

  it('test files: any text in testFile gives arguments or a LaunchError', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-dap-fuzz-'));
    const greeterTests = fs.readFileSync(path.join(__dirname, 'fixtures', 'greeter.workflows.test.yaml'), 'utf8');
    fs.copyFileSync(path.join(__dirname, 'fixtures', 'greeter.workflows.yaml'), path.join(dir, 'greeter.workflows.yaml'));
    const testFile = path.join(dir, 'greeter.workflows.test.yaml');
    // Real test files cut and spliced at random points, and arbitrary text.
    const text = fc.oneof(
      fc.string(),
      fc.tuple(fc.nat(greeterTests.length), fc.nat(greeterTests.length), fc.string()).map(([a, b, insert]) => greeterTests.slice(0, Math.min(a, b)) + insert + greeterTests.slice(Math.max(a, b))),
    );
    try {
      fc.assert(
        fc.property(text, fc.constantFrom("greets the user the file's mock names", 'nope'), (content, test) => {
          fs.writeFileSync(testFile, content);
          try {
            const args = parseLaunchArgs({ testFile, test });
            assert.equal(path.dirname(args.program), dir);
          } catch (e) {
            if (!(e instanceof LaunchError)) throw e;
          }
        }),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('log messages and hit counts: any text gives a result or a message', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const log = parseLogMessage(text);
        const hit = parseHitCondition(text);
        return (typeof log === 'string' || Array.isArray(log)) && (typeof hit === 'string' || typeof hit.count === 'number');
      }),
    );
  });
});

function frame(message: object): string {
  const json = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
}

interface Message {
  type: string;
  command?: string;
  event?: string;
  success?: boolean;
  body?: unknown;
}

/** Reads DAP messages from a child's stdout, one `next()` at a time. */
function reader(child: ChildProcessWithoutNullStreams): { next(): Promise<Message> } {
  let buffer = Buffer.alloc(0);
  const ready: Message[] = [];
  const waiting: ((m: Message) => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) break;
      const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, header).toString())?.[1]);
      if (buffer.length < header + 4 + length) break;
      const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString()) as Message;
      buffer = buffer.subarray(header + 4 + length);
      const waiter = waiting.shift();
      if (waiter) waiter(message);
      else ready.push(message);
    }
  });
  return { next: () => new Promise((resolve) => (ready.length > 0 ? resolve(ready.shift() as Message) : waiting.push(resolve))) };
}
