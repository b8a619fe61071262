/**
 * Names under the cursor, resolved: a standard-library function or constant, a connector, a
 * subworkflow, a variable or a `next` target. Hover and go-to-definition both start here.
 * Pure (no `vscode` import).
 */
import type { Span } from '../../core/location';
import type { Expr } from '../../core/expr/ast';
import type { Name, Routine, Step, Workflow } from '../../core/model/types';
import { isStdlibModule } from '../../core/stdlib/catalogue';
import { contains, expressionAt, nodeAt, routineAt, variablesAt, walkRoutine } from './workflowQuery';

export type SymbolAt =
  /** A dotted name in `call:` or an expression: function, constant, connector or subworkflow. */
  | { kind: 'callable'; name: string; span: Span; routine: Routine; inExpression: boolean }
  | { kind: 'variable'; name: string; span: Span; routine: Routine }
  | { kind: 'nextTarget'; name: string; span: Span; routine: Routine };

/** The symbol at `offset`, if the cursor is on one. */
export function symbolAt(workflow: Workflow, offset: number): SymbolAt | undefined {
  const routine = routineAt(workflow, offset);
  if (!routine) return undefined;
  for (const { step } of walkRoutine(routine)) {
    const target = nextNames(step).find((n) => contains(n.span, offset));
    if (target) return { kind: 'nextTarget', name: target.value, span: target.span, routine };
    if (step.kind === 'call' && contains(step.call.span, offset)) {
      return { kind: 'callable', name: step.call.value, span: step.call.span, routine, inExpression: false };
    }
  }
  const found = expressionAt(routine, offset);
  if (!found) return undefined;
  const { expr } = found;
  if (!expr.parsed.ok) return undefined;
  const relative = relativeOffset(expr.toDocumentOffset, offset, expr.text.length);
  const node = nodeAt(expr.parsed.expr, relative);
  if (!node) return undefined;
  const toDocument = (span: Span): Span => ({ start: expr.toDocumentOffset(span.start), end: expr.toDocumentOffset(span.end) });
  if (node.kind === 'call' && contains(node.calleeSpan, relative)) {
    return { kind: 'callable', name: node.callee, span: toDocument(node.calleeSpan), routine, inExpression: true };
  }
  const dotted = dottedName(node);
  if (dotted && isStdlibModule(dotted.name.split('.')[0]) && dotted.name.includes('.')) {
    return { kind: 'callable', name: dotted.name, span: toDocument(dotted.span), routine, inExpression: true };
  }
  if (node.kind === 'identifier') {
    if (!variablesAt(routine, offset).has(node.name) && workflow.routines.some((r) => r.name.value === node.name)) {
      return { kind: 'callable', name: node.name, span: toDocument(node.span), routine, inExpression: true };
    }
    return { kind: 'variable', name: node.name, span: toDocument(node.span), routine };
  }
  return undefined;
}

/** The `next` targets a step names itself (its own and its switch cases'). */
export function nextNames(step: Step): Name[] {
  const names = step.next ? [step.next] : [];
  if (step.kind === 'switch') for (const c of step.cases) if (c.next) names.push(c.next);
  return names;
}

/** The relative offset inside an expression's text that maps to a document offset. */
function relativeOffset(toDocument: (relative: number) => number, offset: number, length: number): number {
  for (let i = 0; i <= length; i++) if (toDocument(i) >= offset) return i;
  return length;
}

/** `http.default_retry` for a member chain on an identifier; the span covers the whole chain. */
function dottedName(node: Expr): { name: string; span: Span } | undefined {
  if (node.kind === 'identifier') return { name: node.name, span: node.span };
  if (node.kind === 'member') {
    const inner = dottedName(node.object);
    return inner && { name: `${inner.name}.${node.property}`, span: { start: inner.span.start, end: node.propertySpan.end } };
  }
  return undefined;
}
