/**
 * The validator: everything `cloud-workflows lint` and the editor report for a workflow source.
 * `lintText` parses and validates; `validateWorkflow` turns a model into diagnostics: the model's
 * own problems, expression syntax errors, then every rule of `rules/`, sorted by offset without
 * duplicates. Neither throws on any input.
 */
import type { Diagnostic } from '../diagnostic';
import { parseWorkflow } from '../model/parse';
import type { Workflow } from '../model/types';
import { contextOf, type ValidationContext } from './context';
import { documentSpan } from './exprNodes';
import { indentationSlip } from './indentationSlip';
import { diagnostic } from './messages';
import type { Rule } from './rule';
import { blockKeysRule } from './rules/blockKeys';
import { callArgumentsRule } from './rules/callArguments';
import { callTargetsRule } from './rules/callTargets';
import { conditionsRule } from './rules/conditions';
import { connectorArgumentsRule } from './rules/connectorArguments';
import { connectorNamesRule } from './rules/connectorNames';
import { connectorParamsRule } from './rules/connectorParams';
import { expressionCallsRule } from './rules/expressionCalls';
import { forLoopRule } from './rules/forLoop';
import { jumpsRule } from './rules/jumps';
import { limitsRule } from './rules/limits';
import { logSeverityRule } from './rules/logSeverity';
import { parallelReturnRule } from './rules/parallelReturn';
import { parallelScopeRule } from './rules/parallelScope';
import { parallelShapeRule } from './rules/parallelShape';
import { sourceSizeRule } from './rules/sourceSize';
import { stepKeysRule } from './rules/stepKeys';
import { stepNamesRule } from './rules/stepNames';
import { structureRule } from './rules/structure';
import { tryShapeRule } from './rules/tryShape';
import { undefinedVariablesRule } from './rules/undefinedVariables';
import { unreachableRule } from './rules/unreachable';

export { MESSAGES, messageFor, type DiagnosticCode } from './messages';

/** A rule with the name an internal-error diagnostic would give. */
export type NamedRule = Rule & { name: string };

/** Every rule, in the order their findings are most useful when offsets tie. */
export const RULES: readonly NamedRule[] = [
  { name: 'structure', ...structureRule },
  { name: 'step keys', ...stepKeysRule },
  { name: 'block keys', ...blockKeysRule },
  { name: 'switch conditions', ...conditionsRule },
  { name: 'for loop', ...forLoopRule },
  { name: 'parallel', ...parallelShapeRule },
  { name: 'try', ...tryShapeRule },
  { name: 'limits', ...limitsRule },
  { name: 'source size', ...sourceSizeRule },
  { name: 'step names', ...stepNamesRule },
  { name: 'next targets', ...jumpsRule },
  { name: 'parallel return', ...parallelReturnRule },
  { name: 'unreachable steps', ...unreachableRule },
  { name: 'call targets', ...callTargetsRule },
  { name: 'call arguments', ...callArgumentsRule },
  { name: 'connector names', ...connectorNamesRule },
  { name: 'connector arguments', ...connectorArgumentsRule },
  { name: 'connector params', ...connectorParamsRule },
  { name: 'log severity', ...logSeverityRule },
  { name: 'expression calls', ...expressionCallsRule },
  { name: 'undefined variables', ...undefinedVariablesRule },
  { name: 'parallel variables', ...parallelScopeRule },
];

/** Model problems about the YAML stream rather than the tree read from it. */
const STREAM_PROBLEMS: ReadonlySet<string> = new Set(['yaml-indentation-compat', 'yaml-flow-expression-compat', 'multiple-documents']);

/** Model problems that the model repaired: the source is accepted, with a warning. */
const COMPAT_PROBLEMS: ReadonlySet<string> = new Set(['yaml-indentation-compat', 'yaml-flow-expression-compat']);

/**
 * Model problems, expression syntax errors (and assignment targets that cannot be assigned to),
 * and every rule's findings, sorted by offset. `rules` defaults to all of them.
 */
export function validateWorkflow(workflow: Workflow, rules: readonly NamedRule[] = RULES): Diagnostic[] {
  const passes = validationPasses(workflow, rules);
  for (;;) {
    const next = passes.next();
    if (next.done) return next.value;
  }
}

/**
 * `validateWorkflow` one pass at a time: the generator pauses after the model walk and after each
 * rule, and returns the same diagnostics. A server drives it so that requests and newer edits are
 * handled between passes, and drops it when the document moved on.
 */
export function* validationPasses(workflow: Workflow, rules: readonly NamedRule[] = RULES): Generator<void, Diagnostic[], void> {
  const slip = indentationSlip(workflow);
  // A misread tree only produces noise: the slip alone, beside the problems of the YAML stream itself.
  const problems = slip ? workflow.problems.filter((p) => STREAM_PROBLEMS.has(p.code)) : workflow.problems;
  const out: Diagnostic[] = problems.map((p) => ({
    code: p.code,
    // Deviations from YAML 1.2 that lenient parsers (and Google's own docs) accept: warn, don't fail.
    severity: COMPAT_PROBLEMS.has(p.code) ? 'warning' : 'error',
    message: p.message,
    span: { start: p.span.start, end: p.span.end },
  }));
  if (slip) return sortUnique([slip, ...out]);
  let context: ValidationContext;
  try {
    context = contextOf(workflow);
  } catch (err) {
    out.push(diagnostic('internal-error', { start: 0, end: 0 }, ['model walk', err instanceof Error ? err.message : String(err)]));
    return sortUnique(out);
  }
  out.push(...syntaxErrors(context));
  for (const rule of rules) {
    yield;
    try {
      out.push(...rule.check(context));
    } catch (err) {
      // A crashing rule must not take the editor's other diagnostics down with it.
      out.push(diagnostic('internal-error', { start: 0, end: 0 }, [rule.name, err instanceof Error ? err.message : String(err)]));
    }
  }
  return sortUnique(out);
}

/** Parses `text` (YAML unless `format` says JSON) and validates it. */
export function lintText(text: string, options?: { format?: 'yaml' | 'json' }): { workflow: Workflow; diagnostics: Diagnostic[] } {
  const workflow = parseWorkflow(text, options);
  return { workflow, diagnostics: validateWorkflow(workflow) };
}

function syntaxErrors(context: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { expr } of context.exprs) {
    if (expr.parsed.ok) continue;
    out.push(diagnostic('expr-syntax', documentSpan(expr, expr.parsed.error.span), [expr.parsed.error.message]));
  }
  for (const { target, error } of context.invalidTargets) {
    out.push(diagnostic('invalid-assignment-target', documentSpan(target, error.span), [error.message]));
  }
  return out;
}

function sortUnique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.span.start}:${d.span.end}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
