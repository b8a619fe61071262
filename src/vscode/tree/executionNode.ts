import * as vscode from 'vscode';
import type { ExecutionInfo } from '../../cloud/types';
import { argumentSummary } from './childExecutions';
import type { ChildSet } from './childExecutions';
import { durationText, elapsedSeconds, errorMessage, isRunning, resultText, startText, stateIcon } from './executionStyle';
import type { TreeNode } from './treeNode';

/**
 * An execution: under its workflow (labelled by its ID, described by state, start and duration)
 * or under its parent execution (labelled by its argument, described by state and result or error).
 * `contextValue` is `execution` plus `.child`, `.active`, `.retry`, `.parent` (its workflow starts
 * others), `.hasFailedChildren` (known once its children were listed) and `.cloud` parts, which
 * the menus in package.json match.
 */
export class ExecutionNode implements TreeNode {
  /** The workflows this execution's source starts (undefined until looked up). */
  calledIds: string[] | undefined;
  /** Its children, once listed (only for executions whose workflow starts others). */
  childSet: ChildSet | undefined;
  /** Cached child elements. */
  childNodes: TreeNode[] | undefined;
  /** Set when `childNodes` must be listed again (their nodes are reused by execution name). */
  stale = false;
  /** For a child: 0 for the first run, n for its n-th retry. */
  retryIndex = 0;
  /** For a retried child's first run: `FAILED → retried: SUCCEEDED`. */
  retryChain: string | undefined;

  constructor(
    readonly parent: TreeNode,
    public info: ExecutionInfo,
    readonly isChild: boolean,
    readonly cloud: boolean,
  ) {}

  get hasFailedChildren(): boolean {
    return (this.childSet?.failed.length ?? 0) > 0;
  }

  /**
   * The tree item's label: for a child its argument (`iteration: 2`, `(retry 1)` after it for a
   * retry), else when it started and how long it took (`14:31:02 · 10.0 s`); the ID is in the
   * description and the tooltip.
   */
  get label(): string {
    const e = this.info;
    const argument = this.isChild ? argumentSummary(e) : '';
    if (argument) return this.retryIndex > 0 ? `${argument} (retry ${this.retryIndex})` : argument;
    const when = [startText(e.startTime ?? e.createTime), durationText(elapsedSeconds(e))].filter(Boolean).join(' · ');
    return when || e.executionId;
  }

  /** The tree item's description. */
  get description(): string {
    const e = this.info;
    if (this.isChild) {
      if (this.retryChain) return this.retryChain;
      const outcome = isRunning(e) ? durationText(elapsedSeconds(e)) : e.state === 'SUCCEEDED' ? resultText(e) : errorMessage(e);
      return outcome ? `${e.state} · ${outcome}` : e.state;
    }
    return `${e.state} · ${e.executionId}`;
  }

  get contextValue(): string {
    let value = this.isChild ? 'execution.child' : 'execution';
    if (isRunning(this.info)) value += '.active';
    if (this.retryIndex > 0) value += '.retry';
    if ((this.calledIds?.length ?? 0) > 0) value += '.parent';
    if (this.hasFailedChildren) value += '.hasFailedChildren';
    if (this.cloud) value += '.cloud';
    return value;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.isChild ? `${idOf(this.parent)}/child/${this.info.name}` : this.info.name;
    item.description = this.description;
    item.contextValue = this.contextValue;
    item.iconPath = stateIcon(this.info.state);
    item.tooltip = this.tooltip();
    return item;
  }

  private tooltip(): vscode.MarkdownString {
    const e = this.info;
    const lines = [
      `**${e.workflowId}** · \`${e.executionId}\``,
      `State: ${e.state}`,
      e.startTime ? `Started: ${e.startTime}` : undefined,
      e.endTime ? `Ended: ${e.endTime}` : undefined,
      e.durationSeconds !== undefined ? `Duration: ${durationText(e.durationSeconds)}` : undefined,
      e.argument && e.argument !== 'null' ? `Argument: \`${e.argument.slice(0, 300)}\`` : undefined,
      this.childSet ? `Children: ${this.childSet.text}` : undefined,
      errorMessage(e) ? `Error: ${errorMessage(e)}` : undefined,
    ];
    const markdown = new vscode.MarkdownString(lines.filter(Boolean).join('  \n'));
    markdown.supportHtml = false;
    return markdown;
  }
}

function idOf(node: TreeNode): string {
  return node instanceof ExecutionNode ? node.info.name : 'root';
}
