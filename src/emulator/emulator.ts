/**
 * The local emulator as an in-process API: Google's Workflows and Executions v1 operations over
 * one store, one clock and one engine. The REST server (`server.ts`) and the CLI's `run` both
 * drive this class; it answers with the same JSON resources Google's APIs return and throws
 * `ApiError`s in Google's format.
 */
import { RealClock, VirtualClock } from '../engine/clock';
import type { DebugHook } from '../engine/debug/hook';
import type { JsonValue } from '../engine/value';
import type { Clock } from '../engine/host';
import type { CallInterceptor } from '../engine/intercept';
import { LiveConnectors, type TokenProvider } from '../engine/connectors/liveConnectors';
import { NodeHttpClient } from '../engine/http/nodeHttpClient';
import { allowHosts } from '../engine/http/networkPolicy';
import { Callbacks } from './callbacks';
import { ExecutionsApi } from './executionsApi';
import { ExecutionsConnector } from './executionsConnector';
import type { ExecutionRecord } from './records';
import { Store } from './store';
import type { CorruptFile } from './store';
import { WorkflowsApi } from './workflowsApi';
import { workflowName } from './names';
import type { Json } from './resources';

export interface EmulatorOptions {
  /** Persist workflows and executions here; in memory only when omitted. */
  dataDir?: string;
  /** Default project and location (for `deploy` and the CLI). */
  project?: string;
  location?: string;
  /** `virtual`: sleeps and retries complete at once in virtual time. Default `real`. */
  clock?: 'real' | 'virtual' | Clock;
  /** Hosts `http.*` calls may reach besides loopback (`*` for any). */
  allowHttpHost?: string[];
  /** Connector calls go to the Google APIs (or `endpoint`, a fake on loopback); off when omitted. */
  liveConnectors?: { endpoint?: string; tokens?: () => TokenProvider; log?(line: string): void; requestTimeoutMs?: number };
  /**
   * How many executions to keep at most (default 10,000): past it the oldest ended executions are
   * deleted with their step entries. Running executions are always kept.
   */
  maxExecutions?: number;
  /** `sys.log` output of every execution (also kept with each execution). */
  onLog?(execution: string, entry: { severity: string; payload: JsonValue }): void;
  /** Answers calls of an execution before the runtime does (workflow tests' mocks). */
  interceptor?(execution: string): CallInterceptor | undefined;
  /** A debugger attached to every execution (the DAP adapter's); none by default. */
  debug?: DebugHook;
  /**
   * History level of executions whose workflow and request leave it unspecified: `basic` (the
   * default, as Google) or `detailed` (step entries record variables).
   */
  executionHistory?: 'basic' | 'detailed';
}

/** What the emulator found in its data directory at start. */
export interface StartupReport {
  /** Files that could not be read; moved to `<dataDir>/corrupt/`. */
  corrupt: CorruptFile[];
  /** Executions that were ACTIVE when the previous process stopped; now FAILED. */
  interrupted: string[];
}

export class Emulator {
  readonly project: string;
  readonly location: string;
  readonly clock: Clock;
  readonly workflows: WorkflowsApi;
  readonly executions: ExecutionsApi;
  readonly startup: StartupReport;
  readonly callbacks: Callbacks;
  /** The REST server's URL once it listens (callbacks need it); undefined in process only. */
  baseUrl: string | undefined;
  private readonly store: Store;

  constructor(options: EmulatorOptions = {}) {
    this.project = options.project ?? 'local-project';
    this.location = options.location ?? 'us-central1';
    this.clock = makeClock(options.clock);
    this.store = new Store(options.dataDir);
    const { corrupt } = this.store.load();
    this.workflows = new WorkflowsApi(this.store, this.clock);
    const http = new NodeHttpClient({ allowHost: allowHosts(options.allowHttpHost ?? []) });
    this.callbacks = new Callbacks(this.clock);
    const live = options.liveConnectors && liveConnectors(options.liveConnectors);
    const connectors = new ExecutionsConnector(() => this.executions, this.clock, () => ({ registry: this.callbacks, baseUrl: this.baseUrl }), live);
    this.executions = new ExecutionsApi(
      this.store,
      this.clock,
      this.workflows,
      () => ({
        clock: this.clock,
        http,
        connectors,
        onLog: options.onLog,
        debug: options.debug,
        interceptor: options.interceptor,
        defaultHistoryLevel: options.executionHistory === 'detailed' ? 'EXECUTION_HISTORY_DETAILED' : 'EXECUTION_HISTORY_BASIC',
      }),
      options.maxExecutions,
    );
    this.workflows.onDelete = (name) => this.executions.dropWorkflow(name);
    this.executions.onEnded = (name) => this.callbacks.drop(name);
    this.startup = { corrupt, interrupted: this.executions.recoverInterrupted() };
    this.executions.enforceRetention();
  }

  /** The parent resource name for the default project and location. */
  get parent(): string {
    return `projects/${this.project}/locations/${this.location}`;
  }

  /** Creates the workflow, or updates it to `source` when it exists; returns the Workflow resource. */
  deploy(workflowId: string, source: string, labels: Record<string, string> = {}): Json {
    const name = workflowName(this.project, this.location, workflowId);
    const body: Json = { sourceContents: source, labels };
    const op = this.store.workflows.has(name)
      ? this.workflows.update(name, body, 'sourceContents,labels')
      : this.workflows.create(this.project, this.location, workflowId, body);
    const { '@type': _type, ...workflow } = op.response as Json;
    return workflow;
  }

  /** Starts an execution of a deployed workflow; `argument` is JSON text. Returns the Execution. */
  run(workflowId: string, argument?: string, labels: Record<string, string> = {}): Json {
    const body: Json = { labels };
    if (argument !== undefined) body.argument = argument;
    return this.executions.create(workflowName(this.project, this.location, workflowId), body);
  }

  /** Resolves with the execution's record once it has ended. */
  wait(executionName: string): Promise<ExecutionRecord> {
    return this.executions.wait(executionName);
  }

  /** Executions started by `executionName`'s connector calls, oldest first. */
  children(executionName: string): ExecutionRecord[] {
    return this.executions.children(executionName);
  }

  /** Stops running executions (saved as FAILED: the emulator stopped) and releases the clock. */
  async close(): Promise<void> {
    await this.executions.stopAll();
  }

  /** Test hook: stops everything WITHOUT saving, as if the process were killed. */
  crash(): void {
    this.executions.dropAll();
  }
}

/** Live connectors reach Google's API hosts only (or the loopback endpoint), never another host. */
function liveConnectors(options: NonNullable<EmulatorOptions['liveConnectors']>): LiveConnectors {
  const http = new NodeHttpClient({ allowHost: allowHosts(['googleapis.com', '*.googleapis.com']) });
  return new LiveConnectors({ http, ...options });
}

function makeClock(clock: EmulatorOptions['clock']): Clock {
  if (clock === undefined || clock === 'real') return new RealClock();
  if (clock === 'virtual') return new VirtualClock();
  return clock;
}

