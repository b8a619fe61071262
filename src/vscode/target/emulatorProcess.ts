import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Log } from '../util/log';

/** How the emulator is started: what `cloud-workflows emulator` needs from the settings. */
export interface EmulatorLaunch {
  /** `dist/cli.js`. */
  cliPath: string;
  /** Workflows and executions persist here across restarts. */
  dataDir: string;
  clock: 'real' | 'virtual';
  allowHttpHosts: string[];
  /** Adds `--live-connectors`. */
  liveConnectors?: boolean;
  maxExecutions: number;
}

/** How long the emulator may take to print `listening on`. */
const START_DEADLINE_MS = 20_000;
const LISTENING = /listening on (http:\/\/\S+)/;

/** A started emulator: its URL and port. */
export interface EmulatorEndpoint {
  url: string;
  port: number;
}

/**
 * The local emulator as a child process (`cloud-workflows emulator --port 0`), so a runaway
 * workflow never blocks the extension host. Started on first use, restarted on the next use after
 * it dies or after `restart()`, killed by `dispose()`.
 */
export class EmulatorProcess {
  private child: ChildProcess | undefined;
  private starting: Promise<EmulatorEndpoint> | undefined;

  constructor(
    private readonly launch: () => EmulatorLaunch,
    private readonly log: Log,
  ) {}

  /** The running emulator, started now if needed. */
  endpoint(): Promise<EmulatorEndpoint> {
    if (!this.starting) {
      this.starting = this.start();
      this.starting.catch(() => (this.starting = undefined));
    }
    return this.starting;
  }

  /** True while a child process is alive. */
  get running(): boolean {
    return this.child !== undefined;
  }

  /** Stops the emulator; the next `endpoint()` starts it with fresh settings. */
  restart(): void {
    this.stop();
  }

  dispose(): void {
    this.stop();
  }

  private stop(): void {
    const child = this.child;
    this.child = undefined;
    this.starting = undefined;
    if (child && child.exitCode === null) child.kill('SIGTERM');
  }

  private async start(): Promise<EmulatorEndpoint> {
    const launch = this.launch();
    if (!fs.existsSync(launch.cliPath)) throw new Error(`The emulator is missing from the extension (${launch.cliPath}).`);
    fs.mkdirSync(launch.dataDir, { recursive: true });
    const args = [launch.cliPath, 'emulator', '--port', '0', '--data-dir', launch.dataDir, '--clock', launch.clock];
    for (const host of launch.allowHttpHosts) args.push('--allow-http', host);
    if (launch.liveConnectors) args.push('--live-connectors');
    args.push('--max-executions', String(launch.maxExecutions));
    this.log.info(`starting the local emulator (clock: ${launch.clock}, data: ${launch.dataDir})`);
    // In VS Code desktop `process.execPath` is Electron: ELECTRON_RUN_AS_NODE makes it plain Node.
    const child = spawn(process.execPath, args, {
      cwd: path.dirname(launch.cliPath),
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // If the extension host dies without deactivating, the emulator must not outlive it.
    const killOnExit = (): void => {
      if (child.exitCode === null) child.kill('SIGTERM');
    };
    process.once('exit', killOnExit);
    child.on('exit', (code, signal) => {
      process.off('exit', killOnExit);
      if (this.child === child) {
        this.child = undefined;
        this.starting = undefined;
        this.log.warn(`the local emulator stopped (${signal ?? `exit code ${code}`}); it restarts on next use`);
      }
    });
    return waitForListening(child, this.log);
  }
}

/** Resolves with the URL of the `listening on` line; rejects on exit, error or the deadline. */
function waitForListening(child: ChildProcess, log: Log): Promise<EmulatorEndpoint> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (error: Error | undefined, endpoint?: EmulatorEndpoint): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        if (child.exitCode === null) child.kill('SIGTERM');
        reject(error);
      } else if (endpoint) resolve(endpoint);
    };
    const timer = setTimeout(
      () => finish(new Error(`The local emulator did not start within ${START_DEADLINE_MS / 1000} s.${lastLine(stderr)}`)),
      START_DEADLINE_MS,
    );
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      if (settled) {
        forwardLines(chunk, (line) => log.info(`emulator: ${line}`));
        return;
      }
      stdout += chunk;
      const match = LISTENING.exec(stdout);
      if (match) {
        const url = match[1];
        log.info(`the local emulator is listening on ${url}`);
        finish(undefined, { url, port: Number(new URL(url).port) });
      }
    });
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      forwardLines(chunk, (line) => log.warn(`emulator: ${line}`));
    });
    child.on('error', (err) => finish(new Error(`The local emulator could not start: ${err.message}`)));
    child.on('exit', (code) => finish(new Error(`The local emulator exited at start (exit code ${code}).${lastLine(stderr)}`)));
  });
}

function forwardLines(chunk: string, write: (line: string) => void): void {
  for (const line of chunk.split('\n')) if (line.trim()) write(line.trimEnd());
}

function lastLine(text: string): string {
  const line = text.trim().split('\n').pop();
  return line ? ` ${line}` : '';
}
