import * as vscode from 'vscode';

/**
 * Starts the adapter as `node dist/cli.js dap`, the very command other editors use, rather than
 * in the extension host: the workflow runs in the adapter, and a long or busy run must not take
 * the editor's thread (STYLE 15). The editor's own runtime runs it (`ELECTRON_RUN_AS_NODE`).
 */
export class WorkflowDebugAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly context: vscode.ExtensionContext) {}

  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
    return new vscode.DebugAdapterExecutable(process.execPath, [this.context.asAbsolutePath('dist/cli.js'), 'dap'], { env: { ELECTRON_RUN_AS_NODE: '1' } });
  }
}
