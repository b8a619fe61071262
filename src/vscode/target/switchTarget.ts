import * as vscode from 'vscode';
import { updateSetting } from './targetSettings';
import { LOCATION_ID, WORKFLOWS_LOCATIONS } from './workflowsLocations';
import type { TargetService } from './targetService';


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
  const location = await pickLocation(config.get<string>('location', 'us-central1'));
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

const OTHER = 'Other location…';

/** Every Workflows region, the current one first, plus a way to type one the list doesn't have yet. */
async function pickLocation(current: string): Promise<string | undefined> {
  const known = WORKFLOWS_LOCATIONS.map((l): vscode.QuickPickItem => ({ label: l.id, description: l.city }));
  const first = known.find((i) => i.label === current) ?? { label: current, description: 'current' };
  const items = [{ ...first, description: `${first.description ?? ''} (current)`.trim() }, ...known.filter((i) => i.label !== current), { label: OTHER }];
  const picked = await vscode.window.showQuickPick(items, { title: 'Workflows location', placeHolder: 'The region of your workflows', matchOnDescription: true, ignoreFocusOut: true });
  if (picked?.label !== OTHER) return picked?.label;
  const typed = await vscode.window.showInputBox({
    title: 'Workflows location',
    prompt: 'A Google Cloud region, e.g. us-central1',
    ignoreFocusOut: true,
    validateInput: (text) => (LOCATION_ID.test(text.trim()) ? undefined : 'A region name such as us-central1 or europe-west10.'),
  });
  return typed?.trim();
}
