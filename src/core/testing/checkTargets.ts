/**
 * Checks a test file against the workflow it tests: a mock or call expectation whose `call:` names
 * nothing that can be called (not a subworkflow, a standard-library function or a `googleapis.*`
 * connector), or whose `step:` the workflow does not have, can never match — almost always a typo.
 * Warnings, so a run still goes ahead. An `args:` key that the called function, subworkflow or
 * connector method does not take is reported too: connector names and parameters come from the
 * connector catalogue (`core/connectors`), the same one lint checks connector calls against. Without
 * the catalogue's data (a host that loads none), any `googleapis.*` name is accepted unchecked.
 */
import type { Diagnostic } from '../diagnostic';
import type { Span } from '../location';
import { walkSteps } from '../model/query';
import type { Workflow } from '../model/types';
import { connectorDataAvailable, isConnectorNamespace, lookupConnectorMethod } from '../connectors/catalogue';
import { lookupFunction } from '../stdlib/catalogue';
import { testDiagnostic } from './messages';
import type { CallPattern, TestFile } from './types';

/** Every step name of the workflow, in any routine. */
export function stepNames(workflow: Workflow): Set<string> {
  const names = new Set<string>();
  for (const routine of workflow.routines) walkSteps(routine, ({ step }) => void names.add(step.name.value));
  return names;
}

/** True when `target` can be called: a routine of the workflow, a stdlib function, or a connector. */
export function isCallTarget(target: string, workflow: Workflow): boolean {
  if (workflow.routines.some((r) => r.name.value === target)) return true;
  if (lookupFunction(target)) return true;
  if (!isConnectorNamespace(target)) return false;
  return connectorDataAvailable() ? lookupConnectorMethod(target) !== undefined : target.startsWith('googleapis.');
}

/** The parameter names `target` takes, when known: a subworkflow's or a stdlib function's. */
export function paramsOf(target: string, workflow: Workflow): string[] | undefined {
  const routine = workflow.routines.find((r) => r.name.value === target);
  if (routine) return routine.params.map((p) => p.name.value);
  const fn = lookupFunction(target);
  if (fn) return fn.params.map((p) => p.name);
  if (!isConnectorNamespace(target) || !connectorDataAvailable()) return undefined;
  return lookupConnectorMethod(target)?.args.map((a) => a.name);
}

export function checkTargets(file: TestFile, workflow: Workflow): Diagnostic[] {
  const steps = stepNames(workflow);
  const out: Diagnostic[] = [];
  const patterns: CallPattern[] = [...file.mocks, ...file.tests.flatMap((t) => [...t.mocks, ...(t.expect.calls ?? [])])];
  for (const p of patterns) {
    if (p.call && !isCallTarget(p.call.value, workflow)) out.push(testDiagnostic('test-unknown-call-target', p.call.span, p.call.value));
    if (p.step && !steps.has(p.step.value)) out.push(testDiagnostic('test-unknown-step', p.step.span, p.step.value));
    const params = p.call && p.args?.value instanceof Map ? paramsOf(p.call.value, workflow) : undefined;
    for (const key of params && p.args?.value instanceof Map ? p.args.value.keys() : []) {
      if (!params?.includes(key)) out.push(testDiagnostic('test-unknown-arg', (p.args as { span: Span }).span, key, p.call?.value ?? '', params?.join(', ') || 'none'));
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
