import * as vscode from 'vscode';
import { encodeJson } from '../../engine/json';
import type { Value } from '../../engine/value';
import type { TreeNode } from './treeNode';

const MAX_DESCRIPTION = 120;

/**
 * A piece of an execution's result, error or argument: `success` → `{"1": "Hello world1", …}`.
 * Maps and lists expand into their entries; numbers keep their exact digits.
 */
export class ValueNode implements TreeNode {
  constructor(
    readonly parent: TreeNode,
    readonly key: string,
    readonly value: Value,
    /** Stable id prefix (the execution name and the path to this value). */
    readonly path: string,
  ) {}

  /** The compact JSON of the value (strings unquoted at the top level). */
  get text(): string {
    return typeof this.value === 'string' ? this.value : encodeJson(this.value);
  }

  children(): ValueNode[] {
    const v = this.value;
    if (v instanceof Map) return [...v.entries()].map(([k, child]) => new ValueNode(this, k, child, `${this.path}/${k}`));
    if (Array.isArray(v)) return v.map((child, i) => new ValueNode(this, `[${i}]`, child, `${this.path}/${i}`));
    return [];
  }

  treeItem(): vscode.TreeItem {
    const expandable = (this.value instanceof Map && this.value.size > 0) || (Array.isArray(this.value) && this.value.length > 0);
    const item = new vscode.TreeItem(this.key, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.path;
    item.contextValue = 'value';
    const text = this.text;
    item.description = text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
    item.tooltip = text.length > MAX_DESCRIPTION ? text.slice(0, 2000) : undefined;
    return item;
  }
}
