import * as vscode from 'vscode';
import { CONNECTOR_SIGNATURE_TRIGGERS, connectorSignatureHelp } from '../../core/language/connectorSignatureHelp';
import { isWorkflowDocument } from '../workflowFiles';

/** The core's `connectorSignatureHelp` (as the language server serves it): a connector called inside `${}`. */
export class ConnectorSignatureHelpProvider implements vscode.SignatureHelpProvider {
  static readonly triggerCharacters = CONNECTOR_SIGNATURE_TRIGGERS;

  provideSignatureHelp(document: vscode.TextDocument, position: vscode.Position): vscode.SignatureHelp | undefined {
    if (!isWorkflowDocument(document)) return undefined;
    const line = document.lineAt(position.line).text.slice(0, position.character);
    const found = connectorSignatureHelp({ text: line }, line.length);
    if (!found) return undefined;
    const signature = new vscode.SignatureInformation(found.label, new vscode.MarkdownString(found.documentation));
    signature.parameters = found.parameters.map((p) => new vscode.ParameterInformation(p.label, p.documentation));
    const help = new vscode.SignatureHelp();
    help.signatures = [signature];
    help.activeSignature = 0;
    help.activeParameter = found.activeParameter;
    return help;
  }
}
