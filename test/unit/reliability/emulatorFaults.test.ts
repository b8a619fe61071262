import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulatorProcess } from './emulatorProcess';
import type { EmulatorProcess } from './emulatorProcess';
import { NORMAL_WORKFLOW, PARENT, deployOverRest, eventually, rest, runOverRest } from './helpers';

const SLEEPER = `
main:
  steps:
    - wait:
        call: sys.sleep
        args:
          seconds: 3600
    - done:
        return: "woke up"
`;

const INTERRUPTED = 50;
const CLIENTS = 200;

/** Connects to host:port; resolves with the socket error code, or 'connected'. */
function connect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/**
 * The emulator process under faults: killed with SIGKILL while 50 executions sleep, restarted on
 * the same data directory, a truncated data file, 200 concurrent clients, and bad requests.
 */
describe('reliability: the emulator process under faults', function () {
  this.timeout(180_000);
  let dataDir: string;
  let emulator: EmulatorProcess | undefined;
  const finished: { name: string; result: string }[] = [];
  let sleeping: string[] = [];

  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-reliability-'));
  });

  after(async () => {
    if (emulator && emulator.child.exitCode === null && emulator.child.signalCode === null) {
      emulator.child.kill('SIGTERM');
      await emulator.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only by default', async () => {
    emulator = await startEmulatorProcess(['--data-dir', dataDir]);
    const url = new URL(emulator.url);
    assert.equal(url.hostname, '127.0.0.1');
    assert.equal(await connect('127.0.0.1', Number(url.port)), 'connected');
    assert.equal(await connect('127.0.0.2', Number(url.port)), 'ECONNREFUSED');
  });

  it(`keeps deployed workflows and finished executions across SIGKILL, and fails the ${INTERRUPTED} interrupted ones with an explanation`, async () => {
    const first = emulator as EmulatorProcess;
    await deployOverRest(first.url, 'normal', NORMAL_WORKFLOW);
    await deployOverRest(first.url, 'sleeper', SLEEPER);
    for (let x = 1; x <= 3; x++) {
      const done = await runOverRest(first.url, 'normal', JSON.stringify({ x }));
      assert.equal(done.state, 'SUCCEEDED');
      finished.push({ name: String(done.name), result: String(done.result) });
    }
    const started = await Promise.all(
      Array.from({ length: INTERRUPTED }, () => rest(`${first.url}/v1/${PARENT}/workflows/sleeper/executions`, 'POST', {})),
    );
    assert.deepEqual(new Set(started.map((s) => `${s.status} ${String(s.json.state)}`)), new Set(['200 ACTIVE']));
    sleeping = started.map((s) => String(s.json.name));

    first.child.kill('SIGKILL');
    assert.equal(await first.exited, 'SIGKILL');

    emulator = await startEmulatorProcess(['--data-dir', dataDir]);
    const second = emulator;
    const workflows = await rest(`${second.url}/v1/${PARENT}/workflows`);
    assert.deepEqual(
      (workflows.json.workflows as { name: string }[]).map((w) => w.name).sort(),
      [`${PARENT}/workflows/normal`, `${PARENT}/workflows/sleeper`],
    );
    for (const f of finished) {
      const got = await rest(`${second.url}/v1/${f.name}`);
      assert.deepEqual([got.status, got.json.state, got.json.result], [200, 'SUCCEEDED', f.result]);
    }
    const message = 'The local emulator stopped during the execution; it cannot be resumed.';
    for (const name of sleeping) {
      const got = await rest(`${second.url}/v1/${name}`);
      assert.equal(got.json.state, 'FAILED', name);
      assert.deepEqual(got.json.error, { payload: JSON.stringify({ message, tags: ['SystemError'] }), context: message, stackTrace: { elements: [] } });
    }
    const warnings = second.stderr().split('\n').filter((l) => l.includes('was running when the emulator stopped'));
    assert.deepEqual(
      warnings.sort(),
      sleeping.map((n) => `warning: execution ${n} was running when the emulator stopped; it is now FAILED`).sort(),
    );
  });

  it('detects a truncated data file at start, reports it and moves it aside instead of dropping it silently', async () => {
    const running = emulator as EmulatorProcess;
    running.child.kill('SIGTERM');
    assert.equal(await running.exited, 0);
    const victim = finished[0].name;
    const file = path.join(dataDir, ...victim.split('/')) + '.json';
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));

    emulator = await startEmulatorProcess(['--data-dir', dataDir]);
    const lines = emulator.stderr().split('\n').filter((l) => l.includes('could not be read'));
    assert.equal(lines.length, 1, emulator.stderr());
    const match = /^warning: (.*) could not be read \((.*)\); moved to (.*)$/.exec(lines[0]);
    assert.ok(match, lines[0]);
    assert.deepEqual([match[1], match[2]], [file, 'the file is not valid JSON (truncated?)']);
    assert.equal(fs.readFileSync(match[3], 'utf8'), text.slice(0, Math.floor(text.length / 2)));
    assert.equal((await rest(`${emulator.url}/v1/${victim}`)).status, 404);
    for (const f of finished.slice(1)) assert.equal((await rest(`${emulator.url}/v1/${f.name}`)).json.state, 'SUCCEEDED');
  });

  it(`answers ${CLIENTS} concurrent clients creating and polling executions correctly`, async () => {
    const url = (emulator as EmulatorProcess).url;
    const results = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, x) => {
        const started = await rest(`${url}/v1/${PARENT}/workflows/normal/executions`, 'POST', { argument: JSON.stringify({ x }) });
        assert.equal(started.status, 200);
        const name = String(started.json.name);
        return eventually(`execution ${name}`, async () => {
          const got = await rest(`${url}/v1/${name}`);
          return got.json.state === 'ACTIVE' ? undefined : [got.json.state, got.json.result];
        }, 120_000);
      }),
    );
    assert.deepEqual(results, Array.from({ length: CLIENTS }, (_, x) => ['SUCCEEDED', String(2 * x)]));
  });

  it('answers malformed JSON, oversized bodies, wrong methods and unknown routes with Google-format 4xx errors', async () => {
    const url = (emulator as EmulatorProcess).url;
    const malformed = await rest(`${url}/v1/${PARENT}/workflows?workflowId=w`, 'POST', '{"sourceContents": ');
    assert.equal(malformed.status, 400);
    assert.deepEqual(Object.keys(malformed.json.error as object).sort(), ['code', 'message', 'status']);
    assert.deepEqual([(malformed.json.error as { status: string }).status, (malformed.json.error as { code: number }).code], ['INVALID_ARGUMENT', 400]);
    assert.match((malformed.json.error as { message: string }).message, /^Invalid JSON payload received\. /);

    const oversized = await rest(`${url}/v1/${PARENT}/workflows?workflowId=w`, 'POST', { sourceContents: 'x'.repeat(2 * 1024 * 1024) });
    assert.deepEqual(oversized, {
      status: 400,
      json: { error: { code: 400, message: 'Request payload size exceeds the limit: 1048576 bytes.', status: 'INVALID_ARGUMENT' } },
    });

    const wrongMethod = await rest(`${url}/v1/${PARENT}/workflows/normal/executions`, 'DELETE');
    assert.equal(wrongMethod.status, 405);
    assert.deepEqual((wrongMethod.json.error as { status: string }).status, 'UNIMPLEMENTED');
    assert.match((wrongMethod.json.error as { message: string }).message, /^Method DELETE is not allowed on /);

    const unknown = await rest(`${url}/v2/nothing/here`);
    assert.deepEqual(unknown, {
      status: 404,
      json: { error: { code: 404, message: 'No such API method: GET /v2/nothing/here. The emulator serves Workflows v1 and Executions v1.', status: 'NOT_FOUND' } },
    });
  });
});
