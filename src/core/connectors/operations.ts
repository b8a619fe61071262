/**
 * Reading long-running operations the connectors wait on, in the three shapes Google's APIs use:
 * `google.longrunning.Operation` (`done`, `error`, `response`; polled at `<version>/<name>`),
 * Compute-style operations (`status: DONE`, `error.errors`, `selfLink`; also Cloud SQL and GKE) and
 * BigQuery jobs (`status.state: DONE`, `status.errorResult`, `selfLink`). Pure.
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

/** The state of an operation (or job) response; `malformed` when it is neither shape. */
export function operationState(value: ArgValue): OperationState {
  if (!isObj(value)) return { kind: 'malformed', reason: 'the operation is not a JSON object' };
  const status = value.status;
  if (isObj(status) && typeof status.state === 'string') {
    // A BigQuery job.
    if (status.state === 'DONE') return status.errorResult ? { kind: 'done', error: status.errorResult } : { kind: 'done' };
    return typeof value.selfLink === 'string' ? { kind: 'running', url: value.selfLink } : { kind: 'malformed', reason: 'the running job has no selfLink' };
  }
  if (typeof status === 'string') {
    // Compute, Cloud SQL and GKE operations.
    if (status === 'DONE') return hasError(value.error) ? { kind: 'done', error: value.error } : { kind: 'done' };
    return typeof value.selfLink === 'string' ? { kind: 'running', url: value.selfLink } : { kind: 'malformed', reason: 'the running operation has no selfLink' };
  }
  if (typeof value.name === 'string' && (value.done === undefined || typeof value.done === 'boolean')) {
    if (value.done === true) return hasError(value.error) ? { kind: 'done', error: value.error } : { kind: 'done' };
    return { kind: 'running', name: value.name };
  }
  return { kind: 'malformed', reason: 'the response is neither an operation nor a job (no done, status or name)' };
}

/** True when a method's first response should be polled: it looks like an operation or a job. */
export function isPollable(value: ArgValue): boolean {
  return operationState(value).kind !== 'malformed';
}
