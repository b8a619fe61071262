import * as vscode from 'vscode';
import type { ExecutionInfo } from '../../cloud/types';
import { reportFailure, UserError } from '../run/commandErrors';
import type { RunContext } from '../run/runContext';
import { ExecutionNode } from '../tree/executionNode';
import { DeployedSources } from './deployedSources';
import { ExecutionDetailsPanel } from './executionDetailsPanel';
import type { PanelServices } from './executionDetailsPanel';

/** The webview panel type (also what VS Code restores panels by). */
export const DETAILS_VIEW_TYPE = 'cloudWorkflows.executionDetails';

/**
 * The Execution Details panels, one per execution: opening an execution that already has a
 * panel reveals it and reads it again.
 */
export class ExecutionDetailsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ExecutionDetailsPanel>();
  private readonly deployed = new DeployedSources();
  private readonly services: PanelServices;

  constructor(ctx: RunContext) {
    this.services = {
      source: ctx.tree.source,
      deployed: this.deployed,
      log: ctx.log,
      media: vscode.Uri.joinPath(ctx.extension.extensionUri, 'media', 'details'),
      openExecution: async (name) => {
        await this.open(name);
      },
      openStepHistoryJson: async (execution, entries) => {
        await ctx.outputs.showSteps(execution, entries);
      },
      logsConsoleUrl: async (url) => {
        await vscode.env.openExternal(vscode.Uri.parse(url));
      },
    };
  }

  /** Opens (or reveals) the panel of an execution, by name, and reads it. */
  async open(name: string): Promise<ExecutionDetailsPanel> {
    let panel = this.panels.get(name);
    if (panel) {
      panel.panel.reveal(undefined, false);
    } else {
      const id = name.slice(name.lastIndexOf('/') + 1);
      const workflowId = /\/workflows\/([^/]+)\//.exec(name)?.[1] ?? '';
      const webviewPanel = vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, `${workflowId} · ${id.slice(0, 8)}`, vscode.ViewColumn.Active, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [this.services.media],
      });
      panel = new ExecutionDetailsPanel(name, webviewPanel, this.services, () => this.panels.delete(name));
      this.panels.set(name, panel);
    }
    await panel.reload();
    return panel;
  }

  /** The open panel of an execution, if any (for tests). */
  get(name: string): ExecutionDetailsPanel | undefined {
    return this.panels.get(name);
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.deployed.dispose();
  }
}

/** The execution a command was given: a tree node, an execution name, or an `ExecutionInfo`. */
function executionName(arg: unknown): string {
  if (arg instanceof ExecutionNode) return arg.info.name;
  if (typeof arg === 'string' && /\/executions\/[^/]+$/.test(arg)) return arg;
  if (typeof arg === 'object' && arg !== null && typeof (arg as ExecutionInfo).name === 'string') return (arg as ExecutionInfo).name;
  throw new UserError('Choose an execution in the Executions view first.');
}

/** Registers `cloudWorkflows.showExecutionDetails` (a click on an execution in the tree). */
export function registerExecutionDetails(ctx: RunContext): ExecutionDetailsPanels {
  const panels = new ExecutionDetailsPanels(ctx);
  ctx.extension.subscriptions.push(
    panels,
    vscode.commands.registerCommand('cloudWorkflows.showExecutionDetails', async (arg?: unknown) => {
      try {
        return await panels.open(executionName(arg));
      } catch (err) {
        reportFailure(ctx.log, 'Showing the execution details', err);
        return undefined;
      }
    }),
  );
  return panels;
}
