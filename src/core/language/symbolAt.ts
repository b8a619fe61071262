/**
 * Names under the cursor, resolved: a standard-library function or constant, a connector, a
 * subworkflow, a variable or a `next` target. Hover and go-to-definition both start here, from the
 * core's `nodeAt`. Pure (no `vscode` import).
 */
import type { Span } from '../location';
import type { Expr } from '../expr/ast';
import { nodeAt } from '../model/query';
import type { Routine, Workflow } from '../model/types';
import { isStdlibModule } from '../stdlib/catalogue';
import { exprNodeAt, variablesAt } from './workflowQuery';

export type SymbolAt =
  /** A dotted name in `call:` or an expression: function, constant, connector or subworkflow. */
  | { kind: 'callable'; name: string; span: Span; routine: Routine }
  | { kind: 'variable'; name: string; span: Span; routine: Routine }
  | { kind: 'nextTarget'; name: string; span: Span; routine: Routine };

/** The symbol at `offset`, if the cursor is on one. */
export function symbolAt(workflow: Workflow, offset: number): SymbolAt | undefined {
  const { routine, target } = nodeAt(workflow, offset);
  if (!routine || !target) return undefined;
  switch (target.kind) {
    case 'next':
      return { kind: 'nextTarget', name: target.name.value, span: target.name.span, routine };
    case 'call':
      return { kind: 'callable', name: target.name.value, span: target.name.span, routine };
    case 'name':
      return target.role === 'branch' ? undefined : { kind: 'variable', name: target.name.value, span: target.name.span, routine };
    case 'expression':
      break;
    default:
      return undefined;
  }
  const { expr, offset: relative } = target;
  if (!expr.parsed.ok) return undefined;
  const node = exprNodeAt(expr.parsed.expr, relative);
  if (!node) return undefined;
  const toDocument = (span: Span): Span => ({ start: expr.toDocumentOffset(span.start), end: expr.toDocumentOffset(span.end) });
  if (node.kind === 'call' && node.calleeSpan.start <= relative && relative <= node.calleeSpan.end) {
    return { kind: 'callable', name: node.callee, span: toDocument(node.calleeSpan), routine };
  }
  const dotted = dottedName(node);
  if (dotted && dotted.name.includes('.') && isStdlibModule(dotted.name.split('.')[0])) {
    return { kind: 'callable', name: dotted.name, span: toDocument(dotted.span), routine };
  }
  if (node.kind !== 'identifier') return undefined;
  const isVariable = variablesAt(routine, offset).has(node.name);
  if (!isVariable && workflow.routines.some((r) => r.name.value === node.name)) {
    return { kind: 'callable', name: node.name, span: toDocument(node.span), routine };
  }
  return { kind: 'variable', name: node.name, span: toDocument(node.span), routine };
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
