import type * as vscode from 'vscode';

/** An element of the executions tree: it knows its parent (for `reveal`) and how it looks. */
export interface TreeNode {
  readonly parent: TreeNode | undefined;
  treeItem(): vscode.TreeItem;
}
