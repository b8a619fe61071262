/**
 * Workflows v1: create, get, list, patch (with `updateMask`), delete and listRevisions. Create,
 * patch and delete are long-running operations that are already done when they are returned.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../engine/host';
import type { Workflow } from '../core/model/types';
import { alreadyExists, invalidArgument, notFound } from './apiError';
import { compileFilter, compileOrderBy, paginate } from './listQuery';
import type { FieldTable } from './listQuery';
import { parentName, parseWorkflowName, workflowName } from './names';
import type { CallLogLevel, HistoryLevel, WorkflowRecord, WorkflowRevision } from './records';
import { currentRevision } from './records';
import { operationResource, workflowResource } from './resources';
import type { Json } from './resources';
import { buildError, checkSource, sizeError } from './sourceCheck';
import type { Store } from './store';
import type { JsonValue } from '../engine/value';

const CALL_LOG_LEVELS: CallLogLevel[] = ['CALL_LOG_LEVEL_UNSPECIFIED', 'LOG_ALL_CALLS', 'LOG_ERRORS_ONLY', 'LOG_NONE'];
const HISTORY_LEVELS: HistoryLevel[] = ['EXECUTION_HISTORY_LEVEL_UNSPECIFIED', 'EXECUTION_HISTORY_BASIC', 'EXECUTION_HISTORY_DETAILED'];

/** Fields a PATCH may name in `updateMask` (camelCase or snake_case). */
const UPDATABLE = ['description', 'labels', 'sourceContents', 'serviceAccount', 'callLogLevel', 'userEnvVars', 'executionHistoryLevel'] as const;
type Updatable = (typeof UPDATABLE)[number];
/** [R] Changing any of these makes a new revision; description and labels update in place. */
const REVISIONED: Updatable[] = ['sourceContents', 'serviceAccount', 'callLogLevel', 'userEnvVars', 'executionHistoryLevel'];

const WORKFLOW_FIELDS: FieldTable<WorkflowRecord> = {
  fields: {
    name: { kind: 'string', get: (r) => r.name },
    state: { kind: 'string', get: () => 'ACTIVE' },
    revisionId: { kind: 'string', get: (r) => currentRevision(r).revisionId },
    description: { kind: 'string', get: (r) => currentRevision(r).description },
    createTime: { kind: 'time', get: (r) => r.createTime },
    updateTime: { kind: 'time', get: (r) => r.updateTime },
  },
  label: (r, key) => currentRevision(r).labels[key],
};

export interface ListOptions {
  pageSize?: number;
  pageToken?: string;
  filter?: string;
  orderBy?: string;
}

/** Accepts an enum as its name or its number (the WorkflowsClient sends numbers). */
export function enumValue<T extends string>(value: JsonValue | undefined, names: T[], field: string): T {
  if (value === undefined || value === null) return names[0];
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < names.length) return names[value];
  if (typeof value === 'string' && (names as string[]).includes(value)) return value as T;
  throw invalidArgument(`Invalid value for ${field}: ${JSON.stringify(value)} (expected one of ${names.join(', ')}).`);
}

export function callLogLevel(value: JsonValue | undefined): CallLogLevel {
  return enumValue(value, CALL_LOG_LEVELS, 'callLogLevel');
}

/** Checks a string map such as `labels` or `userEnvVars`. */
export function stringMap(value: JsonValue | undefined, field: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidArgument(`Invalid ${field}: expected a map of strings.`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw invalidArgument(`Invalid ${field}: the value of "${k}" is not a string.`);
    out[k] = v;
  }
  return out;
}

const LABEL_KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
const LABEL_VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;

/**
 * Labels as Google checks them: at most 64; keys start with a lowercase letter; keys and values
 * have at most 63 lowercase letters, digits, `_` or `-`.
 */
export function labelMap(value: JsonValue | undefined): Record<string, string> {
  const labels = stringMap(value, 'labels');
  const entries = Object.entries(labels);
  if (entries.length > 64) throw invalidArgument(`Invalid labels: ${entries.length} labels, at most 64 are allowed.`);
  for (const [k, v] of entries) {
    if (!LABEL_KEY.test(k)) {
      throw invalidArgument(`Invalid label key "${k}": it must start with a lowercase letter and have at most 63 lowercase letters, digits, underscores or hyphens.`);
    }
    if (!LABEL_VALUE.test(v)) {
      throw invalidArgument(`Invalid value of label "${k}": "${v}" must have at most 63 lowercase letters, digits, underscores or hyphens.`);
    }
  }
  return labels;
}

export class WorkflowsApi {
  private readonly operations = new Map<string, Json>();
  private readonly compiled = new Map<string, Workflow>();
  /** Called before a workflow is deleted, to stop its running executions. */
  onDelete: (name: string) => void = () => undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  create(project: string, location: string, workflowId: string | undefined, body: Json): Json {
    if (!workflowId) throw invalidArgument('The workflowId query parameter is required.');
    const name = workflowName(project, location, workflowId);
    if (this.store.workflows.has(name)) throw alreadyExists(`Resource '${name}' already exists`);
    const now = this.clock.now();
    const revision = this.revisionFrom(body, 1, now, project);
    const record: WorkflowRecord = { name, createTime: now, updateTime: now, revisions: [revision] };
    this.store.saveWorkflow(record);
    return this.operation(parentName(project, location), name, 'create', workflowResource(record));
  }

  get(name: string, revisionId?: string): Json {
    const record = this.find(name);
    if (!revisionId) return workflowResource(record);
    const revision = record.revisions.find((r) => r.revisionId === revisionId);
    if (!revision) throw notFound(`Revision '${revisionId}' of '${name}' was not found`);
    return workflowResource(record, revision);
  }

  list(project: string, location: string, options: ListOptions): Json {
    const prefix = `${parentName(project, location)}/workflows/`;
    const keep = compileFilter(options.filter, WORKFLOW_FIELDS);
    const order = compileOrderBy(options.orderBy, WORKFLOW_FIELDS, 'name');
    const all = [...this.store.workflows.values()].filter((r) => r.name.startsWith(prefix) && keep(r)).sort(order);
    const page = paginate(all, options.pageSize, options.pageToken, 500, 1000);
    const out: Json = { workflows: page.items.map((r) => workflowResource(r)) };
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    return out;
  }

  /**
   * PATCH. With `updateMask`, only the named fields change (the client sends empty maps for
   * untouched fields, so the mask matters); without one, every updatable field is replaced.
   */
  update(name: string, body: Json, updateMask: string | undefined): Json {
    const record = this.find(name);
    const fields = this.maskFields(updateMask);
    const { project, location } = parseWorkflowName(name);
    const now = this.clock.now();
    const previous = currentRevision(record);
    const incoming = this.revisionFrom({ ...workflowResource(record), ...body }, record.revisions.length, now, project, fields.includes('sourceContents'));
    const next: WorkflowRevision = { ...previous };
    for (const field of fields) (next as unknown as Record<string, unknown>)[field] = incoming[field];
    const changed = REVISIONED.some((f) => JSON.stringify(next[f]) !== JSON.stringify(previous[f]));
    if (changed) {
      record.revisions.push({ ...next, revisionId: newRevisionId(record.revisions.length + 1), revisionCreateTime: now });
    } else {
      record.revisions[record.revisions.length - 1] = next;
    }
    record.updateTime = now;
    this.store.saveWorkflow(record);
    return this.operation(parentName(project, location), name, 'update', workflowResource(record));
  }

  delete(name: string): Json {
    this.find(name);
    const { project, location } = parseWorkflowName(name);
    this.onDelete(name);
    this.store.deleteWorkflow(name);
    return this.operation(parentName(project, location), name, 'delete', undefined);
  }

  /** Revisions, newest first. */
  listRevisions(name: string, pageSize?: number, pageToken?: string): Json {
    const record = this.find(name);
    const revisions = [...record.revisions].reverse();
    const page = paginate(revisions, pageSize, pageToken, 20, 100);
    const out: Json = { workflows: page.items.map((r) => workflowResource(record, r)) };
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    return out;
  }

  getOperation(name: string): Json {
    const op = this.operations.get(name);
    if (!op) throw notFound(`Operation '${name}' was not found`);
    return op;
  }

  find(name: string): WorkflowRecord {
    parseWorkflowName(name);
    const record = this.store.workflows.get(name);
    if (!record) throw notFound(`Resource '${name}' was not found`);
    return record;
  }

  /** The parsed source of the current revision (cached per revision). */
  compiledSource(record: WorkflowRecord): { workflow: Workflow; revisionId: string; revision: WorkflowRevision } {
    const revision = currentRevision(record);
    const key = `${record.name}@${revision.revisionId}`;
    let workflow = this.compiled.get(key);
    if (!workflow) {
      workflow = checkSource(revision.sourceContents).workflow;
      this.compiled.set(key, workflow);
    }
    return { workflow, revisionId: revision.revisionId, revision };
  }

  private revisionFrom(body: Json, number: number, now: number, project: string, checkSourceContents = true): WorkflowRevision {
    const source = body.sourceContents;
    if (checkSourceContents) {
      if (typeof source !== 'string' || source === '') throw invalidArgument('The workflow sourceContents is required.');
      const tooLarge = sizeError(source);
      if (tooLarge) throw tooLarge;
      const { problems } = checkSource(source);
      if (problems.length > 0) throw buildError(problems);
    }
    const serviceAccount = typeof body.serviceAccount === 'string' && body.serviceAccount ? body.serviceAccount : defaultServiceAccount(project);
    return {
      revisionId: newRevisionId(number),
      revisionCreateTime: now,
      sourceContents: typeof source === 'string' ? source : '',
      description: typeof body.description === 'string' ? body.description : '',
      labels: labelMap(body.labels),
      serviceAccount,
      callLogLevel: callLogLevel(body.callLogLevel),
      userEnvVars: stringMap(body.userEnvVars, 'userEnvVars'),
      executionHistoryLevel: enumValue(body.executionHistoryLevel, HISTORY_LEVELS, 'executionHistoryLevel'),
    };
  }

  private maskFields(updateMask: string | undefined): Updatable[] {
    if (!updateMask || !updateMask.trim()) return [...UPDATABLE];
    return updateMask.split(',').map((raw) => {
      const field = raw.trim().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      if (!(UPDATABLE as readonly string[]).includes(field)) {
        throw invalidArgument(`Invalid updateMask field "${raw.trim()}": updatable fields are ${UPDATABLE.join(', ')}.`);
      }
      return field as Updatable;
    });
  }

  private operation(parent: string, target: string, verb: 'create' | 'update' | 'delete', response: Json | undefined): Json {
    const name = `${parent}/operations/operation-${Date.now()}-${randomBytes(6).toString('hex')}`;
    const op = operationResource(name, target, verb, this.clock.now(), response);
    this.operations.set(name, op);
    return op;
  }
}

/** Revision ids look like Google's: a six-digit counter and a short random suffix. */
function newRevisionId(number: number): string {
  return `${String(number).padStart(6, '0')}-${randomBytes(2).toString('hex').slice(0, 3)}`;
}

/** [R] The Compute Engine default service account of the emulator's fake project number. */
export function defaultServiceAccount(project: string): string {
  return `projects/${project}/serviceAccounts/000000000000-compute@developer.gserviceaccount.com`;
}
