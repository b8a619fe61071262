/**
 * Holds workflows and executions in memory and, with a data directory, on disk so that nothing is
 * lost across restarts. Each resource is one JSON file at `<dataDir>/<resource name>.json`
 * (`projects/P/locations/L/workflows/W.json`, `…/workflows/W/executions/E.json`), written
 * atomically (temp file + rename). Writes are synchronous: a resource is on disk before the API
 * call that changed it answers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExecutionRecord, WorkflowRecord } from './records';

const FORMAT_VERSION = 1;

/** A data file that could not be read back; it is moved aside, never deleted. */
export interface CorruptFile {
  path: string;
  movedTo: string;
  reason: string;
}

export interface LoadReport {
  corrupt: CorruptFile[];
}

interface StoredWorkflow {
  kind: 'workflow';
  version: number;
  workflow: WorkflowRecord;
}

interface StoredExecution {
  kind: 'execution';
  version: number;
  execution: ExecutionRecord;
}

export class Store {
  readonly workflows = new Map<string, WorkflowRecord>();
  readonly executions = new Map<string, ExecutionRecord>();

  /** @param dataDir where to persist; in memory only when undefined */
  constructor(private readonly dataDir?: string) {}

  /** Reads every data file; unreadable ones are moved to `<dataDir>/corrupt/` and reported. */
  load(): LoadReport {
    const report: LoadReport = { corrupt: [] };
    if (!this.dataDir) return report;
    fs.mkdirSync(this.dataDir, { recursive: true });
    for (const file of listFiles(path.join(this.dataDir, 'projects'))) {
      const relative = path.relative(this.dataDir, file).split(path.sep).join('/');
      if (file.endsWith('.tmp')) {
        report.corrupt.push(this.moveAside(file, relative, 'an interrupted write; the previous version of the resource was kept'));
        continue;
      }
      const name = relative.slice(0, -'.json'.length);
      try {
        this.loadFile(file, name);
      } catch (err) {
        report.corrupt.push(this.moveAside(file, relative, err instanceof Error ? err.message : String(err)));
      }
    }
    return report;
  }

  saveWorkflow(record: WorkflowRecord): void {
    this.workflows.set(record.name, record);
    const stored: StoredWorkflow = { kind: 'workflow', version: FORMAT_VERSION, workflow: record };
    this.write(record.name, stored);
  }

  saveExecution(record: ExecutionRecord): void {
    this.executions.set(record.name, record);
    const stored: StoredExecution = { kind: 'execution', version: FORMAT_VERSION, execution: record };
    this.write(record.name, stored);
  }

  /** Removes one execution (with its step entries) from memory and disk. */
  deleteExecution(name: string): void {
    this.executions.delete(name);
    if (this.dataDir) fs.rmSync(this.fileOf(name), { force: true });
  }

  /** Removes a workflow and every execution under it. */
  deleteWorkflow(name: string): void {
    this.workflows.delete(name);
    for (const key of [...this.executions.keys()]) {
      if (key.startsWith(`${name}/executions/`)) this.executions.delete(key);
    }
    if (!this.dataDir) return;
    fs.rmSync(this.fileOf(name), { force: true });
    fs.rmSync(path.join(this.dataDir, ...name.split('/')), { recursive: true, force: true });
  }

  private loadFile(file: string, name: string): void {
    const text = fs.readFileSync(file, 'utf8');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error(text.length === 0 ? 'the file is empty' : 'the file is not valid JSON (truncated?)');
    }
    if (!isObject(data) || data.version !== FORMAT_VERSION) throw new Error('unknown file format');
    if (data.kind === 'workflow' && isWorkflowRecord(data.workflow) && data.workflow.name === name) {
      this.workflows.set(name, data.workflow);
      return;
    }
    if (data.kind === 'execution' && isExecutionRecord(data.execution) && data.execution.name === name) {
      this.executions.set(name, data.execution);
      return;
    }
    throw new Error(`the file does not hold the resource ${name}`);
  }

  private moveAside(file: string, relative: string, reason: string): CorruptFile {
    const dir = path.join(this.dataDir as string, 'corrupt');
    fs.mkdirSync(dir, { recursive: true });
    const movedTo = path.join(dir, `${relative.replace(/\//g, '~')}.${Date.now()}`);
    fs.renameSync(file, movedTo);
    return { path: file, movedTo, reason };
  }

  private fileOf(name: string): string {
    return `${path.join(this.dataDir as string, ...name.split('/'))}.json`;
  }

  private write(name: string, data: StoredWorkflow | StoredExecution): void {
    if (!this.dataDir) return;
    const file = this.fileOf(name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(data));
    fs.renameSync(temp, file);
  }
}

/** Every data file (`*.json`) and leftover temp file (`*.tmp`) under `dir`, recursively. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.name.endsWith('.json') || entry.name.endsWith('.tmp')) out.push(full);
  }
  return out.sort();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWorkflowRecord(value: unknown): value is WorkflowRecord {
  return (
    isObject(value) &&
    typeof value.name === 'string' &&
    typeof value.createTime === 'number' &&
    Array.isArray(value.revisions) &&
    value.revisions.length > 0 &&
    value.revisions.every((r) => isObject(r) && typeof r.revisionId === 'string' && typeof r.sourceContents === 'string')
  );
}

function isExecutionRecord(value: unknown): value is ExecutionRecord {
  return (
    isObject(value) &&
    typeof value.name === 'string' &&
    typeof value.state === 'string' &&
    typeof value.createTime === 'number' &&
    Array.isArray(value.stepEntries)
  );
}
