/** Signature help over LSP for a connector called inside `${}`, from the core's `connectorSignatureHelp`. */
import { MarkupKind, type SignatureHelp } from 'vscode-languageserver';
import { connectorSignatureHelp } from '../core/language/connectorSignatureHelp';
import type { DocumentModel } from './documentModels';

/** The signature of the connector call around `offset`, or undefined when the cursor is not in one. */
export function connectorSignatureHelpAt(model: DocumentModel, offset: number): SignatureHelp | undefined {
  const help = connectorSignatureHelp(model, offset);
  if (!help) return undefined;
  return {
    signatures: [{ label: help.label, documentation: { kind: MarkupKind.Markdown, value: help.documentation }, parameters: help.parameters.map((p) => ({ label: p.label, documentation: p.documentation })) }],
    activeSignature: 0,
    activeParameter: help.activeParameter,
  };
}
