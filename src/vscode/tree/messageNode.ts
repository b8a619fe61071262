import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/** A leaf that says something: "No executions yet", or why a list could not be read. */
export class MessageNode implements TreeNode {
  constructor(
    readonly parent: TreeNode | undefined,
    readonly message: string,
    readonly kind: 'info' | 'error' = 'info',
    readonly hint?: string,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.contextValue = this.kind === 'error' ? 'message.error' : 'message';
    item.iconPath = this.kind === 'error' ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('info');
    if (this.hint) item.tooltip = `${this.message}\n${this.hint}`;
    return item;
  }
}
