import * as vscode from 'vscode';
import type { LogLine } from '../../cloud/types';
import type { ExecutionsSource } from './executionsSource';
import { MessageNode } from './messageNode';
import type { TreeNode } from './treeNode';

/** Severity → icon colour: errors red, warnings yellow, info blue, debug and default plain. */
const SEVERITY_COLOURS: Record<string, string | undefined> = {
  DEBUG: 'disabledForeground',
  INFO: 'charts.blue',
  NOTICE: 'charts.blue',
  WARNING: 'charts.yellow',
  ERROR: 'charts.red',
  CRITICAL: 'charts.red',
  ALERT: 'charts.red',
  EMERGENCY: 'charts.red',
};

/** A `sys.log` line: the text (or JSON) as label, the severity as description and colour. */
export class LogLineNode implements TreeNode {
  constructor(
    readonly parent: TreeNode,
    readonly line: LogLine,
  ) {}

  treeItem(): vscode.TreeItem {
    const text = this.line.text ?? this.line.json ?? '';
    const item = new vscode.TreeItem(text.length > 200 ? `${text.slice(0, 199)}…` : text, vscode.TreeItemCollapsibleState.None);
    item.description = this.line.severity;
    item.contextValue = 'logLine';
    const colour = SEVERITY_COLOURS[this.line.severity];
    item.iconPath = new vscode.ThemeIcon(this.line.json !== undefined ? 'json' : 'output', colour ? new vscode.ThemeColor(colour) : undefined);
    item.tooltip = `${this.line.time} ${this.line.severity}\n${text}`;
    return item;
  }
}

/** "Logs" under an execution: its `sys.log` lines, read when expanded. */
export class LogsNode implements TreeNode {
  constructor(
    readonly parent: TreeNode,
    private readonly executionName: string,
    private readonly source: ExecutionsSource,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Logs', vscode.TreeItemCollapsibleState.Collapsed);
    item.contextValue = 'logs';
    item.iconPath = new vscode.ThemeIcon('output');
    return item;
  }

  async loadChildren(): Promise<TreeNode[]> {
    const logs = await this.source.call((c) => c.listExecutionLogs(this.executionName));
    const out: TreeNode[] = logs.lines.map((l) => new LogLineNode(this, l));
    if (logs.dropped) out.unshift(new MessageNode(this, `${logs.dropped} older lines were not kept`));
    if (logs.unavailable) out.push(new MessageNode(this, logs.unavailable.reason, 'error', logs.unavailable.consoleUrl));
    if (out.length === 0) out.push(new MessageNode(this, 'No sys.log lines'));
    return out;
  }
}
