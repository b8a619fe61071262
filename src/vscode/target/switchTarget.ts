import * as vscode from 'vscode';
import { updateSetting } from './targetSettings';
import type { TargetService } from './targetService';

/** Regions where Workflows runs, offered first when choosing a location. */
const COMMON_LOCATIONS = ['us-central1', 'us-east1', 'us-west1', 'europe-west1', 'europe-west4', 'asia-southeast1', 'asia-northeast1', 'australia-southeast1'];

const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$|^[a-z0-9.-]+:[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/**
 * `cloudWorkflows.switchTarget`: picks the local emulator or Google Cloud; for Google Cloud, asks
 * for the project (empty: from the credentials) and the location. `kind` skips the first pick.
 */
export async function switchTarget(target: TargetService, kind?: unknown): Promise<void> {
  const chosen = kind === 'emulator' || kind === 'cloud' ? kind : await pickKind(target);
  if (!chosen) return;
  if (chosen === 'emulator') {
    await updateSetting('target', 'emulator');
    return;
  }
  const config = vscode.workspace.getConfiguration('cloudWorkflows');
  const project = await vscode.window.showInputBox({
    title: 'Google Cloud project',
    prompt: 'Project ID for Deploy and Run (empty: from Application Default Credentials or GOOGLE_CLOUD_PROJECT)',
    value: config.get<string>('project', ''),
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' || PROJECT_ID.test(text.trim()) ? undefined : 'A project ID: 6 to 30 lowercase letters, digits and hyphens.'),
  });
  if (project === undefined) return;
  const current = config.get<string>('location', 'us-central1');
  const location = await vscode.window.showQuickPick([current, ...COMMON_LOCATIONS.filter((l) => l !== current)], {
    title: 'Workflows location',
    placeHolder: 'The region of your workflows',
    ignoreFocusOut: true,
  });
  if (location === undefined) return;
  await updateSetting('project', project.trim());
  await updateSetting('location', location);
  await updateSetting('target', 'cloud');
}

async function pickKind(target: TargetService): Promise<'emulator' | 'cloud' | undefined> {
  const items: (vscode.QuickPickItem & { value: 'emulator' | 'cloud' })[] = [
    { value: 'emulator', label: '$(server-process) Local emulator', detail: 'Runs workflows on this machine: no Google Cloud project needed.' },
    { value: 'cloud', label: '$(cloud) Google Cloud', detail: 'Deploys and runs in your project with Application Default Credentials.' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Where should Deploy and Run go?', placeHolder: `Now: ${target.info.label}` });
  return picked?.value;
}
