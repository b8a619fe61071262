/**
 * Checks a test file against the workflow it tests: a mock or call expectation whose `call:` names
 * nothing that can be called (not a subworkflow, a standard-library function or a `googleapis.*`
 * connector), or whose `step:` the workflow does not have, can never match — almost always a typo.
 * Warnings, so a run still goes ahead. Connector arguments are not checked yet: the connector
 * catalogue (`lookupConnector`) lists only the Workflow Executions connector today, and `args`
 * checks plug in here once it lists the others.
 */
import type { Diagnostic } from '../diagnostic';
import { walkSteps } from '../model/query';
import type { Workflow } from '../model/types';
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
  return /^googleapis\.[a-z0-9_]+\.[a-z0-9_]+\.[A-Za-z0-9_.]+$/.test(target);
}

export function checkTargets(file: TestFile, workflow: Workflow): Diagnostic[] {
  const steps = stepNames(workflow);
  const out: Diagnostic[] = [];
  const patterns: CallPattern[] = [...file.mocks, ...file.tests.flatMap((t) => [...t.mocks, ...(t.expect.calls ?? [])])];
  for (const p of patterns) {
    if (p.call && !isCallTarget(p.call.value, workflow)) out.push(testDiagnostic('test-unknown-call-target', p.call.span, p.call.value));
    if (p.step && !steps.has(p.step.value)) out.push(testDiagnostic('test-unknown-step', p.step.span, p.step.value));
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
