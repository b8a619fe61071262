import * as vscode from 'vscode';
import type { ExecutionInfo } from '../../cloud/types';
import { argumentSummary } from './childExecutions';
import type { ChildSet } from './childExecutions';
import { durationText, elapsedSeconds, errorMessage, isRunning, resultText, startText, stateIcon } from './executionStyle';
import type { TreeNode } from './treeNode';

/**
 * An execution: under its workflow (labelled by its ID, described by state, start and duration)
 * or under its parent execution (labelled by its argument, described by state and result or error).
 * `contextValue` is `execution` plus `.child`, `.active`, `.hasFailedChildren` and `.cloud` parts,
 * which the menus in package.json match.
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

  constructor(
    readonly parent: TreeNode,
    public info: ExecutionInfo,
    readonly isChild: boolean,
    readonly cloud: boolean,
  ) {}

  get hasFailedChildren(): boolean {
    return (this.childSet?.failed.length ?? 0) > 0;
  }

  /** The tree item's label. */
  get label(): string {
    return (this.isChild && argumentSummary(this.info)) || this.info.executionId;
  }

  /** The tree item's description. */
  get description(): string {
    const e = this.info;
    if (this.isChild) {
      const outcome = isRunning(e) ? durationText(elapsedSeconds(e)) : e.state === 'SUCCEEDED' ? resultText(e) : errorMessage(e);
      return outcome ? `${e.state} · ${outcome}` : e.state;
    }
    return [e.state, startText(e.startTime ?? e.createTime), durationText(elapsedSeconds(e))].filter(Boolean).join(' · ');
  }

  get contextValue(): string {
    let value = this.isChild ? 'execution.child' : 'execution';
    if (isRunning(this.info)) value += '.active';
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
    item.command = { command: 'cloudWorkflows.showExecutionDetails', title: 'Show Execution Details', arguments: [this] };
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
