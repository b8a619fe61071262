import * as vscode from 'vscode';
import type { TargetInfo, TargetService } from './targetService';

/** `$(cloud) Workflows: Local emulator` in the status bar; clicking it switches the target. */
export function createTargetStatusBar(target: TargetService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('cloudWorkflows.target', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Cloud Workflows Target';
  item.command = 'cloudWorkflows.switchTarget';
  const show = (info: TargetInfo): void => {
    item.text = `$(${info.kind === 'emulator' ? 'server-process' : 'cloud'}) Workflows: ${info.label}`;
    item.tooltip = `Deploy and Run go to: ${info.label}. Click to switch.`;
  };
  show(target.info);
  item.show();
  return vscode.Disposable.from(item, target.onDidChange(show));
}
