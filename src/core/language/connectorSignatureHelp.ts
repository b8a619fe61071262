/**
 * Signature help for a connector called with positional arguments inside `${}`, e.g.
 * `${googleapis.secretmanager.v1.projects.secrets.versions.accessString(secret_id, version)}`.
 * Pure (no `vscode` import).
 */
import { lookupConnectorMethod } from '../connectors/catalogue';
import { connectorCallAt } from './connectorCallAt';
import { argLabel, connectorSignature } from './connectorDocs';

/** One signature with its parameters, as LSP and VS Code show them. */
export interface SignatureHelpInfo {
  label: string;
  /** Markdown. */
  documentation: string;
  parameters: { label: string; documentation: string }[];
  activeParameter: number;
}

/** The connector call whose argument list holds `offset`, or undefined when the cursor is not in one. */
export function connectorSignatureHelp(model: { readonly text: string }, offset: number): SignatureHelpInfo | undefined {
  const { text } = model;
  const call = connectorCallAt(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
  const method = call && lookupConnectorMethod(call.name);
  if (!call || !method) return undefined;
  const args = method.args.filter((a) => a.kind !== 'standard' && a.kind !== 'connector_params');
  return {
    label: connectorSignature({ ...method, args }),
    documentation: method.data.doc,
    parameters: args.map((a) => ({ label: argLabel(a), documentation: a.doc })),
    activeParameter: Math.min(call.argIndex, Math.max(0, args.length - 1)),
  };
}
