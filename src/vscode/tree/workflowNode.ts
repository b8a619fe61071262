import * as vscode from 'vscode';
import type { WorkflowInfo } from '../../cloud/types';
import type { ExecutionNode } from './executionNode';
import type { RevisionsNode } from './revisionNode';
import type { TargetNode } from './targetNode';
import type { TreeNode } from './treeNode';

/** A deployed workflow; its children are its executions, newest first, a page at a time. */
export class WorkflowNode implements TreeNode {
  /** Loaded executions (undefined until first expanded or after a refresh). */
  executions: ExecutionNode[] | undefined;
  nextPageToken: string | undefined;
  /** Set when the first page must be read again (execution nodes are reused by name). */
  stale = false;
  /** The "Revisions" folder (created with the first listing). */
  revisions: RevisionsNode | undefined;

  constructor(
    readonly parent: TargetNode,
    public info: WorkflowInfo,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.info.workflowId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.info.name;
    item.contextValue = this.parent.info.kind === 'cloud' ? 'workflow.cloud' : 'workflow';
    item.iconPath = new vscode.ThemeIcon('symbol-event');
    item.description = this.info.revisionId ? `revision ${this.info.revisionId}` : undefined;
    item.tooltip = [this.info.name, this.info.description, this.info.updateTime ? `updated ${this.info.updateTime}` : undefined].filter(Boolean).join('\n');
    return item;
  }
}
