/**
 * Signature help: the standard-library function or subworkflow whose arguments the cursor is in,
 * with the parameter being written. Two places: a call inside `${…}` (active parameter by the
 * commas before the cursor), and the `args:` of a `call:` step (active parameter by the key being
 * written). Connector calls are not answered here (undefined), so the connector signature help can
 * answer them. Pure (no editor API).
 */
import { isConnectorNamespace } from '../connectors/catalogue';
import { nodeAt, routineAt, spanContains, stepAt, walkSteps } from '../model/query';
import type { Routine, Step, Workflow } from '../model/types';
import { lookupFunction, type StdlibFunction } from '../stdlib/catalogue';
import { openCall } from './connectorCallAt';
import { cursorContext } from './cursorContext';
import { functionSignature, paramText, subworkflowSignature } from './signatures';

export interface SignatureInfo {
  label: string;
  documentation?: string;
  /** Each parameter as `[start, end)` offsets in `label`, with its doc sentence. */
  parameters: { label: [number, number]; documentation?: string }[];
  /** Index into `parameters`; undefined when the cursor is on no parameter of the signature. */
  activeParameter?: number;
}

/** The signature at `offset`, or undefined (off a call, or in a connector call). */
export function signatureAt(workflow: Workflow, offset: number): SignatureInfo | undefined {
  return expressionSignature(workflow, offset) ?? argsSignature(workflow, offset);
}

/** `${f(a, |)}`: the innermost unclosed call before the cursor in the expression. */
function expressionSignature(workflow: Workflow, offset: number): SignatureInfo | undefined {
  const { target } = nodeAt(workflow, offset);
  let before: string | undefined;
  if (target?.kind === 'expression') before = target.expr.text.slice(0, target.offset);
  else {
    const line = workflow.text.slice(workflow.text.lastIndexOf('\n', offset - 1) + 1, offset);
    const open = line.lastIndexOf('${');
    if (open >= 0 && !line.slice(open).includes('}')) before = line.slice(open + 2);
  }
  if (before === undefined) return undefined;
  const call = openCall(before);
  if (!call || isConnectorNamespace(call.name)) return undefined;
  return signatureOf(workflow, call.name, () => call.argIndex);
}

/** The `args:` of a call step: the key being written picks the parameter. */
function argsSignature(workflow: Workflow, offset: number): SignatureInfo | undefined {
  const visit = stepAt(workflow, offset);
  const step = visit?.step;
  if (step?.kind === 'call' && step.args?.kind === 'map' && spanContains(step.args.span, offset)) {
    const entry = step.args.entries.find((e) => spanContains(e.key.span, offset) || spanContains(e.value.span, offset));
    const key = entry?.key.kind === 'scalar' ? String(entry.key.value) : undefined;
    const given = step.args.entries.flatMap((e) => (e.key.kind === 'scalar' && e !== entry ? [String(e.key.value)] : []));
    return callSignature(workflow, step.call.value, key, given);
  }
  if (workflow.format !== 'yaml') return undefined;
  const context = cursorContext(workflow.text, offset);
  if (context?.kind !== 'key' || context.path[context.path.length - 1] !== 'args') return undefined;
  const owner = step?.kind === 'call' ? step : callStepNamed(routineAt(workflow, offset), context.path[context.path.length - 2]);
  if (!owner || owner.kind !== 'call') return undefined;
  return callSignature(workflow, owner.call.value, workflow.text.slice(context.span.start, context.span.end), context.siblings);
}

function callSignature(workflow: Workflow, name: string, key: string | undefined, given: readonly string[]): SignatureInfo | undefined {
  if (name.startsWith('googleapis.') || isConnectorNamespace(name)) return undefined;
  return signatureOf(workflow, name, (params) => {
    const exact = key === undefined ? -1 : params.indexOf(key);
    if (exact >= 0) return exact;
    const typed = key ? params.findIndex((p) => p.startsWith(key) && !given.includes(p)) : -1;
    if (typed >= 0) return typed;
    if (key) return undefined;
    const next = params.findIndex((p) => !given.includes(p));
    return next >= 0 ? next : undefined;
  });
}

function callStepNamed(routine: Routine | undefined, name: string | undefined): Step | undefined {
  let found: Step | undefined;
  if (routine && name) walkSteps(routine, ({ step }) => void (found ??= step.kind === 'call' && step.name.value === name ? step : undefined));
  return found;
}

/** The signature of a standard-library function or a subworkflow named `name`. */
function signatureOf(workflow: Workflow, name: string, active: (params: string[]) => number | undefined): SignatureInfo | undefined {
  const fn = lookupFunction(name);
  if (fn) return stdlibSignature(fn, active);
  const routine = workflow.form === 'routines' ? workflow.routines.find((r) => r.name.value === name) : undefined;
  if (!routine) return undefined;
  const label = subworkflowSignature(routine, workflow.text);
  const texts = routine.params.map((p) => (p.default ? `${p.name.value} = ${workflow.text.slice(p.default.span.start, p.default.span.end)}` : p.name.value));
  const index = active(routine.params.map((p) => p.name.value));
  return withActive({ label, documentation: 'Subworkflow.', parameters: labelled(routine.name.value.length + 1, texts).map((l) => ({ label: l })) }, index);
}

function stdlibSignature(fn: StdlibFunction, active: (params: string[]) => number | undefined): SignatureInfo {
  const label = functionSignature(fn);
  const ranges = labelled(fn.name.length + 1, fn.params.map(paramText));
  const parameters = fn.params.map((p, i) => (p.doc ? { label: ranges[i], documentation: p.doc } : { label: ranges[i] }));
  return withActive({ label, documentation: fn.doc, parameters }, active(fn.params.map((p) => p.name)));
}

function withActive(info: SignatureInfo, index: number | undefined): SignatureInfo {
  return index !== undefined && index < info.parameters.length ? { ...info, activeParameter: index } : info;
}

/** The offsets of `texts` in a label that writes them one after the other from `start`, with `, ` between them. */
function labelled(start: number, texts: string[]): [number, number][] {
  const out: [number, number][] = [];
  let at = start;
  for (const text of texts) {
    out.push([at, at + text.length]);
    at += text.length + 2;
  }
  return out;
}
