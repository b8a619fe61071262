import * as vscode from 'vscode';
import type { TargetInfo } from '../target/targetService';
import type { TreeNode } from './treeNode';

/** The root: where Deploy and Run go. Its children are the deployed workflows. */
export class TargetNode implements TreeNode {
  readonly parent = undefined;
  children: TreeNode[] = [];

  constructor(readonly info: TargetInfo) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.info.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `target/${this.info.key}`;
    item.contextValue = `target.${this.info.kind}`;
    item.iconPath = new vscode.ThemeIcon(this.info.kind === 'emulator' ? 'server-process' : 'cloud');
    item.tooltip = `Deploy and Run go to: ${this.info.label}. Switch with the status bar item or Cloud Workflows: Switch Target.`;
    return item;
  }
}
