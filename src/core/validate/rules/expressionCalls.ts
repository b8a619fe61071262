/**
 * Calls inside expressions (WORKFLOWS-LANGUAGE.md §2.7): the callee must be a standard-library
 * function, a subworkflow or a connector; blocking functions may only be used from a call step
 * [D]; positional arguments must fit the parameters (a subworkflow's defaults fill missing trailing
 * arguments [S]; `text.substring` needs both `start` and `end` [D]). The callee name is flagged.
 */
import type { Diagnostic } from '../../diagnostic';
import type { CallExpr } from '../../expr/ast';
import { calls } from '../../expr/walk';
import type { ExprValue } from '../../model/types';
import { resolveCallee, routineParams } from '../callees';
import type { ValidationContext } from '../context';
import { documentSpan } from '../exprNodes';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';

export const expressionCallsRule: Rule = {
  codes: ['unknown-function', 'undocumented-function', 'blocking-in-expression', 'too-many-arguments', 'missing-argument'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const use of context.exprs) {
      const parsed = use.expr.parsed;
      if (!parsed.ok) continue;
      for (const call of calls(parsed.expr)) checkCall(context, use.expr, call, out);
    }
    return out;
  },
};

function checkCall(context: ValidationContext, expr: ExprValue, call: CallExpr, out: Diagnostic[]): void {
  const span = documentSpan(expr, call.calleeSpan);
  const callee = resolveCallee(call.callee, context.routineByName);
  switch (callee.kind) {
    case 'unknown': {
      const code = callee.documentedModule ? 'unknown-function' : 'undocumented-function';
      out.push(diagnostic(code, span, [call.callee], { suggestion: callee.suggestion }));
      return;
    }
    case 'connector':
      // Google's Secret Manager sample calls a connector helper (`...versions.accessString`) inside
      // an expression [S], so connector calls are accepted there.
      return;
    case 'function':
      if (callee.fn.blocking) {
        out.push(diagnostic('blocking-in-expression', span, [call.callee]));
        return;
      }
      checkArity(call, callee.fn.params, span, out);
      return;
    case 'subworkflow': {
      const related = [{ span: callee.routine.paramsSpan ?? callee.routine.name.span, message: `Parameters of '${call.callee}'.` }];
      checkArity(call, routineParams(callee.routine), span, out, related);
      return;
    }
  }
}

function checkArity(
  call: CallExpr,
  params: readonly { name: string; optional?: boolean }[],
  span: { start: number; end: number },
  out: Diagnostic[],
  related?: { span: { start: number; end: number }; message: string }[],
): void {
  const count = call.args.length;
  if (count > params.length) {
    out.push(diagnostic('too-many-arguments', span, [call.callee, String(params.length), String(count)], { related }));
    return;
  }
  const firstMissing = params.slice(count).find((p) => !p.optional);
  if (firstMissing) out.push(diagnostic('missing-argument', span, [firstMissing.name, call.callee], { related }));
}
