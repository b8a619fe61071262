import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';
import type { WorkflowNode } from './workflowNode';

/** "Load more…" past a page of executions; runs `cloudWorkflows.loadMore` on its workflow. */
export class LoadMoreNode implements TreeNode {
  constructor(readonly parent: WorkflowNode) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parent.info.name}/load-more`;
    item.contextValue = 'loadMore';
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.command = { command: 'cloudWorkflows.loadMore', title: 'Load More Executions', arguments: [this.parent] };
    return item;
  }
}
