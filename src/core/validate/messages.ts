/**
 * Every diagnostic the validator reports: one table of stable codes, each with its severity and
 * message template. Rules build diagnostics only through `diagnostic()`, and tests import the same
 * table, so a message is written exactly once.
 */
import type { Diagnostic, RelatedInformation, Severity } from '../diagnostic';
import type { Span } from '../location';

type Template = (...args: string[]) => string;

interface MessageSpec {
  severity: Severity;
  message: Template;
}

function error(message: Template): MessageSpec {
  return { severity: 'error', message };
}

function warning(message: Template): MessageSpec {
  return { severity: 'warning', message };
}

/** `1 argument`, `2 arguments`. */
function plural(count: string, noun: string): string {
  return `${count} ${count === '1' ? noun : `${noun}s`}`;
}

/** "Did you mean 'x'?" appended when a close name exists. */
export function withSuggestion(message: string, suggestion: string | undefined): string {
  if (suggestion === undefined) return message;
  // Google's own wording for some messages has no final period; the question needs one before it.
  return `${/[.?!]$/.test(message) ? message : `${message}.`} Did you mean '${suggestion}'?`;
}

/**
 * The message table. `where` arguments are phrases such as `an assign step` or `a for loop`
 * (see `keys.ts`). Limits marked [R/E] in WORKFLOWS-LANGUAGE.md §6 are warnings: Google's value is
 * unverified; documented limits are errors.
 */
export const MESSAGES = {
  'expr-syntax': error((detail) => `Expression syntax error: ${detail}`),
  'yaml-indentation': error(
    (what, indent, columns) =>
      `Indentation slip: ${what} is indented ${indent} spaces, which lines up with no block around it` +
      (columns ? `; the keys nearby are at ${columns} spaces.` : '.') +
      ' YAML reads the structure from indentation, so the rest of the file is checked once this line is fixed.',
  ),
  'invalid-assignment-target': error((detail) => `Invalid assignment target: ${detail}.`),
  'internal-error': warning((rule, detail) => `The ${rule} check failed on this document (${detail}); please report it.`),

  'missing-main': error(() => "A workflow with subworkflows needs a routine named 'main': execution starts there."),
  'main-params': error(() => "'main' takes at most one parameter: the execution argument is bound to it."),
  'routine-no-steps': error((routine) => `Routine '${routine}' needs a non-empty 'steps' list.`),

  'unknown-key': error((key, where) => `Unknown key '${key}' in ${where}.`),
  'key-not-allowed': error((key, where) => `'${key}' cannot be used in ${where}.`),
  'next-ignored': warning((kind) => `'next' has no effect in a ${kind} step: the step never completes normally.`),
  'conflicting-keys': error((key, other) => `'${key}' cannot be combined with '${other}' in one step.`),
  'missing-key': error((key, where) => `'${key}' is required in ${where}.`),
  'step-no-action': error(
    (step) =>
      `Step '${step}' does nothing: give it one of assign, call, switch, for, parallel, try, raise, return, steps or next.`,
  ),
  'for-in-or-range': error(() => "A for loop needs exactly one of 'in' or 'range'."),
  'for-index-with-range': error(() => "'index' can only be used with 'in', not with 'range'."),
  'for-range-shape': error(() => "'range' must be a list of two numbers (or expressions), or one expression."),
  'parallel-branches-or-for': error(() => "A parallel step needs exactly one of 'branches' or 'for'."),
  'for-directly-in-try': error(
    () => "A for loop directly under 'try' fails to deploy (a known Google Cloud issue): put it in a named step under 'try: steps:'.",
  ),
  'condition-not-boolean': error(() => 'A switch condition must be true, false or an expression that gives a boolean.'),
  'try-needs-handler': error(() => "A try step needs 'retry' or 'except' (or both)."),

  'duplicate-step-name': error((step, routine) => `Step name '${step}' is already used in routine '${routine}'.`),
  'reserved-step-name': error(() => "'end' cannot be a step name: 'next: end' already means the end of the routine."),
  'unknown-next-target': error((target, routine) => `There is no step '${target}' in routine '${routine}'.`),
  'jump-outside-loop': error((target) => `'next: ${target}' can only be used inside the steps of a for loop.`),
  'next-into-block': error(
    (target, block, owner) => `'next: ${target}' jumps into ${block} of step '${owner}': a jump may reach the steps of its own list and the lists around it, not enter a block.`,
  ),
  'next-out-of-parallel': error(
    (target, block, owner) => `'next: ${target}' leaves ${block} of step '${owner}': a branch runs on its own and can only end ('next: end') or fail.`,
  ),
  'break-in-parallel-for': error(
    (owner) => `'next: break' cannot stop the parallel for loop of step '${owner}': its iterations run at once. Use 'next: continue' to end this iteration.`,
  ),
  'return-in-parallel': error(
    (block, owner) => `'return' cannot be used inside ${block} of step '${owner}': a branch has no result of its own. Assign a shared variable instead.`,
  ),
  'unreachable-step': warning(
    (step) => `Step '${step}' is never reached: the step before it always jumps away and no 'next' targets it.`,
  ),

  'unknown-call-target': error(
    (name) => `'${name}' is neither a standard-library function, a connector nor a subworkflow of this file.`,
  ),
  'undocumented-call-target': warning(
    (name) => `'${name}' is not a documented standard-library function, connector or subworkflow of this file.`,
  ),
  'args-not-map': error((name) => `Arguments of subworkflow '${name}' must be a map of parameter names to values.`),
  'missing-argument': error((param, callee) => `Missing required argument '${param}' for '${callee}'.`),
  'unknown-argument': error((arg, callee) => `'${callee}' has no parameter named '${arg}'.`),
  'too-many-arguments': error(
    (callee, max, count) => `'${callee}' takes at most ${plural(max, 'argument')}, but ${count} ${count === '1' ? 'is' : 'are'} given.`,
  ),
  'unknown-log-severity': error((value, list) => `'${value}' is not a log severity: use one of ${list}.`),

  // Cross-workflow checks (childWorkflows.ts): they need the workspace, so the editor runs them.
  'unknown-workflow-id': warning((id) => `No workflow file in this workspace has the ID '${id}' (its file name without .yaml, .yml or .json).`),
  'child-argument-keys': warning(
    (id, param, missing, all) => `'${id}' reads ${missing} from '${param}', which this argument does not pass. It reads: ${all}.`,
  ),

  'unknown-connector-api': error((api) => `There is no connector for API '${api}': see Google's list of supported connectors.`),
  'unknown-connector-version': error((version, api, versions) => `Connector '${api}' has no version '${version}'; it has ${versions}.`),
  'unknown-connector-method': error((method, api) => `Connector '${api}' has no method '${method}'.`),
  'unlisted-connector-method': warning(
    (method, api) => `'${method}' is not in the catalogue of connector '${api}', whose methods are taken from another version of the API.`,
  ),
  'unknown-connector-argument': warning(
    (arg, callee) => `'${callee}' has no parameter named '${arg}' (Google's connector may accept newer API fields: check its reference page).`,
  ),
  'connector-body-not-accepted': warning((callee) => `'${callee}' takes no request body.`),
  'connector-body-missing': warning((callee, type) => `'${callee}' expects a request body: add 'body' (a ${type}).`),
  'unknown-connector-param': warning((key, where) => `Unknown key '${key}' in ${where}.`),
  'connector-param-value': error((key, expected) => `'${key}' must be ${expected}.`),

  'unknown-function': error((name) => `Unknown function '${name}'.`),
  'undocumented-function': warning((name) => `'${name}' is not a documented standard-library function.`),
  'blocking-in-expression': error(
    (name) => `'${name}' is a blocking function: call it from a call step, not inside an expression.`,
  ),

  // Google's own wording for an undefined name at deploy time (troubleshooting page).
  'undefined-variable': error((name) => `symbol '${name}' is neither a variable nor a sub-workflow name`),
  'unshared-parallel-write': error(
    (name) => `'${name}' belongs to the scope around the parallel step: list it in 'shared' to assign it here.`,
  ),
  'unknown-shared-variable': error((name) => `Shared variable '${name}' must be assigned before the parallel step.`),

  'too-many-assignments': warning((count) => `This assign step has ${count} assignments; Google Cloud allows at most 50.`),
  'too-many-conditions': error((count) => `This switch has ${count} conditions; at most 50 are allowed.`),
  'too-many-branches': warning((count) => `This parallel step has ${count} branches; Google Cloud allows at most 10.`),
  'concurrency-limit': error(() => "'concurrency_limit' must be a positive integer or an expression."),
  'concurrency-limit-high': warning((value) => `'concurrency_limit' is ${value}; Google Cloud runs at most 20 branches or iterations at once.`),
  'parallel-nesting': warning((depth) => `Parallel steps nest at most 2 deep; this one is at depth ${depth}.`),
  'source-too-large': warning(
    (bytes, limit) => `This workflow source is ${bytes} bytes (UTF-8); Google Cloud refuses sources over ${limit} bytes (128 KB).`,
  ),
  'expression-too-long': warning((length) => `This expression is ${length} characters long; Google Cloud allows at most 400.`),
  'exception-policy': error(() => "'exception_policy' only supports 'continueAll'."),
  'retry-policy': error(
    () => "'retry' must be a policy expression such as ${http.default_retry}, or a map of predicate, max_retries and backoff.",
  ),
  'max-retries': error(() => "'max_retries' must be a non-negative integer or an expression."),
  'backoff-value': error((key) => `'${key}' must be a positive number or an expression.`),
} satisfies Record<string, MessageSpec>;

export type DiagnosticCode = keyof typeof MESSAGES;

/** Optional parts of a diagnostic beyond code, span and message arguments. */
export interface DiagnosticExtras {
  related?: RelatedInformation[];
  suggestion?: string;
}

/** Builds a diagnostic from the table; a suggestion becomes "Did you mean" text and `data.suggestion`. */
export function diagnostic<C extends DiagnosticCode>(
  code: C,
  span: Span,
  args: Parameters<(typeof MESSAGES)[C]['message']>,
  extras: DiagnosticExtras = {},
): Diagnostic {
  const spec: MessageSpec = MESSAGES[code];
  const result: Diagnostic = {
    code,
    severity: spec.severity,
    message: withSuggestion(spec.message(...(args as string[])), extras.suggestion),
    span: { start: span.start, end: span.end },
  };
  if (extras.related && extras.related.length > 0) result.related = extras.related;
  if (extras.suggestion !== undefined) result.data = { suggestion: extras.suggestion };
  return result;
}

/** The message a test expects for `code`, with an optional suggestion. */
export function messageFor<C extends DiagnosticCode>(
  code: C,
  args: Parameters<(typeof MESSAGES)[C]['message']>,
  suggestion?: string,
): string {
  const spec: MessageSpec = MESSAGES[code];
  return withSuggestion(spec.message(...(args as string[])), suggestion);
}
