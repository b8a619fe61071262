/**
 * The typed workflow model: what `parseWorkflow` builds from YAML or JSON source and what the
 * validator, the engine and the editor features read. Every node keeps the document offsets of its
 * key and its value, so any finding can point at the exact place.
 *
 * The model is tolerant: a half-typed document still yields a model. Shapes the builder cannot
 * represent are recorded as `ModelProblem`s, and whatever could be read is kept.
 */
import type { Span } from '../location';
import type { ParseResult } from '../expr/ast';

/** A name as written in the source: a step or routine name, a `next` target, a `result` variable. */
export interface Name {
  value: string;
  span: Span;
}

/** A value from the source: literal data with `${...}` expressions anywhere inside. */
export type Value = ScalarValue | ExprValue | ListValue | MapValue;

/**
 * A YAML/JSON scalar that is not an expression. Integers are `bigint`, exact whatever their size
 * (one outside int64 is also a model problem, `integer-out-of-range`); doubles are `number`.
 * `isInt` is true exactly when `value` is a `bigint`.
 */
export interface ScalarValue {
  kind: 'scalar';
  value: string | number | bigint | boolean | null;
  isInt: boolean;
  span: Span;
}

/**
 * An expression. For a value, `source` is the whole scalar (`${a + 1}`) and `text` the part inside
 * the delimiters (`a + 1`). For an assignment target (`my_map.key[i]`), `source` and `text` are both
 * the key as written: targets are parsed as expressions without `${}`.
 */
export interface ExprValue {
  kind: 'expr';
  source: string;
  text: string;
  /** The parsed expression, or the first syntax error; spans relative to `text`. */
  parsed: ParseResult;
  /** The whole scalar in the document (including quotes, if any). */
  span: Span;
  /** Maps an offset within `text` to a document offset, accounting for quoting, escapes and block scalars. */
  toDocumentOffset(offset: number): number;
}

export interface ListValue {
  kind: 'list';
  items: Value[];
  span: Span;
}

export interface MapEntry {
  /** A plain key, or an expression key such as `${dynamicKey}`. */
  key: ScalarValue | ExprValue;
  value: Value;
}

export interface MapValue {
  kind: 'map';
  entries: MapEntry[];
  span: Span;
}

/** Something the builder could not represent: a YAML syntax error or a wrong shape. */
export interface ModelProblem {
  /** Stable code, e.g. `yaml-syntax`, `expected-list`, `expected-step` (see problems.ts). */
  code: string;
  message: string;
  span: Span;
}

export interface Workflow {
  /** The source text the model was built from (spans index into it). */
  text: string;
  format: 'yaml' | 'json';
  /** `routines`: a map of routine names; `steps`: a bare list of steps (the implicit `main`). */
  form: 'routines' | 'steps' | 'invalid';
  /** In source order. For the `steps` form, one routine named `main` whose name span is the list. */
  routines: Routine[];
  problems: ModelProblem[];
}

export interface Param {
  name: Name;
  /** Present for `name: default` entries (optional parameters). */
  default?: Value;
  span: Span;
}

export interface Routine {
  name: Name;
  params: Param[];
  /** The `params` value, when present. */
  paramsSpan?: Span;
  steps: Step[];
  /** The `steps` value, when present. */
  stepsSpan?: Span;
  /** Every key of the routine body in source order, unknown ones included. */
  keys: Name[];
  span: Span;
}

interface StepCommon {
  /** The step name (the single key of the list item). */
  name: Name;
  /** The whole list item. */
  span: Span;
  /** The step body (the value of the single key). */
  bodySpan: Span;
  /** Every key of the body in source order, unknown ones included: the validator checks them. */
  keys: Name[];
  next?: Name;
}

export interface Assignment {
  /** The target, parsed as an expression: `x`, `m.k`, `m["k"]`, `l[i + 1]`, `a.b[c].d`. */
  target: ExprValue;
  value: Value;
  /** The whole `- target: value` item. */
  span: Span;
}

export interface AssignStep extends StepCommon {
  kind: 'assign';
  assign: Assignment[];
}

export interface CallStep extends StepCommon {
  kind: 'call';
  call: Name;
  /** A map of named arguments, or (stdlib only) a list of positional ones. */
  args?: Value;
  result?: Name;
}

export interface SwitchCase {
  condition?: Value;
  next?: Name;
  steps?: Step[];
  /**
   * An inline body of the case (`assign`, `call`, `return` or `raise` next to `condition`),
   * represented as a step whose name is the switch step's name.
   */
  inline?: Step;
  keys: Name[];
  span: Span;
}

export interface SwitchStep extends StepCommon {
  kind: 'switch';
  cases: SwitchCase[];
  /** The `switch` value (the list of cases). */
  casesSpan: Span;
}

export interface ForLoop {
  value?: Name;
  index?: Name;
  in?: Value;
  range?: Value;
  steps: Step[];
  keys: Name[];
  span: Span;
}

export interface ForStep extends StepCommon {
  kind: 'for';
  for: ForLoop;
}

export interface Branch {
  name: Name;
  steps: Step[];
  keys: Name[];
  span: Span;
}

export interface ParallelBlock {
  shared: Name[];
  concurrencyLimit?: Value;
  exceptionPolicy?: Value;
  branches?: Branch[];
  for?: ForLoop;
  keys: Name[];
  span: Span;
}

export interface ParallelStep extends StepCommon {
  kind: 'parallel';
  parallel: ParallelBlock;
}

export interface Backoff {
  initialDelay?: Value;
  maxDelay?: Value;
  multiplier?: Value;
  keys: Name[];
  span: Span;
}

/** `retry: ${http.default_retry}` (a policy expression) or a map with predicate/max_retries/backoff. */
export type RetrySpec =
  | { kind: 'policy'; policy: Value; span: Span }
  | {
      kind: 'custom';
      predicate?: Value;
      maxRetries?: Value;
      backoff?: Backoff;
      keys: Name[];
      span: Span;
    };

export interface ExceptSpec {
  as?: Name;
  steps: Step[];
  keys: Name[];
  span: Span;
}

export interface TryStep extends StepCommon {
  kind: 'try';
  /**
   * The protected steps. An inline body (`try: {call: …}`) becomes one step named after this step,
   * with `inline` set to true.
   */
  try: Step[];
  inline: boolean;
  trySpan: Span;
  retry?: RetrySpec;
  except?: ExceptSpec;
}

export interface RaiseStep extends StepCommon {
  kind: 'raise';
  raise: Value;
}

export interface ReturnStep extends StepCommon {
  kind: 'return';
  return: Value;
}

export interface StepsStep extends StepCommon {
  kind: 'steps';
  steps: Step[];
}

/** A step whose body is only `next:`. */
export interface JumpStep extends StepCommon {
  kind: 'jump';
}

/** A step whose body has no recognisable kind (empty, not a map, or only unknown keys). */
export interface InvalidStep extends StepCommon {
  kind: 'invalid';
}

export type Step =
  | AssignStep
  | CallStep
  | SwitchStep
  | ForStep
  | ParallelStep
  | TryStep
  | RaiseStep
  | ReturnStep
  | StepsStep
  | JumpStep
  | InvalidStep;

export type StepKind = Step['kind'];
