import * as path from 'node:path';
import * as vscode from 'vscode';
import { isWorkflowDocument } from '../workflowFiles';

export const DEBUG_TYPE = 'cloud-workflows';

/** Why debugging is refused in Restricted Mode: it runs the workflow (HTTP calls included). */
export const UNTRUSTED_MESSAGE = 'Debugging a workflow runs it, so it is disabled in Restricted Mode: trust this workspace to debug.';

/** A launch configuration that debugs `file`. */
export function configurationFor(file: string, extra: Partial<vscode.DebugConfiguration> = {}): vscode.DebugConfiguration {
  return { type: DEBUG_TYPE, request: 'launch', name: `Debug ${path.basename(file)}`, program: file, ...extra };
}

function activeWorkflowFile(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && document.uri.scheme === 'file' && isWorkflowDocument(document) ? document.uri.fsPath : undefined;
}

/** The dynamic configuration: the active workflow file, listed in Run and Debug without a launch.json. */
export const dynamicConfigurations: vscode.DebugConfigurationProvider = {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    const file = activeWorkflowFile();
    return file ? [configurationFor(file)] : [];
  },
};

/**
 * Completes `cloud-workflows` configurations: F5 with no launch.json debugs the active workflow
 * file (stopping on entry), a configuration without `program` (or `testFile`) takes the active file, and nothing
 * starts in an untrusted workspace.
 */
export class WorkflowDebugConfigurationProvider implements vscode.DebugConfigurationProvider {
  resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage(UNTRUSTED_MESSAGE);
      return undefined;
    }
    if (!config.type && !config.request && !config.name) {
      const file = activeWorkflowFile();
      if (!file) {
        void vscode.window.showErrorMessage('Open a workflow file to debug it, or add a "cloud-workflows" configuration to launch.json.');
        return undefined;
      }
      return configurationFor(file, { stopOnEntry: true });
    }
    // A test's run names its workflow itself (the test file's `workflow:` or its default).
    if (!config.program && !config.testFile) {
      const file = activeWorkflowFile();
      if (!file) {
        void vscode.window.showErrorMessage('The launch configuration has no "program": the workflow file to debug.');
        return undefined;
      }
      return { ...config, program: file };
    }
    return config;
  }
}
