/**
 * One API over the official `WorkflowsClient` and `ExecutionsClient` of `@google-cloud/workflows`
 * 4.4.0 (pinned: the 5.x releases no longer ship `WorkflowsClient`) for both targets: the local
 * emulator (REST over plain HTTP, no credentials) and Google Cloud (Application Default
 * Credentials). Every request has a transport timeout, so nothing hangs. Only idempotent reads are
 * retried, and only on transient failures (see `retry.ts`): deploy, run, cancel and delete are
 * sent exactly once.
 */
import { ExecutionsClient, WorkflowsClient, protos } from '@google-cloud/workflows';
import { PassThroughClient } from 'google-auth-library';
import type { AuthClient } from 'google-auth-library';
import { toExecutionInfo, toStepEntryInfo, toWorkflowInfo } from './convert';
import type { ClientExecution, ClientWorkflow } from './convert';
import { withRetry } from './retry';
import type { RetryOptions } from './retry';
import type { ExecutionInfo, ExecutionView, ListOptions, Page, StepEntryInfo, Target, WorkflowInfo } from './types';

export interface CloudClientOptions {
  /** Per-request transport timeout in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** How safe reads are retried (defaults: 3 attempts, 250 ms doubling, waits capped at 5 s). */
  retry?: RetryOptions;
}

/** A long-running operation as the library returns it: polled until done by `promise()`. */
interface Pollable<R> {
  name?: string | null;
  promise(): Promise<[R, ...unknown[]]>;
}

const EXECUTIONS_HOST = 'https://workflowexecutions.googleapis.com';

interface Clients {
  workflows: WorkflowsClient;
  executions: ExecutionsClient;
  /** Sends the raw REST calls the library has no method for (step entries). */
  authClient: AuthClient;
  baseUrl: string;
  project: string;
}

/** The client layer. Create with `createCloudClient`; call `close()` when done. */
export class CloudClient {
  private clients: Promise<Clients> | undefined;

  constructor(
    readonly target: Target,
    private readonly options: CloudClientOptions = {},
  ) {}

  /** The project calls go to (resolved from ADC for the cloud target when not given). */
  async project(): Promise<string> {
    return (await this.ready()).project;
  }

  /** Creates the workflow or updates its source (and labels); returns the deployed revision. */
  async deployWorkflow(workflowId: string, source: string, options: { labels?: Record<string, string> } = {}): Promise<WorkflowInfo> {
    return this.call(async (c) => {
      const name = `${this.parent(c)}/workflows/${workflowId}`;
      const workflow: protos.google.cloud.workflows.v1.IWorkflow = { name, sourceContents: source };
      if (options.labels) workflow.labels = options.labels;
      const exists = await c.workflows.getWorkflow({ name }).then(
        () => true,
        (err: unknown) => {
          if (statusOf(err) === 404) return false;
          throw err;
        },
      );
      let result: unknown;
      if (exists) {
        const paths = options.labels ? ['sourceContents', 'labels'] : ['sourceContents'];
        const [operation] = await c.workflows.updateWorkflow({ workflow, updateMask: { paths } });
        result = await this.settle(operation, (op) => c.workflows.checkUpdateWorkflowProgress(op));
      } else {
        const [operation] = await c.workflows.createWorkflow({ parent: this.parent(c), workflowId, workflow });
        result = await this.settle(operation, (op) => c.workflows.checkCreateWorkflowProgress(op));
      }
      const plain = protos.google.cloud.workflows.v1.Workflow.toObject(result as protos.google.cloud.workflows.v1.Workflow, { enums: String, longs: Number });
      return toWorkflowInfo(plain as ClientWorkflow);
    });
  }

  /** The workflow's latest revision, or the revision `revisionId` when given. */
  async getWorkflow(workflowId: string, revisionId?: string): Promise<WorkflowInfo> {
    return this.read(async (c) => {
      const request = { name: `${this.parent(c)}/workflows/${workflowId}`, ...(revisionId ? { revisionId } : {}) };
      const [w] = await c.workflows.getWorkflow(request);
      return toWorkflowInfo(w as ClientWorkflow);
    });
  }

  /** One page of the workflow's revisions, newest first (each with its source). */
  async listRevisions(workflowId: string, options: { pageSize?: number; pageToken?: string } = {}): Promise<Page<WorkflowInfo>> {
    return this.read(async (c) => {
      const [items, , raw] = await c.workflows.listWorkflowRevisions({ name: `${this.parent(c)}/workflows/${workflowId}`, ...options }, { autoPaginate: false });
      return page(items.map((w) => toWorkflowInfo(w as ClientWorkflow)), raw?.nextPageToken);
    });
  }

  async listWorkflows(options: ListOptions = {}): Promise<Page<WorkflowInfo>> {
    return this.read(async (c) => {
      const [items, , raw] = await c.workflows.listWorkflows({ parent: this.parent(c), ...options }, { autoPaginate: false });
      return page(items.map((w) => toWorkflowInfo(w as ClientWorkflow)), raw?.nextPageToken);
    });
  }

  async deleteWorkflow(workflowId: string): Promise<void> {
    await this.call(async (c) => {
      const [operation] = await c.workflows.deleteWorkflow({ name: `${this.parent(c)}/workflows/${workflowId}` });
      await this.settle(operation, (op) => c.workflows.checkDeleteWorkflowProgress(op));
    });
  }

  /** Starts an execution of the workflow's latest revision; `argumentJson` is JSON text. */
  async runExecution(workflowId: string, argumentJson?: string, labels?: Record<string, string>): Promise<ExecutionInfo> {
    return this.call(async (c) => {
      const execution: protos.google.cloud.workflows.executions.v1.IExecution = {};
      if (argumentJson !== undefined) execution.argument = argumentJson;
      if (labels) execution.labels = labels;
      const [e] = await c.executions.createExecution({ parent: `${this.parent(c)}/workflows/${workflowId}`, execution });
      return toExecutionInfo(e as ClientExecution);
    });
  }

  async getExecution(name: string, view: ExecutionView = 'FULL'): Promise<ExecutionInfo> {
    return this.read(async (c) => {
      const [e] = await c.executions.getExecution({ name, view });
      return toExecutionInfo(e as ClientExecution);
    });
  }

  /** One page of a workflow's executions (newest first unless `orderBy` says otherwise). */
  async listExecutions(workflowId: string, options: ListOptions & { view?: ExecutionView } = {}): Promise<Page<ExecutionInfo>> {
    return this.read(async (c) => {
      const [items, , raw] = await c.executions.listExecutions({ parent: `${this.parent(c)}/workflows/${workflowId}`, ...options }, { autoPaginate: false });
      return page(items.map((e) => toExecutionInfo(e as ClientExecution)), raw?.nextPageToken);
    });
  }

  /**
   * Deletes an ended execution. Only the local emulator can (an extension of its REST API); Google
   * Cloud keeps executions for its retention period and has no such call.
   */
  async deleteExecution(name: string): Promise<void> {
    if (this.target.kind !== 'emulator') throw new Error('Google Cloud keeps executions for its retention period: they cannot be deleted.');
    await this.call(async (c) => {
      await c.authClient.request({ url: `${c.baseUrl}/v1/${name}`, method: 'DELETE', timeout: this.timeoutMs() });
    });
  }

  async cancelExecution(name: string): Promise<ExecutionInfo> {
    return this.call(async (c) => {
      const [e] = await c.executions.cancelExecution({ name });
      return toExecutionInfo(e as ClientExecution);
    });
  }

  /** Step history of an execution (REST: the library has no step-entry methods). */
  async listStepEntries(executionName: string, options: ListOptions & { skip?: number } = {}): Promise<Page<StepEntryInfo>> {
    return this.read(async (c) => {
      const query = new URLSearchParams();
      for (const key of ['pageSize', 'pageToken', 'filter', 'orderBy', 'skip'] as const) {
        const value = options[key];
        if (value !== undefined && value !== '') query.set(key, String(value));
      }
      const qs = query.toString();
      const res = await c.authClient.request<{ stepEntries?: Record<string, unknown>[]; nextPageToken?: string }>({
        url: `${c.baseUrl}/v1/${executionName}/stepEntries${qs ? `?${qs}` : ''}`,
        method: 'GET',
        timeout: this.timeoutMs(),
      });
      return page((res.data.stepEntries ?? []).map(toStepEntryInfo), res.data.nextPageToken);
    });
  }

  /** Polls until the execution is no longer ACTIVE or QUEUED. */
  async waitForExecution(name: string, options: { intervalMs?: number; signal?: AbortSignal } = {}): Promise<ExecutionInfo> {
    for (;;) {
      const e = await this.getExecution(name);
      if (e.state !== 'ACTIVE' && e.state !== 'QUEUED') return e;
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
    }
  }

  async close(): Promise<void> {
    const clients = this.clients;
    this.clients = undefined;
    if (!clients) return;
    const c = await clients.catch(() => undefined);
    if (c) await Promise.all([c.workflows.close(), c.executions.close()]);
  }

  private parent(c: Clients): string {
    return `projects/${c.project}/locations/${this.target.location}`;
  }

  private timeoutMs(): number {
    return this.options.timeoutMs ?? 60_000;
  }

  /**
   * Runs `fn` with ready clients. After a failure the clients are rebuilt on the next call: the
   * library caches a broken stub when credentials were missing.
   */
  private async call<T>(fn: (c: Clients) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.ready());
    } catch (err) {
      if (this.target.kind === 'cloud') void this.close();
      throw err;
    }
  }

  /** `call` for an idempotent read: sent again on a transient failure (see `retry.ts`). */
  private read<T>(fn: (c: Clients) => Promise<T>): Promise<T> {
    return withRetry(() => this.call(fn), this.target.kind, this.options.retry);
  }

  /**
   * Waits for a long-running operation. The request that started it is never repeated; a poll is
   * a safe read, so a failed poll is retried by asking for the operation again by name.
   */
  private async settle<R>(operation: Pollable<R>, recheck: (name: string) => Promise<Pollable<R>>): Promise<R> {
    let current = operation;
    let polled = false;
    return withRetry(
      async () => {
        if (polled && current.name) current = await recheck(current.name);
        polled = true;
        const [result] = await current.promise();
        return result;
      },
      this.target.kind,
      this.options.retry,
    );
  }

  private ready(): Promise<Clients> {
    if (!this.clients) {
      this.clients = this.build();
      this.clients.catch(() => (this.clients = undefined));
    }
    return this.clients;
  }

  private async build(): Promise<Clients> {
    const transporterOptions = { timeout: this.timeoutMs() };
    const target = this.target;
    if (target.kind === 'emulator') {
      const host = target.host ?? '127.0.0.1';
      const authClient = new PassThroughClient({ transporterOptions });
      const common = { fallback: true, protocol: 'http', apiEndpoint: host, port: target.port, authClient };
      return {
        workflows: new WorkflowsClient(common),
        executions: new ExecutionsClient(common),
        authClient,
        baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${target.port}`,
        project: target.project,
      };
    }
    const endpoint = target.endpoint;
    const where = endpoint ? { apiEndpoint: endpoint.host, port: endpoint.port, protocol: endpoint.protocol ?? 'https' } : {};
    // Each client builds its own GoogleAuth, configured for self-signed JWTs where possible.
    const options = { fallback: true, clientOptions: { transporterOptions }, ...where };
    const workflows = new WorkflowsClient(options);
    const executions = new ExecutionsClient(options);
    // Preflight: without credentials the library would fail later with an unhandled rejection.
    const authClient = await workflows.auth.getClient();
    await executions.auth.getClient();
    const project = target.project || (await workflows.auth.getProjectId());
    const baseUrl = endpoint ? `${endpoint.protocol ?? 'https'}://${endpoint.host}:${endpoint.port}` : EXECUTIONS_HOST;
    return { workflows, executions, authClient, baseUrl, project };
  }
}

/** A client for the emulator or Google Cloud. Nothing is contacted until the first call. */
export function createCloudClient(target: Target, options?: CloudClientOptions): CloudClient {
  return new CloudClient(target, options);
}

function page<T>(items: T[], nextPageToken: string | null | undefined): Page<T> {
  return nextPageToken ? { items, nextPageToken } : { items };
}

/** The HTTP status of a client error, when it has one. */
export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; status?: unknown; response?: { status?: unknown } };
  if (typeof e.response?.status === 'number') return e.response.status;
  if (typeof e.status === 'number') return e.status;
  return typeof e.code === 'number' && e.code >= 100 ? e.code : undefined;
}
