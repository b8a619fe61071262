import * as vscode from 'vscode';

/** The scheme of read-only documents holding a deployed revision's source. */
export const SOURCE_SCHEME = 'cloud-workflows-source';

/**
 * Deployed workflow sources as read-only documents (`cloud-workflows-source:/ID/REVISION.yaml`),
 * so the details panel can link a step to its line when no workspace file holds that revision.
 */
export class DeployedSources implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Keeps `text` and returns the URI that shows it. */
  put(workflowId: string, revisionId: string, text: string): vscode.Uri {
    const json = /^\s*[{[]/.test(text);
    const uri = vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `/${workflowId}/${revisionId || 'latest'}.${json ? 'json' : 'yaml'}` });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}
