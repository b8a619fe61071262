/**
 * The workflows of a debug session, deployed to an in-process emulator: the program and every
 * workflow file of `workflows` (so `executions.run` of a local child workflow runs here, under the
 * same debugger), with each file's text and step lines kept for breakpoints and stack frames.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseWorkflow } from '../core/model/parse';
import type { Emulator } from '../emulator/emulator';
import { workflowName } from '../emulator/names';
import { deployFile, workflowFiles, workflowIdOf } from '../emulator/sourceDirs';
import { StepIndex } from './breakpoints';
import { LaunchError, type LaunchArgs } from './launchArgs';

export interface DeployedWorkflow {
  workflowId: string;
  file: string;
  steps: StepIndex;
}

export class Deployment {
  private readonly byId = new Map<string, DeployedWorkflow>();
  /** Files of `workflows` that could not be deployed, as messages for the Debug Console. */
  readonly warnings: string[] = [];
  readonly programId: string;

  /** `programId` defaults to the program file's name (a test's `GOOGLE_CLOUD_WORKFLOW_ID` may set another). */
  constructor(emu: Emulator, args: LaunchArgs, programId = workflowIdOf(args.program) as string) {
    this.programId = programId;
    const program = deployFile(emu, args.program, this.programId);
    if ('problems' in program) throw new LaunchError([program.message, ...program.problems].join('\n'));
    this.remember(this.programId, args.program);
    if (Object.keys(args.env).length > 0) {
      try {
        emu.workflows.update(workflowName(emu.project, emu.location, this.programId), { userEnvVars: args.env }, 'userEnvVars');
      } catch (e) {
        throw new LaunchError(`"env" was refused: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    for (const entry of args.workflows) {
      for (const file of this.filesOf(entry)) {
        const id = workflowIdOf(file) as string;
        if (path.resolve(file) === args.program || this.byId.has(id)) continue;
        const result = deployFile(emu, file, id);
        if ('problems' in result) this.warnings.push([result.message, ...result.problems].join('\n'));
        else this.remember(id, file);
      }
    }
  }

  get(workflowId: string): DeployedWorkflow | undefined {
    return this.byId.get(workflowId);
  }

  /** The deployed workflow read from `file`, if any. */
  byFile(file: string): DeployedWorkflow | undefined {
    const wanted = normalize(file);
    for (const w of this.byId.values()) if (normalize(w.file) === wanted) return w;
    return undefined;
  }

  private filesOf(entry: string): string[] {
    try {
      return fs.statSync(entry).isDirectory() ? workflowFiles(entry) : workflowIdOf(entry) ? [entry] : [];
    } catch (e) {
      this.warnings.push(`${entry}: cannot read (${e instanceof Error ? e.message : String(e)})`);
      return [];
    }
  }

  private remember(workflowId: string, file: string): void {
    const text = fs.readFileSync(file, 'utf8');
    this.byId.set(workflowId, { workflowId, file: path.resolve(file), steps: new StepIndex(parseWorkflow(text)) });
  }
}

/** Paths compare case-insensitively where the file system usually is (Windows, macOS). */
function normalize(file: string): string {
  const resolved = path.resolve(file);
  return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
}
