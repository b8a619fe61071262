import * as vscode from 'vscode';

/** The project and location of executions on the local emulator (its defaults). */
export const EMULATOR_PROJECT = 'local-project';
export const EMULATOR_LOCATION = 'us-central1';

export type TargetKind = 'emulator' | 'cloud';

/** The `cloudWorkflows.*` settings the run features read. */
export interface TargetSettings {
  kind: TargetKind;
  /** Empty: from Application Default Credentials or `GOOGLE_CLOUD_PROJECT`. */
  project: string;
  location: string;
  clock: 'real' | 'virtual';
  allowHttpHosts: string[];
  /** Connector calls of local runs go to the real Google APIs with the user's credentials. */
  liveConnectors: boolean;
  /** `cloudWorkflows.emulator.maxExecutions`: the emulator's retention limit. */
  maxExecutions: number;
}

export function readTargetSettings(): TargetSettings {
  const config = vscode.workspace.getConfiguration('cloudWorkflows');
  return {
    kind: config.get<string>('target') === 'cloud' ? 'cloud' : 'emulator',
    project: config.get<string>('project', '').trim(),
    location: config.get<string>('location', EMULATOR_LOCATION).trim() || EMULATOR_LOCATION,
    clock: config.get<string>('emulator.clock') === 'virtual' ? 'virtual' : 'real',
    allowHttpHosts: config.get<string[]>('emulator.allowHttpHosts', []).filter((h) => typeof h === 'string' && h.trim() !== ''),
    liveConnectors: config.get<boolean>('emulator.liveConnectors', false) === true,
    maxExecutions: wholeAtLeastOne(config.get<number>('emulator.maxExecutions'), 10_000),
  };
}

/**
 * Writes a setting where the user keeps it: in the workspace when the workspace already sets it,
 * otherwise in the user settings.
 */
export async function updateSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('cloudWorkflows');
  const inspected = config.inspect(key);
  const where = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(key, value, where);
}

function wholeAtLeastOne(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fallback;
}
