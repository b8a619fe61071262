/** Starts an emulator on a free port with the real Google clients pointed at it. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExecutionsClient, WorkflowsClient } from '@google-cloud/workflows';
import { PassThroughClient } from 'google-auth-library';
import { startEmulator } from '../../../src/emulator';
import type { RunningEmulator, StartEmulatorOptions } from '../../../src/emulator';
import { createCloudClient } from '../../../src/cloud';
import type { CloudClient } from '../../../src/cloud';
import type { Clock } from '../../../src/engine/host';

export const PARENT = 'projects/local-project/locations/us-central1';

export interface Harness {
  emu: RunningEmulator;
  workflows: WorkflowsClient;
  executions: ExecutionsClient;
  cloud: CloudClient;
  close(): Promise<void>;
}

export async function startHarness(options: StartEmulatorOptions = {}): Promise<Harness> {
  const emu = await startEmulator({ port: 0, ...options });
  const opts = { fallback: true, protocol: 'http', apiEndpoint: '127.0.0.1', port: emu.port, authClient: new PassThroughClient() };
  const workflows = new WorkflowsClient(opts);
  const executions = new ExecutionsClient(opts);
  const cloud = createCloudClient({ kind: 'emulator', port: emu.port, project: 'local-project', location: 'us-central1' }, { timeoutMs: 10_000 });
  return {
    emu,
    workflows,
    executions,
    cloud,
    async close() {
      await Promise.all([workflows.close(), executions.close(), cloud.close()]);
      await emu.close();
    },
  };
}

/** Sends a raw HTTP request and returns the status and parsed JSON body. */
export async function raw(url: string, method: string, body?: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { method, body, headers: body === undefined ? {} : { 'content-type': 'application/json' } });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-emulator-'));
}

export const RETURN_ONE = 'main:\n  steps:\n    - done:\n        return: 1\n';

/** A clock the test moves by hand; sleeps end at once. */
export class ManualClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
  sleep(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }
}
