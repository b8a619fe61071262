import * as vscode from 'vscode';
import { lookupConnectorMethod } from '../../core/connectors/catalogue';
import { isWorkflowDocument } from '../workflowFiles';
import { argLabel, connectorSignature } from '../../core/language/connectorDocs';
import { connectorCallAt } from '../../core/language/connectorCallAt';

/**
 * Signature help for a connector called with positional arguments inside `${}`, e.g.
 * `${googleapis.secretmanager.v1.projects.secrets.versions.accessString(secret_id, version)}`.
 */
export class ConnectorSignatureHelpProvider implements vscode.SignatureHelpProvider {
  static readonly triggerCharacters = ['(', ','];

  provideSignatureHelp(document: vscode.TextDocument, position: vscode.Position): vscode.SignatureHelp | undefined {
    if (!isWorkflowDocument(document)) return undefined;
    const line = document.lineAt(position.line).text.slice(0, position.character);
    const call = connectorCallAt(line);
    const method = call && lookupConnectorMethod(call.name);
    if (!call || !method) return undefined;
    const args = method.args.filter((a) => a.kind !== 'standard' && a.kind !== 'connector_params');
    const signature = new vscode.SignatureInformation(connectorSignature({ ...method, args }), new vscode.MarkdownString(method.data.doc));
    signature.parameters = args.map((a) => new vscode.ParameterInformation(argLabel(a), a.doc));
    const help = new vscode.SignatureHelp();
    help.signatures = [signature];
    help.activeSignature = 0;
    help.activeParameter = Math.min(call.argIndex, Math.max(0, args.length - 1));
    return help;
  }
}
