/**
 * Writes test files for a user to finish: `generateTests` gives one test per way the workflow's
 * `main` can end (each `return` and `raise` step, and falling off the end), and
 * `testFromExecution` one test reproducing a finished execution (its argument, its outcome as
 * `expect`). Both add a mock stub for every external call the workflow makes — `http.*`
 * requests, connectors and children started through the Workflow Executions connector — so the
 * tests run offline from the start. Which argument reaches which ending is left to the user: the
 * generator does not solve conditions, it marks them with a comment.
 */
import { stringify } from 'yaml';
import { walkSteps } from '../model/query';
import type { Value as ModelValue, Workflow } from '../model/types';
import { childStartKind, isHttpRequest, isLocalExecutionsCall } from './matching';
import type { TestData } from './types';

/** An external call site of a workflow. */
export interface ExternalCall {
  target: string;
  step: string;
  /** For a child start with a literal `workflow_id`: the child's ID. */
  workflowId?: string;
}


function literalArg(args: ModelValue | undefined, key: string): string | undefined {
  if (args?.kind !== 'map') return undefined;
  const entry = args.entries.find((e) => e.key.kind === 'scalar' && e.key.value === key);
  return entry?.value.kind === 'scalar' && typeof entry.value.value === 'string' ? entry.value.value : undefined;
}

/** Every call step that would leave the machine, in source order. */
export function externalCalls(workflow: Workflow): ExternalCall[] {
  const out: ExternalCall[] = [];
  for (const routine of workflow.routines) {
    walkSteps(routine, ({ step }) => {
      if (step.kind !== 'call') return;
      const target = step.call.value;
      if (childStartKind(target)) {
        const id = literalArg(step.args, 'workflow_id') ?? literalArg(step.args, 'parent')?.split('/').pop();
        out.push({ target, step: step.name.value, ...(id ? { workflowId: id } : {}) });
      } else if (isHttpRequest(target) || (target.startsWith('googleapis.') && !isLocalExecutionsCall(target))) {
        out.push({ target, step: step.name.value });
      }
    });
  }
  return out;
}

/** A mock stub for one external call, as YAML lines of a list item (indented by `indent`). */
function stub(call: ExternalCall): Record<string, unknown> {
  if (call.workflowId !== undefined) return { workflow: call.workflowId, step: call.step, returns: null };
  if (isHttpRequest(call.target)) return { call: call.target, step: call.step, response: { code: 200, body: {} } };
  return { call: call.target, step: call.step, returns: {} };
}

function yamlOf(value: unknown, indent: string): string {
  return stringify(value, { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => `${indent}${l}`)
    .join('\n');
}

function mocksBlock(workflow: Workflow, indent: string): string {
  const calls = externalCalls(workflow);
  if (calls.length === 0) return '';
  return `${indent}mocks:  # stubs for every external call: fill in what each returns\n${yamlOf(calls.map(stub), `${indent}  `)}\n`;
}

/** Plain JavaScript data for the YAML writer; exact integers outside doubles become text. */
function plain(value: TestData): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]));
  return value;
}

/** A test file with one test per ending of `main`, for the workflow file named `workflowFile`. */
export function generateTests(workflow: Workflow, workflowFile: string): string {
  const main = workflow.routines.find((r) => r.name.value === 'main');
  const endings: { step: string; state: 'SUCCEEDED' | 'FAILED' }[] = [];
  if (main) {
    walkSteps(main, ({ step }) => {
      if (step.kind === 'return') endings.push({ step: step.name.value, state: 'SUCCEEDED' });
      if (step.kind === 'raise') endings.push({ step: step.name.value, state: 'FAILED' });
    });
    const last = main.steps[main.steps.length - 1];
    if (last && last.kind !== 'return' && last.kind !== 'raise') endings.push({ step: last.name.value, state: 'SUCCEEDED' });
  }
  const tests = endings.map(
    (e) =>
      `  - name: ends at ${e.step}\n` +
      `    argument: null  # an argument that leads to ${e.step}\n` +
      `    expect:\n` +
      `      state: ${e.state}\n` +
      `      steps: [${e.step}]\n`,
  );
  return `# Tests of ${workflowFile}, generated: one per way main can end. Set each argument,\n# fill in the mocks, and add result or error expectations.\nworkflow: ${workflowFile}\n${mocksBlock(workflow, '')}tests:\n${tests.join('')}`;
}

/** What a finished execution shows, for `testFromExecution`. */
export interface FinishedExecution {
  /** Used in the test's name. */
  id: string;
  argument?: TestData;
  state: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  result?: TestData;
  /** The error value (a map with `message` and `tags`, or a string). */
  error?: TestData;
}

/** One test (a `tests:` list item, two-space indented) that reproduces the execution. */
export function testFromExecution(execution: FinishedExecution, workflow: Workflow | undefined): string {
  const expect: Record<string, unknown> = { state: execution.state };
  if (execution.state === 'SUCCEEDED') expect.result = plain(execution.result ?? null);
  else if (execution.error instanceof Map) {
    const error: Record<string, unknown> = {};
    if (typeof execution.error.get('message') === 'string') error.message = execution.error.get('message');
    if (Array.isArray(execution.error.get('tags'))) error.tags = plain(execution.error.get('tags') as TestData);
    expect.error = error;
  } else if (typeof execution.error === 'string') expect.error = { message: execution.error };
  const test: Record<string, unknown> = { name: `reproduces execution ${execution.id}` };
  if (execution.argument !== undefined && execution.argument !== null) test.argument = plain(execution.argument);
  const head = yamlOf([test], '  ');
  const mocks = workflow ? mocksBlock(workflow, '    ') : '';
  return `${head}\n${mocks}${yamlOf({ expect }, '    ')}\n`;
}
