/**
 * Deploys workflow files from directories: every `*.workflows.yaml|yml|json`, `*.yaml`, `*.yml`
 * and `*.json` file directly inside each directory, under the file name without its extension.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiError } from './apiError';
import type { Emulator } from './emulator';

const EXTENSIONS = ['.workflows.yaml', '.workflows.yml', '.workflows.json', '.yaml', '.yml', '.json'];

/** The workflow ID for a file: its name without a workflow extension; undefined for other files. */
export function workflowIdOf(file: string): string | undefined {
  const base = path.basename(file);
  const ext = EXTENSIONS.find((e) => base.toLowerCase().endsWith(e));
  return ext ? base.slice(0, -ext.length) : undefined;
}

/** A file that could not be deployed, with Google's reason and its problems as `file:line:col: message`. */
export interface DeployFailure {
  file: string;
  message: string;
  problems: string[];
}

export interface DeployedFile {
  file: string;
  workflowId: string;
  revisionId: string;
}

/** Workflow test files (`*.test.yaml|yml|json`) sit beside workflows but are not workflows. */
const TEST_FILE = /\.test\.(ya?ml|json)$/i;

/** Workflow files directly inside `dir` (test files left out), sorted. */
export function workflowFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && workflowIdOf(e.name) !== undefined && !TEST_FILE.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** Deploys one file; a failure is returned, not thrown. */
export function deployFile(emu: Emulator, file: string, workflowId = workflowIdOf(file)): DeployedFile | DeployFailure {
  if (!workflowId) return { file, message: `${file}: not a workflow file (expected .yaml, .yml or .json)`, problems: [] };
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { file, message: `${file}: cannot read the file (${err instanceof Error ? err.message : String(err)})`, problems: [] };
  }
  try {
    const workflow = emu.deploy(workflowId, source);
    return { file, workflowId, revisionId: String(workflow.revisionId) };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return { file, message: `${file}: ${err.message}`, problems: problemsOf(file, err) };
  }
}

/** Deploys every workflow file of every directory. */
export function deployDirs(emu: Emulator, dirs: string[]): { deployed: DeployedFile[]; failed: DeployFailure[] } {
  const deployed: DeployedFile[] = [];
  const failed: DeployFailure[] = [];
  for (const dir of dirs) {
    let files: string[];
    try {
      files = workflowFiles(dir);
    } catch (err) {
      failed.push({ file: dir, message: `${dir}: cannot read the directory (${err instanceof Error ? err.message : String(err)})`, problems: [] });
      continue;
    }
    for (const file of files) {
      const result = deployFile(emu, file);
      if ('revisionId' in result) deployed.push(result);
      else failed.push(result);
    }
  }
  return { deployed, failed };
}

/** `file:line:col: code: message` lines from a `failed to build` error's BadRequest detail. */
function problemsOf(file: string, err: ApiError): string[] {
  const out: string[] = [];
  for (const detail of err.details ?? []) {
    const violations = detail.fieldViolations;
    if (!Array.isArray(violations)) continue;
    for (const v of violations) {
      if (v && typeof v === 'object' && typeof (v as { description?: unknown }).description === 'string') {
        out.push(`${file}:${(v as { description: string }).description}`);
      }
    }
  }
  return out;
}
