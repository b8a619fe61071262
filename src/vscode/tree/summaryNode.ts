import * as vscode from 'vscode';
import type { ChildSet } from './childExecutions';
import type { TreeNode } from './treeNode';

/** The first line under a parent execution: `4 children: 2 succeeded, 2 failed`. */
export class SummaryNode implements TreeNode {
  constructor(
    readonly parent: TreeNode,
    readonly children: ChildSet,
  ) {}

  get text(): string {
    return this.children.text;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.contextValue = 'childSummary';
    const failed = this.children.failed.length > 0;
    item.iconPath = new vscode.ThemeIcon('type-hierarchy-sub', failed ? new vscode.ThemeColor('testing.iconFailed') : undefined);
    return item;
  }
}
