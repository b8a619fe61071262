/**
 * Reading long-running operations the connectors wait on, in the shapes Google's APIs use:
 * `google.longrunning.Operation` (`done`, `error`, `response`; polled at `<version>/<name>`),
 * Compute-style operations (`status: DONE`, `error.errors`, `selfLink`; also Cloud SQL and GKE),
 * jobs with `status.state` (BigQuery: `DONE` and `status.errorResult`; Batch) and jobs with a
 * top-level `state` (Vertex AI `JOB_STATE_SUCCEEDED`, Transcoder, AI Platform), polled at their
 * `selfLink` or resource name. A job known only by a display name (Dataflow) cannot be polled:
 * that is a `malformed` answer. Pure.
 */
import type { ArgValue } from './request';

export type OperationState =
  | { kind: 'done'; error?: ArgValue }
  /** Still running: poll `url` (absolute) or `name` (relative to the API's version path). */
  | { kind: 'running'; url?: string; name?: string }
  | { kind: 'malformed'; reason: string };

type Obj = { [key: string]: ArgValue };

function isObj(v: ArgValue | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasError(e: ArgValue | undefined): boolean {
  if (!isObj(e)) return false;
  if (Array.isArray(e.errors)) return e.errors.length > 0;
  return Object.keys(e).length > 0;
}

/** Terminal states of jobs (BigQuery, Batch, Dataflow, Vertex AI, Transcoder, AI Platform). */
const SUCCEEDED = /^(?:JOB_STATE_)?(?:DONE|SUCCEEDED|PARTIALLY_SUCCEEDED|COMPLETED|DRAINED|UPDATED)$/;
const FAILED = /^(?:JOB_STATE_)?(?:FAILED|CANCELLED|EXPIRED)$/;

/** Where to poll a running job: its selfLink, or its name when that is a resource path. */
function jobPoll(value: Obj, what: string): OperationState {
  if (typeof value.selfLink === 'string') return { kind: 'running', url: value.selfLink };
  if (typeof value.name === 'string' && value.name.includes('/')) return { kind: 'running', name: value.name };
  return { kind: 'malformed', reason: `the running ${what} has no selfLink or resource name to poll` };
}

function jobState(value: Obj, state: string, error: ArgValue | undefined): OperationState {
  if (SUCCEEDED.test(state)) return error ? { kind: 'done', error } : { kind: 'done' };
  if (FAILED.test(state)) return { kind: 'done', error: error ?? (isObj(value.error) ? value.error : { message: `the job ended in state ${state}` }) };
  return jobPoll(value, 'job');
}

/** The state of an operation (or job) response; `malformed` when it is neither shape. */
export function operationState(value: ArgValue): OperationState {
  if (!isObj(value)) return { kind: 'malformed', reason: 'the operation is not a JSON object' };
  if (typeof value.done === 'boolean' && typeof value.name === 'string') {
    // google.longrunning.Operation.
    if (value.done) return hasError(value.error) ? { kind: 'done', error: value.error } : { kind: 'done' };
    return { kind: 'running', name: value.name };
  }
  const status = value.status;
  if (isObj(status) && typeof status.state === 'string') return jobState(value, status.state, status.errorResult ?? undefined);
  if (typeof status === 'string') {
    // Compute, Cloud SQL and GKE operations.
    if (status === 'DONE') return hasError(value.error) ? { kind: 'done', error: value.error } : { kind: 'done' };
    return typeof value.selfLink === 'string' ? { kind: 'running', url: value.selfLink } : { kind: 'malformed', reason: 'the running operation has no selfLink' };
  }
  if (typeof value.state === 'string') return jobState(value, value.state, undefined);
  // A longrunning Operation leaves `done` out while it is false.
  if (typeof value.name === 'string' && value.done === undefined) return { kind: 'running', name: value.name };
  return { kind: 'malformed', reason: 'the response is neither an operation nor a job (no done, status, state or name)' };
}

/** True when a method's first response should be polled: it looks like an operation or a job. */
export function isPollable(value: ArgValue): boolean {
  return operationState(value).kind !== 'malformed';
}
