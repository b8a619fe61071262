import * as vscode from 'vscode';
import type { CloudErrorDescription } from '../../cloud/types';
import { loadCloud } from '../target/cloudModule';
import type { Log } from '../util/log';

/** A failure whose message is already written for people (shown as is). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** One sentence (and a hint) for anything a command may throw. */
export function describeFailure(err: unknown): CloudErrorDescription {
  if (err instanceof UserError) return { message: err.message, hint: err.hint };
  try {
    return loadCloud().describeCloudError(err);
  } catch {
    return { message: err instanceof Error ? err.message : String(err) };
  }
}

/** The sentence and its hint as one line. */
export function failureText(err: unknown): string {
  const d = describeFailure(err);
  const message = /[.!?]$/.test(d.message) ? d.message : `${d.message}.`;
  return d.hint ? `${message} ${d.hint}` : message;
}

/**
 * Logs the failure (redacted by the log) and shows one message with a button to the log. Never
 * awaits the message: commands return at once.
 */
export function reportFailure(log: Log, action: string, err: unknown): void {
  log.error(action, err);
  void vscode.window.showErrorMessage(`${action}: ${failureText(err)}`, 'Show Log').then((choice) => {
    if (choice) log.show();
  });
}

/** Refuses commands that reach outside the editor in an untrusted workspace. */
export function requireTrust(action: string): void {
  if (!vscode.workspace.isTrusted) {
    throw new UserError(`${action} is disabled in an untrusted workspace.`, 'Trust the workspace (Manage Workspace Trust) to deploy and run workflows.');
  }
}
