import * as vscode from 'vscode';
import type { ExecutionInfo, WorkflowInfo } from '../../cloud/types';
import { describeFailure } from '../run/commandErrors';
import type { TargetService } from '../target/targetService';
import type { Log } from '../util/log';
import { summarizeChildren } from './childExecutions';
import { effectiveResult } from './effectiveResult';
import { EffectiveResultNode } from './effectiveResultNode';
import { ExecutionNode } from './executionNode';
import { filterDescription, listFilter } from './executionsFilter';
import type { ExecutionsFilter } from './executionsFilter';
import { ExecutionsSource } from './executionsSource';
import { decodeOrText, isRunning } from './executionStyle';
import { LivePoller } from './livePoller';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { RevisionNode, RevisionsNode } from './revisionNode';
import { SummaryNode } from './summaryNode';
import { TargetNode } from './targetNode';
import type { TreeNode } from './treeNode';
import { ValueNode } from './valueNode';
import { WorkflowNode } from './workflowNode';

/** How long `revealExecution` waits for VS Code to show a refreshed workflow before revealing. */
const REVEAL_WAIT_MS = 5000;

/**
 * The Executions view: target → workflows → revisions and executions (newest first, a page at a
 * time, optionally filtered) → children of parent executions with a summary, then result, error
 * and argument values. Running executions update while the view is visible. An empty target
 * shows the welcome view.
 */
export class ExecutionsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly source: ExecutionsSource;
  private readonly poller: LivePoller;
  private root: Promise<TargetNode | undefined> | undefined;
  private view: vscode.TreeView<TreeNode> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The view's filter (states and time window); empty by default. */
  private filter: ExecutionsFilter = { states: [] };
  /** The latest listing of each execution's children: an older one finishing late is dropped. */
  private readonly listings = new WeakMap<ExecutionNode, Promise<TreeNode[]>>();
  /** Nodes expanded in the view: live updates leave their children alone unless the state changed. */
  private readonly expanded = new WeakSet<TreeNode>();
  /** Waiters for VS Code asking for a node's tree item (it has then registered the node). */
  private readonly itemWaiters = new Map<TreeNode, (() => void)[]>();

  constructor(
    private readonly target: TargetService,
    private readonly log: Log,
  ) {
    this.source = new ExecutionsSource(target);
    this.poller = new LivePoller((nodes) => this.poll(nodes), () => this.view?.visible ?? false);
    this.disposables.push(this.changed, this.poller, target.onDidChange(() => this.refresh()));
  }

  /** API requests the tree has sent (for the benchmark: the cost of one refresh). */
  get requestCount(): number {
    return this.source.requests;
  }

  /** Polls every running execution the tree shows once, now (what each live-update tick does). */
  pollNow(): Promise<void> {
    return this.poll(this.poller.nodes());
  }

  /** Connects the view, so polling runs only while it is visible. */
  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    view.description = filterDescription(this.filter);
    this.disposables.push(
      view.onDidChangeVisibility(() => this.poller.visibilityChanged()),
      view.onDidExpandElement((e) => this.expanded.add(e.element)),
      view.onDidCollapseElement((e) => this.expanded.delete(e.element)),
    );
  }

  /** Reloads everything (no element) or one element and what is under it. */
  refresh(node?: TreeNode): void {
    if (!node) {
      this.root = undefined;
      this.poller.clear();
      this.source.forgetSources();
    } else if (node instanceof WorkflowNode || node instanceof ExecutionNode) {
      node.stale = true;
    }
    this.changed.fire(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const waiters = this.itemWaiters.get(node);
    if (waiters) {
      this.itemWaiters.delete(node);
      // VS Code registers the node right after it has the items of all its siblings.
      setImmediate(() => waiters.forEach((resolve) => resolve()));
    }
    return node.treeItem();
  }

  /** The view's filter. */
  get executionsFilter(): ExecutionsFilter {
    return this.filter;
  }

  /** Filters every workflow's executions (an empty filter shows them all) and reloads them. */
  setFilter(filter: ExecutionsFilter): void {
    this.filter = filter;
    if (this.view) this.view.description = filterDescription(filter);
    void vscode.commands.executeCommand('setContext', 'cloudWorkflows.executionsFiltered', filterDescription(filter) !== undefined);
    void this.workflows().then((nodes) => {
      for (const node of nodes) this.refresh(node);
    });
  }

  /** Shows a newly deployed revision on its workflow node (or the new workflow). */
  workflowDeployed(info: WorkflowInfo): void {
    void this.workflows().then((nodes) => {
      const node = nodes.find((n) => n.info.workflowId === info.workflowId);
      if (!node) return this.refresh();
      node.info = { ...node.info, ...info };
      if (node.revisions) node.revisions.revisions = undefined;
      this.changed.fire(node);
    });
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    try {
      if (!node) {
        const target = await this.targetNode();
        return target ? [target] : [];
      }
      if (node instanceof TargetNode) return node.children;
      if (node instanceof WorkflowNode) return await this.workflowChildren(node);
      if (node instanceof ExecutionNode) return await this.executionChildren(node);
      if (node instanceof ValueNode) return node.children();
      if (node instanceof RevisionsNode) return await this.revisionChildren(node);
      return [];
    } catch (err) {
      this.log.error('Reading executions failed', err);
      const d = describeFailure(err);
      const message = new MessageNode(node, d.message, 'error', d.hint);
      if (!node) {
        const target = new TargetNode(this.target.info);
        target.children = [message];
        return [target];
      }
      return [message];
    }
  }

  /** The workflow nodes (loading them if needed). */
  async workflows(): Promise<WorkflowNode[]> {
    const target = await this.targetNode();
    return (target?.children ?? []).filter((n): n is WorkflowNode => n instanceof WorkflowNode);
  }

  /** Loads the next page of a workflow's executions. */
  async loadMore(node: WorkflowNode): Promise<void> {
    if (!node.executions || !node.nextPageToken) return;
    const page = await this.source.listExecutions(node.info.workflowId, node.nextPageToken, listFilter(this.filter, Date.now()));
    const known = new Set(node.executions.map((e) => e.info.name));
    const added = page.items.filter((e) => !known.has(e.name)).map((e) => this.executionNode(node, e, false));
    await this.findParents(added);
    node.executions.push(...added);
    node.nextPageToken = page.nextPageToken;
    this.changed.fire(node);
  }

  /** The child executions of a parent execution (listing them if needed); none for a non-parent. */
  async childExecutions(node: ExecutionNode): Promise<ExecutionNode[]> {
    const nodes = await this.executionChildren(node);
    return nodes.filter((n): n is ExecutionNode => n instanceof ExecutionNode);
  }

  /** Shows a (new) execution under its workflow, reloading that workflow's first page. */
  async revealExecution(execution: ExecutionInfo): Promise<ExecutionNode | undefined> {
    let workflow = (await this.workflows()).find((w) => w.info.workflowId === execution.workflowId);
    if (!workflow) {
      this.refresh();
      workflow = (await this.workflows()).find((w) => w.info.workflowId === execution.workflowId);
      if (!workflow) return undefined;
    }
    workflow.stale = true;
    const children = await this.workflowChildren(workflow);
    const node = children.find((n): n is ExecutionNode => n instanceof ExecutionNode && n.info.name === execution.name);
    // VS Code must ask for the refreshed children (re-registering every expanded node below)
    // before the reveal: revealing a node it does not know yet makes it fetch the workflow's
    // children itself and forget the nodes under them that the view still shows.
    const shown = node && this.view?.visible ? this.itemShown(node) : undefined;
    this.changed.fire(workflow);
    if (shown) await shown;
    if (node && this.view) {
      try {
        await this.view.reveal(node, { select: true, focus: false, expand: false });
      } catch (err) {
        this.log.warn(`could not reveal ${execution.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return node;
  }

  /**
   * Replaces an execution's data everywhere it is shown (after cancel or a poll). When its state
   * changed, what is under it is listed again, and for a child the parent's children (the summary
   * and effective result follow).
   */
  updateExecution(node: ExecutionNode, info: ExecutionInfo): void {
    const changedState = node.info.state !== info.state;
    node.info = info;
    if (changedState) node.stale = true;
    this.changed.fire(node);
    this.poller.track(node);
    if (changedState && node.parent instanceof ExecutionNode) this.refresh(node.parent);
  }

  /** Forgets a deleted execution: its workflow lists its executions again. */
  executionDeleted(node: ExecutionNode): void {
    const workflow = node.parent instanceof WorkflowNode ? node.parent : undefined;
    if (workflow) this.refresh(workflow);
    else if (node.parent) this.refresh(node.parent);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private targetNode(): Promise<TargetNode | undefined> {
    if (!this.root) {
      const loading = this.loadTarget();
      this.root = loading;
      loading.catch(() => {
        if (this.root === loading) this.root = undefined;
      });
    }
    return this.root;
  }

  private async loadTarget(): Promise<TargetNode | undefined> {
    const target = new TargetNode(this.target.info);
    const workflows = await this.source.listWorkflows();
    if (workflows.length === 0) return undefined;
    target.children = workflows.map((w) => new WorkflowNode(target, w));
    return target;
  }

  /** Resolves once VS Code has asked for `node`'s tree item (or after a few seconds). */
  private itemShown(node: TreeNode): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, REVEAL_WAIT_MS);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.itemWaiters.set(node, [...(this.itemWaiters.get(node) ?? []), done]);
    });
  }

  private async revisionChildren(node: RevisionsNode): Promise<TreeNode[]> {
    node.revisions ??= (await this.source.listRevisions(node.parent.info.workflowId)).map(
      (info) => new RevisionNode(node, info, info.revisionId === node.parent.info.revisionId),
    );
    return node.revisions.length > 0 ? node.revisions : [new MessageNode(node, 'No revisions')];
  }

  private async workflowChildren(node: WorkflowNode): Promise<TreeNode[]> {
    node.revisions ??= new RevisionsNode(node);
    if (!node.executions || node.stale) {
      node.stale = false;
      const page = await this.source.listExecutions(node.info.workflowId, undefined, listFilter(this.filter, Date.now()));
      const previous = new Map((node.executions ?? []).map((e) => [e.info.name, e]));
      node.executions = page.items.map((e) => this.executionNode(node, e, false, previous.get(e.name)));
      node.nextPageToken = page.nextPageToken;
      await this.findParents(node.executions);
    }
    const none = filterDescription(this.filter) ? 'No executions match the filter' : 'No executions yet';
    if (node.executions.length === 0) return [node.revisions, new MessageNode(node, none)];
    return [node.revisions, ...node.executions, ...(node.nextPageToken ? [new LoadMoreNode(node)] : [])];
  }

  /**
   * The children of an execution node, listed again when stale. Concurrent callers share the
   * latest listing, and a listing overtaken by a newer one never overwrites it.
   */
  private executionChildren(node: ExecutionNode): Promise<TreeNode[]> {
    const current = this.listings.get(node);
    if (node.childNodes && !node.stale) return Promise.resolve(node.childNodes);
    if (current && !node.stale) return current;
    node.stale = false;
    const listing: Promise<TreeNode[]> = this.listExecutionChildren(node).then((out) => {
      if (this.listings.get(node) === listing) node.childNodes = out;
      return this.listings.get(node) === listing ? out : (node.childNodes ?? out);
    });
    this.listings.set(node, listing);
    listing.catch(() => {
      if (this.listings.get(node) === listing) this.listings.delete(node);
    });
    return listing;
  }

  private async listExecutionChildren(node: ExecutionNode): Promise<TreeNode[]> {
    const e = node.info;
    const out: TreeNode[] = [];
    node.calledIds ??= await this.source.calledWorkflows(e.workflowId, e.workflowRevisionId);
    if (node.calledIds.length > 0) {
      const previous = new Map(
        (node.childNodes ?? []).filter((n): n is ExecutionNode => n instanceof ExecutionNode).map((n) => [n.info.name, n]),
      );
      const set = summarizeChildren(await this.source.children(e, node.calledIds));
      node.childSet = set;
      out.push(new SummaryNode(node, set));
      for (const group of set.groups) {
        group.attempts.forEach((attempt, index) => {
          const child = this.executionNode(node, attempt, true, previous.get(attempt.name));
          child.retryIndex = index;
          child.retryChain = index === 0 && group.attempts.length > 1 ? group.chain : undefined;
          out.push(child);
        });
      }
      await this.findParents(out.filter((n): n is ExecutionNode => n instanceof ExecutionNode));
      // No change event for the parent here, although `.hasFailedChildren` may now hold: VS Code
      // would forget the children it is about to show, and a click on one in that moment gets
      // nothing. The inline Retry button appears with the parent's next refresh; the context
      // menu offers Retry Failed Children on every parent (`.parent`) meanwhile.
    }
    out.push(...this.valueNodes(node));
    if (node.childSet) {
      const effective = effectiveResult(decodeOrText(e.result), node.childSet);
      if (effective) out.push(new EffectiveResultNode(node, effective, `${e.name}/effective/${node.isChild}`));
    }
    return out;
  }

  /** The result (one node per key of a map result), the error, and for top-level runs the argument. */
  private valueNodes(node: ExecutionNode): ValueNode[] {
    const e = node.info;
    const out: ValueNode[] = [];
    const result = decodeOrText(e.result);
    if (result instanceof Map) out.push(...[...result.entries()].map(([k, v]) => new ValueNode(node, k, v, `${e.name}/result/${k}/${node.isChild}`)));
    else if (result !== undefined) out.push(new ValueNode(node, 'result', result, `${e.name}/result/${node.isChild}`));
    const error = decodeOrText(e.error?.payload);
    if (error !== undefined) out.push(new ValueNode(node, 'error', error, `${e.name}/error/${node.isChild}`));
    const argument = decodeOrText(e.argument);
    if (!node.isChild && argument !== undefined && argument !== null) out.push(new ValueNode(node, 'argument', argument, `${e.name}/argument`));
    return out;
  }

  /** Tells which executions are parents (their workflow starts others): one cached read per revision. */
  private async findParents(nodes: ExecutionNode[]): Promise<void> {
    await Promise.all(
      nodes.map(async (n) => {
        n.calledIds ??= await this.source.calledWorkflows(n.info.workflowId, n.info.workflowRevisionId).catch(() => undefined);
      }),
    );
  }

  private executionNode(parent: TreeNode, info: ExecutionInfo, isChild: boolean, reuse?: ExecutionNode): ExecutionNode {
    const node = reuse ?? new ExecutionNode(parent, info, isChild, this.target.info.kind === 'cloud');
    node.info = info;
    this.poller.track(node);
    return node;
  }

  /**
   * Reads every polled execution with one filtered list per workflow (created since the oldest
   * polled one), and updates the nodes whose execution changed.
   */
  private async poll(nodes: ExecutionNode[]): Promise<void> {
    const byWorkflow = new Map<string, ExecutionNode[]>();
    for (const node of nodes) byWorkflow.set(node.info.workflowId, [...(byWorkflow.get(node.info.workflowId) ?? []), node]);
    await Promise.all(
      [...byWorkflow].map(async ([workflowId, group]) => {
        const since = group.map((n) => n.info.createTime ?? n.info.startTime ?? '').sort()[0];
        const infos = since
          ? await this.source.executionsSince(workflowId, since, new Set(group.map((n) => n.info.name)))
          : await Promise.all(group.map((n) => this.source.getExecution(n.info.name)));
        const byName = new Map(infos.map((i) => [i.name, i]));
        for (const node of group) {
          const info = byName.get(node.info.name);
          // A collapsed running one is updated on every tick (it shows the time so far); an expanded
          // one only when its state changes, since each update makes VS Code list its children again.
          if (!info) continue;
          const changed = info.state !== node.info.state || (!this.expanded.has(node) && (isRunning(info) || JSON.stringify(info) !== JSON.stringify(node.info)));
          if (changed) this.updateExecution(node, info);
        }
      }),
    );
  }
}
