/**
 * Drives the adapter the way an editor does, over a real DAP connection: `DebugClient` from
 * `@vscode/debugadapter-testsupport` talks to a `WorkflowDebugSession` served on a loopback socket
 * in this process (one session per connection).
 */
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { WorkflowDebugSession } from '../../../src/dap/session';

export const FIXTURES = path.join(__dirname, 'fixtures');
export const fixture = (name: string): string => path.join(FIXTURES, `${name}.workflows.yaml`);

export interface Adapter {
  dc: DebugClient;
  close(): Promise<void>;
}

export async function startAdapter(): Promise<Adapter> {
  const sessions: WorkflowDebugSession[] = [];
  const server = net.createServer((socket) => {
    const session = new WorkflowDebugSession();
    session.setRunAsServer(true);
    session.start(socket, socket);
    sessions.push(session);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dc = new DebugClient('node', 'unused', 'cloud-workflows');
  dc.defaultTimeout = 10_000;
  await dc.start((server.address() as AddressInfo).port);
  return {
    dc,
    async close() {
      await dc.stop();
      await Promise.all(sessions.map((s) => s.stopEverything()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A `stopped` event; this adapter always names the thread. */
export type Stopped = DebugProtocol.StoppedEvent & { body: { threadId: number } };

/** A fresh adapter and client for each test of the enclosing `describe`, closed after it. */
export function withAdapter(): Adapter {
  let current: Adapter | undefined;
  beforeEach(async () => {
    current = await startAdapter();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get dc() {
      if (!current) throw new Error('the adapter runs only inside a test');
      return current.dc;
    },
    close: async () => current?.close(),
  };
}

export interface LaunchPlan {
  args: Record<string, unknown>;
  breakpoints?: { file: string; breakpoints: DebugProtocol.SourceBreakpoint[] }[];
  exceptions?: DebugProtocol.ExceptionFilterOptions[];
}

/**
 * initialize → launch → (initialized) setBreakpoints, setExceptionBreakpoints → configurationDone,
 * as VS Code orders them. Returns the breakpoint answers; the first `stopped` (if any) is awaited
 * through `firstStop`, registered before the execution starts so it cannot be missed.
 */
export async function launch(dc: DebugClient, plan: LaunchPlan): Promise<{ breakpoints: DebugProtocol.Breakpoint[][]; firstStop: Promise<Stopped> }> {
  await dc.initializeRequest();
  const initialized = dc.waitForEvent('initialized');
  const launched = dc.launchRequest(plan.args as DebugProtocol.LaunchRequestArguments);
  await Promise.race([initialized, launched]);
  const breakpoints: DebugProtocol.Breakpoint[][] = [];
  for (const b of plan.breakpoints ?? []) {
    const response = await dc.setBreakpointsRequest({ source: { path: b.file }, breakpoints: b.breakpoints });
    breakpoints.push(response.body.breakpoints);
  }
  await dc.setExceptionBreakpointsRequest({ filters: [], filterOptions: plan.exceptions ?? [] });
  const firstStop = dc.waitForEvent('stopped') as Promise<Stopped>;
  await dc.configurationDoneRequest();
  await launched;
  return { breakpoints, firstStop };
}

/** Where a thread is stopped: `routine › step` names and client lines of its frames, innermost first. */
export async function stackOf(dc: DebugClient, threadId: number): Promise<{ name: string; line: number; file: string }[]> {
  const response = await dc.stackTraceRequest({ threadId });
  return response.body.stackFrames.map((f) => ({ name: f.name, line: f.line, file: path.basename(f.source?.path ?? '') }));
}

/** The variables of the top frame's first scope (or the named scope), as `name = value`. */
export async function variablesOf(dc: DebugClient, threadId: number, scope = 'Locals', frame = 0): Promise<string[]> {
  const frameId = (await dc.stackTraceRequest({ threadId })).body.stackFrames[frame].id;
  const scopes = (await dc.scopesRequest({ frameId })).body.scopes;
  const wanted = scopes.find((s) => s.name === scope);
  if (!wanted) throw new Error(`no scope ${scope} in ${scopes.map((s) => s.name).join(', ')}`);
  const vars = (await dc.variablesRequest({ variablesReference: wanted.variablesReference })).body.variables;
  return vars.map((v) => `${v.name} = ${v.value}`);
}

export async function topFrameId(dc: DebugClient, threadId: number): Promise<number> {
  return (await dc.stackTraceRequest({ threadId })).body.stackFrames[0].id;
}

/** Collects every `output` event's text by category from now on. */
export function collectOutput(dc: DebugClient): { text(category?: string): string } {
  const events: DebugProtocol.OutputEvent[] = [];
  dc.on('output', (e: DebugProtocol.OutputEvent) => events.push(e));
  return { text: (category) => events.filter((e) => !category || e.body.category === category).map((e) => e.body.output).join('') };
}
