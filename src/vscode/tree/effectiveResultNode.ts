import * as vscode from 'vscode';
import type { EffectiveResult } from './effectiveResult';
import type { TreeNode } from './treeNode';
import { ValueNode } from './valueNode';

/**
 * A parent's effective result: its result with each retried child's latest outcome merged in
 * (see `effectiveResult.ts`). Said to be computed locally, next to the parent's own result,
 * which stays as the execution recorded it.
 */
export class EffectiveResultNode extends ValueNode {
  constructor(
    parent: TreeNode,
    readonly effective: EffectiveResult,
    path: string,
  ) {
    super(parent, 'effective result', effective.value, path);
  }

  override treeItem(): vscode.TreeItem {
    const item = super.treeItem();
    item.contextValue = 'value.effectiveResult';
    item.iconPath = new vscode.ThemeIcon('merge');
    item.description = `computed locally · ${item.description ?? ''}`;
    const lines = [
      "Computed in the editor: the parent's result with each retried child's latest outcome merged in. The parent's own result is unchanged.",
      ...this.effective.merged.map((m) => `- merged ${m}`),
      ...this.effective.notPlaced.map((m) => `- not found in the result, left out: ${m}`),
    ];
    item.tooltip = lines.join('\n');
    item.accessibilityInformation = { label: `effective result, computed locally: ${String(item.description)}` };
    return item;
  }
}
