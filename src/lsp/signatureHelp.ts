/**
 * Signature help over LSP for standard-library functions and subworkflows: inside `${…}` and in
 * the `args:` of a `call:` step (the core's `signatureAt`). Connector calls get null here: the
 * connector signature help answers them, as `signatureHelpAt(...) ?? connectorSignatureHelp(...)`.
 */
import type { SignatureHelp } from 'vscode-languageserver';
import { signatureAt } from '../core/language/signatureHelp';
import type { DocumentModel } from './documentModels';

/** Characters after which clients ask for signature help (connector calls, functions and subworkflows alike). */
export const SIGNATURE_TRIGGERS = ['(', ','];

/** The signature at `offset`; null off a call and in a connector call. */
export function signatureHelpAt(model: DocumentModel, offset: number): SignatureHelp | null {
  const info = signatureAt(model.workflow, offset);
  if (!info) return null;
  const signature = {
    label: info.label,
    ...(info.documentation ? { documentation: { kind: 'markdown' as const, value: info.documentation } } : {}),
    parameters: info.parameters.map((p) => (p.documentation ? { label: p.label, documentation: { kind: 'markdown' as const, value: p.documentation } } : { label: p.label })),
  };
  // An out-of-range active parameter tells the client that no parameter is being written.
  return { signatures: [signature], activeSignature: 0, activeParameter: info.activeParameter ?? info.parameters.length };
}
