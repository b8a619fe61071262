/**
 * The links of a workflow document: a `call:` of a subworkflow to its definition, an `http(s)`
 * `url:` literal of a call's arguments to that URL, and a child workflow's ID (`workflow_id:` of
 * executions.run/create, `…/workflows/child` in `parent`/`name`) to be resolved to its file by a
 * workspace index. Pure (no editor API): spans are document offsets.
 */
import type { Span } from '../location';
import type { Value, Workflow } from '../model/types';
import { stepsOfKind } from '../validate/context';
import { workflowReferences } from '../validate/childWorkflows';
import { contextOf } from '../validate/context';
import { nameSpan } from './references';

export type DocumentLink =
  | { kind: 'subworkflow'; span: Span; name: string; target: Span }
  | { kind: 'url'; span: Span; url: string }
  | { kind: 'workflow'; span: Span; id: string };

const URL = /^https?:\/\/[^\s"'<>]+$/;

/** Every link of `workflow`, in source order. */
export function documentLinks(workflow: Workflow): DocumentLink[] {
  const out: DocumentLink[] = [];
  const routines = new Map(workflow.form === 'routines' ? workflow.routines.map((r) => [r.name.value, r] as const).reverse() : []);
  for (const { step } of stepsOfKind(contextOf(workflow), 'call')) {
    const routine = routines.get(step.call.value);
    if (routine) out.push({ kind: 'subworkflow', span: nameSpan(workflow.text, step.call), name: routine.name.value, target: routine.name.span });
    if (step.args) urls(workflow.text, step.args, out);
  }
  for (const ref of workflowReferences(workflow)) out.push({ kind: 'workflow', span: ref.span, id: ref.id });
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** `url: https://…` entries at any depth of a call's arguments. */
function urls(text: string, value: Value, out: DocumentLink[]): void {
  if (value.kind === 'list') for (const item of value.items) urls(text, item, out);
  if (value.kind !== 'map') return;
  for (const { key, value: v } of value.entries) {
    if (key.kind === 'scalar' && key.value === 'url' && v.kind === 'scalar' && typeof v.value === 'string' && URL.test(v.value)) {
      const at = text.indexOf(v.value, v.span.start);
      if (at >= 0 && at + v.value.length <= v.span.end) out.push({ kind: 'url', span: { start: at, end: at + v.value.length }, url: v.value });
    } else {
      urls(text, v, out);
    }
  }
}
