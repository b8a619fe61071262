import * as vscode from 'vscode';
import { spanContains } from '../../core/model/query';
import type { Workflow } from '../../core/model/types';
import { workflowReferences, type WorkflowReference } from '../../core/validate/childWorkflows';
import { toRange } from '../util/ranges';
import { isWorkflowDocument } from '../workflowFiles';
import type { WorkflowCache } from './workflowCache';
import type { IndexedWorkflow, WorkflowIndex } from './workflowIndex';

/** The workflow reference (`workflow_id: child`, `…/workflows/child`) under the cursor, if any. */
export function referenceAt(workflow: Workflow, offset: number): WorkflowReference | undefined {
  return workflowReferences(workflow).find((r) => spanContains(r.span, offset));
}

/** Markdown for a hover on a reference to `child`: its file and what it reads from its parameter. */
export function describeChild(id: string, files: IndexedWorkflow[]): string {
  if (files.length === 0) return `Workflow \`${id}\`: no workflow file in this workspace has this ID.`;
  const [child] = files;
  const lines = [`**Workflow \`${id}\`**: \`${vscode.workspace.asRelativePath(child.uri)}\``];
  if (files.length > 1) lines.push(`Also in: ${files.slice(1).map((f) => `\`${vscode.workspace.asRelativePath(f.uri)}\``).join(', ')}`);
  if (child.params.length === 0) lines.push('Takes no parameter.');
  else lines.push(`Parameter: \`${child.params.join(', ')}\``);
  const reads = child.reads;
  if (reads && (reads.required.length > 0 || reads.optional.length > 0)) {
    const keys = [...reads.required.map((k) => `\`${k}\``), ...reads.optional.map((k) => `\`${k}\` (optional)`)];
    lines.push(`Reads from \`${reads.param}\`: ${keys.join(', ')}${reads.open ? ', and may read others' : ''}`);
  }
  return lines.join('\n\n');
}

/** Document links from every workflow reference to the child's file. */
export class WorkflowLinkProvider implements vscode.DocumentLinkProvider {
  constructor(
    private readonly cache: WorkflowCache,
    private readonly index: WorkflowIndex,
  ) {}

  provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentLink[] | undefined {
    if (token.isCancellationRequested || !isWorkflowDocument(document)) return undefined;
    const workflow = this.cache.workflow(document);
    if (token.isCancellationRequested) return undefined;
    return workflowReferences(workflow).flatMap((ref) => {
      const child = this.index.find(ref.id)[0];
      if (!child) return [];
      const link = new vscode.DocumentLink(toRange(document, ref.span), child.uri.with({ fragment: `L${child.target.start.line + 1}` }));
      link.tooltip = `Open workflow ${ref.id}`;
      return [link];
    });
  }
}
