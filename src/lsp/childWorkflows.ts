/**
 * Definition and hover on a child workflow's ID (`workflow_id: child`, `…/workflows/child`): the
 * child's file from the workspace index, and what it takes and reads. Other symbols are left to
 * `navigation.ts`.
 */
import type { Hover, Location } from 'vscode-languageserver';
import { spanContains } from '../core/model/query';
import { describeChild } from '../core/language/workspaceIndex';
import { workflowReferences, type WorkflowReference } from '../core/validate/childWorkflows';
import type { DocumentModel } from './documentModels';
import type { ServerWorkspaceIndex } from './workspaceIndex';

/** The workflow reference under the cursor, if any. */
export function childReferenceAt(model: DocumentModel, offset: number): WorkflowReference | undefined {
  return workflowReferences(model.workflow).find((r) => spanContains(r.span, offset));
}

/** Every file with the referenced ID, at its `main`; undefined off a reference. */
export function childDefinitionAt(model: DocumentModel, offset: number, index: ServerWorkspaceIndex): Location[] | undefined {
  const reference = childReferenceAt(model, offset);
  return reference && index.find(reference.id).map((child) => ({ uri: child.uri, range: { start: child.target, end: child.target } }));
}

/** The child's file, parameter and keys it reads; undefined off a reference. */
export function childHoverAt(model: DocumentModel, offset: number, index: ServerWorkspaceIndex): Hover | undefined {
  const reference = childReferenceAt(model, offset);
  if (!reference) return undefined;
  return { contents: { kind: 'markdown', value: describeChild(reference.id, index.find(reference.id), (uri) => index.relative(uri)) }, range: model.lines.rangeOf(reference.span) };
}
