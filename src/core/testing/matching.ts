/**
 * Which mock answers a call, and which calls a `calls` expectation counts. A pattern matches by
 * `call:` (the exact target) or `workflow:` (the ID of a child started through the Workflow
 * Executions connector), narrowed by `step:` and a partial `args:` match. Mocks are tried in
 * order, the test's before the file's; the first match wins.
 */
import { dataIncludes } from './data';
import type { CallPattern, Mock, TestData } from './types';

/** A call as the workflow made it. */
export interface ObservedCall {
  target: string;
  /** Set when the call starts a child workflow: its ID. */
  workflowId?: string;
  step: string;
  args: TestData;
}

/** The `http.*` functions that send a request (the rest of the module is local helpers). */
const HTTP_REQUESTS: ReadonlySet<string> = new Set(['http.get', 'http.post', 'http.put', 'http.patch', 'http.delete', 'http.request']);
const LOCAL_EXECUTIONS = /^googleapis\.workflowexecutions\.(?:v1|v1beta)\.projects\.locations\.workflows\.executions\.(get|list|cancel)$/;

/** True for `http.get|post|put|patch|delete|request`: a call that sends an HTTP request. */
export function isHttpRequest(target: string): boolean {
  return HTTP_REQUESTS.has(target);
}

/** True for the Workflow Executions connector's `get`, `list` and `cancel`, which act on local executions. */
export function isLocalExecutionsCall(target: string): boolean {
  return LOCAL_EXECUTIONS.test(target);
}

const CHILD_STARTS = /^googleapis\.workflowexecutions\.(?:v1|v1beta)\.projects\.locations\.workflows\.executions\.(run|create)$/;

/**
 * How `target` starts a child workflow (`run` waits for its result; `create` returns the new
 * execution; `experimental` is `experimental.executions.run`), or undefined when it does not.
 */
export function childStartKind(target: string): 'run' | 'create' | 'experimental' | undefined {
  if (target === 'experimental.executions.run') return 'experimental';
  const m = CHILD_STARTS.exec(target);
  return m ? (m[1] as 'run' | 'create') : undefined;
}

/** The child workflow ID a call starts: `workflow_id` for run, the last part of `parent` for create. */
export function childWorkflowId(target: string, args: TestData): string | undefined {
  const kind = childStartKind(target);
  if (!kind || !(args instanceof Map)) return undefined;
  if (kind !== 'create') {
    const id = args.get('workflow_id');
    return typeof id === 'string' ? id : undefined;
  }
  const parent = args.get('parent');
  return typeof parent === 'string' ? /\/workflows\/([^/]+)$/.exec(parent)?.[1] : undefined;
}

export function patternMatches(pattern: CallPattern, call: ObservedCall): boolean {
  if (pattern.call && pattern.call.value !== call.target) return false;
  if (pattern.workflow && pattern.workflow.value !== call.workflowId) return false;
  if (pattern.step && pattern.step.value !== call.step) return false;
  if (pattern.args && !dataIncludes(pattern.args.value, call.args)) return false;
  return true;
}

/** The first mock of `mocks` (the test's, then the file's) that matches the call. */
export function findMock(mocks: readonly Mock[], call: ObservedCall): Mock | undefined {
  return mocks.find((m) => patternMatches(m, call));
}
