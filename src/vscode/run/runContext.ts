import type * as vscode from 'vscode';
import type { ExecutionsTreeProvider } from '../tree/executionsTree';
import type { TargetService } from '../target/targetService';
import type { Log } from '../util/log';
import type { Deployer } from './deployer';
import type { OutputDocuments } from './outputDocuments';

/** What the deploy, run and tree commands share. */
export interface RunContext {
  extension: vscode.ExtensionContext;
  target: TargetService;
  deployer: Deployer;
  tree: ExecutionsTreeProvider;
  outputs: OutputDocuments;
  log: Log;
}

/** Options a command accepts as its second argument when called programmatically (tests, lenses). */
export interface CommandOptions {
  /** Deploy/run under this workflow ID instead of the file name's. */
  workflowId?: string;
  /** Deploy also the workflows the file starts that exist in the workspace (no question asked). */
  deployChildren?: boolean;
  /** The execution argument as JSON text; empty or absent for none (no input box). */
  argument?: string;
  /** Follow the execution to a terminal state (default true). */
  wait?: boolean;
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['workflowId', 'deployChildren', 'argument', 'wait']);

/**
 * The options object of a programmatic call, or undefined for an interactive one. Only an object
 * whose keys are all option names counts: VS Code passes its own context object to editor-title
 * buttons (`{groupId, editorIndex}`), and such a click must ask like the palette does.
 */
export function commandOptions(value: unknown): CommandOptions | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.keys(value).every((key) => OPTION_KEYS.has(key)) ? (value as CommandOptions) : undefined;
}
