import * as vscode from 'vscode';
import type { ExecutionInfo } from '../../cloud/types';
import { describeFailure } from '../run/commandErrors';
import type { TargetService } from '../target/targetService';
import type { Log } from '../util/log';
import { summarizeChildren } from './childExecutions';
import { ExecutionNode } from './executionNode';
import { ExecutionsSource } from './executionsSource';
import { decodeOrText, isRunning } from './executionStyle';
import { LivePoller } from './livePoller';
import { LoadMoreNode } from './loadMoreNode';
import { LogsNode } from './logsNode';
import { MessageNode } from './messageNode';
import { SummaryNode } from './summaryNode';
import { TargetNode } from './targetNode';
import type { TreeNode } from './treeNode';
import { ValueNode } from './valueNode';
import { WorkflowNode } from './workflowNode';

/**
 * The Executions view: target → workflows → executions (newest first, a page at a time) →
 * children of parent executions with a summary, then result, error and argument values. Running
 * executions update while the view is visible. An empty target shows the welcome view.
 */
export class ExecutionsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly source: ExecutionsSource;
  private readonly poller: LivePoller;
  private root: Promise<TargetNode | undefined> | undefined;
  private view: vscode.TreeView<TreeNode> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly target: TargetService,
    private readonly log: Log,
  ) {
    this.source = new ExecutionsSource(target);
    this.poller = new LivePoller((node) => this.poll(node), () => this.view?.visible ?? false);
    this.disposables.push(this.changed, this.poller, target.onDidChange(() => this.refresh()));
  }

  /** API requests the tree has sent (for the benchmark: the cost of one refresh). */
  get requestCount(): number {
    return this.source.requests;
  }

  /** Connects the view, so polling runs only while it is visible. */
  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    this.disposables.push(view.onDidChangeVisibility(() => this.poller.visibilityChanged()));
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
    return node.treeItem();
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
      if (node instanceof LogsNode) return await node.loadChildren();
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
    const page = await this.source.listExecutions(node.info.workflowId, node.nextPageToken);
    const known = new Set(node.executions.map((e) => e.info.name));
    node.executions.push(...page.items.filter((e) => !known.has(e.name)).map((e) => this.executionNode(node, e, false)));
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
    this.changed.fire(workflow);
    const node = children.find((n): n is ExecutionNode => n instanceof ExecutionNode && n.info.name === execution.name);
    if (node && this.view) {
      try {
        await this.view.reveal(node, { select: true, focus: false, expand: false });
      } catch (err) {
        this.log.warn(`could not reveal ${execution.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return node;
  }

  /** Replaces an execution's data everywhere it is shown (after cancel or a poll). */
  updateExecution(node: ExecutionNode, info: ExecutionInfo): void {
    node.info = info;
    node.stale = true;
    this.changed.fire(node);
    this.poller.track(node);
    if (node.parent instanceof ExecutionNode && !isRunning(info)) this.refresh(node.parent);
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

  private async workflowChildren(node: WorkflowNode): Promise<TreeNode[]> {
    if (!node.executions || node.stale) {
      node.stale = false;
      const page = await this.source.listExecutions(node.info.workflowId);
      const previous = new Map((node.executions ?? []).map((e) => [e.info.name, e]));
      node.executions = page.items.map((e) => this.executionNode(node, e, false, previous.get(e.name)));
      node.nextPageToken = page.nextPageToken;
    }
    if (node.executions.length === 0) return [new MessageNode(node, 'No executions yet')];
    return node.nextPageToken ? [...node.executions, new LoadMoreNode(node)] : node.executions;
  }

  private async executionChildren(node: ExecutionNode): Promise<TreeNode[]> {
    if (node.childNodes && !node.stale) return node.childNodes;
    node.stale = false;
    const e = node.info;
    const out: TreeNode[] = [];
    node.calledIds ??= await this.source.calledWorkflows(e.workflowId, e.workflowRevisionId);
    if (node.calledIds.length > 0) {
      const hadFailed = node.hasFailedChildren;
      const previous = new Map(
        (node.childNodes ?? []).filter((n): n is ExecutionNode => n instanceof ExecutionNode).map((n) => [n.info.name, n]),
      );
      node.childSet = summarizeChildren(await this.source.children(e, node.calledIds));
      out.push(new SummaryNode(node, node.childSet), ...node.childSet.all.map((c) => this.executionNode(node, c, true, previous.get(c.name))));
      if (hadFailed !== node.hasFailedChildren) setImmediate(() => this.changed.fire(node));
    }
    out.push(...this.valueNodes(node), new LogsNode(node, e.name, this.source));
    node.childNodes = out;
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

  private executionNode(parent: TreeNode, info: ExecutionInfo, isChild: boolean, reuse?: ExecutionNode): ExecutionNode {
    const node = reuse ?? new ExecutionNode(parent, info, isChild, this.target.info.kind === 'cloud');
    node.info = info;
    this.poller.track(node);
    return node;
  }

  private async poll(node: ExecutionNode): Promise<void> {
    const info = await this.source.getExecution(node.info.name);
    this.updateExecution(node, info);
  }
}
