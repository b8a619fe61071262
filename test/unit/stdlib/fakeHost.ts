/** A small ExecutionHost for standard-library tests: a virtual clock, recorded logs and connector calls. */
import * as assert from 'node:assert/strict';
import { WorkflowError } from '../../../src/engine/errors';
import type { Clock, ConnectorContext, ExecutionHost, HttpClient } from '../../../src/engine/host';
import { STDLIB } from '../../../src/engine/stdlib';
import type { JsonValue, Value } from '../../../src/engine/value';

/** Virtual time: sleeps return at once, advance `now`, and are recorded in milliseconds. */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(public time = Date.UTC(2024, 0, 2, 3, 4, 5, 500)) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.time += ms;
  }
}

export interface ConnectorCall {
  name: string;
  args: Record<string, JsonValue>;
}

export interface FakeHost {
  host: ExecutionHost;
  clock: VirtualClock;
  logs: { severity: string; payload: JsonValue }[];
  connectorCalls: ConnectorCall[];
}

const noHttp: HttpClient = {
  send: () => Promise.reject(new Error('no HTTP in this test')),
};

/** A host whose connector handler answers with `connector(name, args)`. */
export function fakeHost(options: { http?: HttpClient; connector?: (call: ConnectorCall, ctx: ConnectorContext) => Promise<JsonValue> } = {}): FakeHost {
  const clock = new VirtualClock();
  const logs: FakeHost['logs'] = [];
  const connectorCalls: ConnectorCall[] = [];
  const host: ExecutionHost = {
    clock,
    http: options.http ?? noHttp,
    connectors: {
      call: (name, args, ctx) => {
        connectorCalls.push({ name, args });
        return options.connector ? options.connector({ name, args }, ctx) : Promise.reject(new Error(`unexpected connector ${name}`));
      },
    },
    env: {
      projectId: 'my-project',
      projectNumber: '123456789',
      location: 'us-central1',
      workflowId: 'wf',
      revisionId: '000001-abc',
      executionId: 'exec-1',
      serviceAccount: 'sa@my-project.iam.gserviceaccount.com',
      userEnvVars: { MY_VAR: 'hello', toString: 'user value' },
    },
    signal: new AbortController().signal,
    onLog: (entry) => logs.push(entry),
  };
  return { host, clock, logs, connectorCalls };
}

/** Calls a registry function with positional arguments. */
export async function call(name: string, args: (Value | undefined)[], host: ExecutionHost = fakeHost().host): Promise<Value> {
  const fn = STDLIB.get(name);
  assert.ok(fn, `${name} is registered`);
  return fn(args, { host, signal: host.signal });
}

/** The error value a call raises; fails the test when it succeeds or throws something else. */
export async function callError(name: string, args: (Value | undefined)[], host?: ExecutionHost): Promise<Value> {
  try {
    await call(name, args, host);
  } catch (e) {
    if (e instanceof WorkflowError) return e.value;
    throw e;
  }
  return assert.fail(`${name} did not raise`);
}

/** A built-in error map. */
export function err(tag: string, message: string): Value {
  return new Map<string, Value>([
    ['message', message],
    ['tags', [tag]],
  ]);
}

/** A map from entries, for readable expectations. */
export function map(entries: Record<string, Value>): Map<string, Value> {
  return new Map(Object.entries(entries));
}

export function bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}
