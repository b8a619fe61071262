import type { CloudClient } from '../../cloud';
import type { ExecutionInfo, Page, StepEntryInfo, WorkflowInfo } from '../../cloud/types';
import { parseWorkflow } from '../../core/model/parse';
import { calledWorkflowIds } from '../run/workflowIds';
import type { TargetService } from '../target/targetService';
import { childFilter, childrenOf } from './childExecutions';

/** Step entries per page, and pages read at most: views show the first 20,000 entries. */
const STEP_PAGE_SIZE = 1000;
const MAX_STEP_PAGES = 20;

/** Executions per page under a workflow. */
export const EXECUTIONS_PAGE_SIZE = 20;
/** Candidate children per request, and how many pages one parent may read at most. */
const CHILD_PAGE_SIZE = 100;
const MAX_CHILD_PAGES = 10;

/**
 * What the executions tree reads, through the current target's client, counting every API
 * request (`requests`) so the cost of a refresh can be measured.
 */
export class ExecutionsSource {
  /** API requests sent since creation (or the last `resetCount`). */
  requests = 0;
  private readonly callees = new Map<string, string[]>();
  private readonly reading = new Map<string, Promise<string[]>>();

  constructor(private readonly target: TargetService) {}

  /** Drops the cached sources (a full refresh reads them again). */
  forgetSources(): void {
    this.callees.clear();
  }

  resetCount(): void {
    this.requests = 0;
  }

  async listWorkflows(): Promise<WorkflowInfo[]> {
    const all: WorkflowInfo[] = [];
    let pageToken: string | undefined;
    do {
      const page: Page<WorkflowInfo> = await this.call((c) => c.listWorkflows({ pageSize: 100, pageToken }));
      for (const w of page.items) {
        all.push(w);
        if (w.sourceContents !== undefined) this.rememberCallees(w);
      }
      pageToken = page.nextPageToken;
    } while (pageToken);
    return all.sort((a, b) => a.workflowId.localeCompare(b.workflowId));
  }

  /** One page of a workflow's executions, newest first, with the view's filter (if any). */
  listExecutions(workflowId: string, pageToken?: string, filter?: string): Promise<Page<ExecutionInfo>> {
    return this.call((c) => c.listExecutions(workflowId, { view: 'FULL', pageSize: EXECUTIONS_PAGE_SIZE, pageToken, filter }));
  }

  /**
   * The executions of `workflowId` among `names`, read with one filtered list per page of 100
   * (created since the oldest of them) instead of one GET each: what live updates poll.
   */
  async executionsSince(workflowId: string, since: string, names: ReadonlySet<string>): Promise<ExecutionInfo[]> {
    const found: ExecutionInfo[] = [];
    let pageToken: string | undefined;
    for (let pages = 0; pages < MAX_CHILD_PAGES && found.length < names.size; pages++) {
      const page: Page<ExecutionInfo> = await this.call((c) =>
        c.listExecutions(workflowId, { view: 'FULL', pageSize: CHILD_PAGE_SIZE, pageToken, filter: `createTime>="${since}"` }),
      );
      found.push(...page.items.filter((e) => names.has(e.name)));
      pageToken = page.nextPageToken;
      if (!pageToken) break;
    }
    return found;
  }

  /** A workflow's revisions, newest first (the first page of 100: older ones are rarely wanted). */
  async listRevisions(workflowId: string): Promise<WorkflowInfo[]> {
    return (await this.call((c) => c.listRevisions(workflowId, { pageSize: 100 }))).items;
  }

  /**
   * An execution's step entries, page by page (1,000 a page), at most 20 pages: `truncated` says
   * when there were more. Detailed entries carry the variables, where the execution recorded them.
   */
  async stepEntries(name: string, detailed = false): Promise<{ entries: StepEntryInfo[]; truncated: boolean }> {
    const entries: StepEntryInfo[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_STEP_PAGES; page++) {
      const result = await this.call((c) => c.listStepEntries(name, { pageSize: STEP_PAGE_SIZE, pageToken, ...(detailed && { view: 'EXECUTION_ENTRY_VIEW_DETAILED' as const }) }));
      entries.push(...result.items);
      pageToken = result.nextPageToken;
      if (!pageToken) return { entries, truncated: false };
    }
    return { entries, truncated: true };
  }

  getExecution(name: string): Promise<ExecutionInfo> {
    return this.call((c) => c.getExecution(name, 'FULL'));
  }

  /**
   * The workflows `workflowId`'s source starts as children, cached per revision. [R] An execution
   * of an older revision is read with the latest source (the client layer reads latest revisions).
   */
  async calledWorkflows(workflowId: string, revisionId?: string): Promise<string[]> {
    const key = cacheKey(workflowId, revisionId);
    const known = this.callees.get(key);
    if (known) return known;
    // Many executions of one revision ask at once: one request answers them all.
    let reading = this.reading.get(key);
    if (!reading) {
      reading = this.call((c) => c.getWorkflow(workflowId)).then((w) => this.rememberCallees(w));
      this.reading.set(key, reading);
      void reading.finally(() => this.reading.delete(key)).catch(() => undefined);
    }
    const ids = await reading;
    this.callees.set(key, ids);
    return ids;
  }

  /**
   * The children of `parent`: executions of the workflows its source starts, matched by
   * `childrenOf`. One list request per called workflow (more past 100 candidates).
   */
  async children(parent: ExecutionInfo, calledIds: string[]): Promise<ExecutionInfo[]> {
    const filter = childFilter(parent);
    const lists = await Promise.all(
      calledIds.map(async (workflowId) => {
        const found: ExecutionInfo[] = [];
        let pageToken: string | undefined;
        for (let pages = 0; pages < MAX_CHILD_PAGES; pages++) {
          const page: Page<ExecutionInfo> = await this.call((c) => c.listExecutions(workflowId, { view: 'FULL', pageSize: CHILD_PAGE_SIZE, pageToken, filter }));
          found.push(...page.items);
          pageToken = page.nextPageToken;
          if (!pageToken) break;
        }
        return found;
      }),
    );
    return childrenOf(parent, lists.flat());
  }

  /** Sends one request through the current target's client, counting it. */
  async call<T>(request: (client: CloudClient) => Promise<T>): Promise<T> {
    const client = await this.target.client();
    this.requests++;
    return request(client);
  }

  private rememberCallees(workflow: WorkflowInfo): string[] {
    let ids: string[] = [];
    try {
      ids = workflow.sourceContents ? calledWorkflowIds(parseWorkflow(workflow.sourceContents)) : [];
    } catch {
      ids = [];
    }
    this.callees.set(cacheKey(workflow.workflowId, workflow.revisionId), ids);
    this.callees.set(cacheKey(workflow.workflowId, undefined), ids);
    return ids;
  }
}

function cacheKey(workflowId: string, revisionId: string | undefined): string {
  return `${workflowId}@${revisionId ?? 'latest'}`;
}
