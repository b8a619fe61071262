import * as vscode from 'vscode';
import type { WorkflowInfo } from '../../cloud/types';
import { startText } from './executionStyle';
import type { TreeNode } from './treeNode';
import type { WorkflowNode } from './workflowNode';

/** "Revisions" under a workflow: its deployed revisions, newest first, listed when expanded. */
export class RevisionsNode implements TreeNode {
  revisions: RevisionNode[] | undefined;

  constructor(readonly parent: WorkflowNode) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Revisions', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.parent.info.name}/revisions`;
    item.contextValue = 'revisions';
    item.iconPath = new vscode.ThemeIcon('history');
    return item;
  }
}

/**
 * One revision: its ID, when it was deployed, and whether it is the current one. Clicking opens
 * its source; "Compare with Local File" diffs it against the workspace file of the workflow.
 */
export class RevisionNode implements TreeNode {
  constructor(
    readonly parent: RevisionsNode,
    readonly info: WorkflowInfo,
    readonly current: boolean,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.info.revisionId, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parent.parent.info.name}/revisions/${this.info.revisionId}`;
    item.contextValue = 'revision';
    item.iconPath = new vscode.ThemeIcon(this.current ? 'git-commit' : 'circle-outline');
    const when = startText(this.info.revisionCreateTime);
    item.description = [when, this.current ? 'current' : ''].filter(Boolean).join(' · ');
    item.command = { command: 'cloudWorkflows.openRevision', title: 'Open Revision Source', arguments: [this] };
    return item;
  }
}
