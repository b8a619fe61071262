import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CloudClient } from '../../cloud';
import type { Log } from '../util/log';
import { loadCloud } from './cloudModule';
import { EmulatorProcess } from './emulatorProcess';
import { EMULATOR_LOCATION, EMULATOR_PROJECT, readTargetSettings } from './targetSettings';
import type { TargetKind, TargetSettings } from './targetSettings';

/** What the status bar, the tree and the commands show about the current target. */
export interface TargetInfo {
  kind: TargetKind;
  /** `Local emulator` or `Google Cloud (project, location)`. */
  label: string;
  /** Identifies the target in remembered state (last deploys): `emulator` or `cloud:P/L`. */
  key: string;
  /** Empty for the cloud target when the project comes from the credentials. */
  project: string;
  location: string;
}

/** Per-request timeout of the emulator: it answers at once or not at all. */
const EMULATOR_TIMEOUT_MS = 15_000;

/**
 * The current target (local emulator or Google Cloud) and a client for it. The cloud layer is
 * loaded on the first call of `client()`; the emulator process starts on the first emulator call.
 */
export class TargetService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TargetInfo>();
  readonly onDidChange = this.changed.event;
  readonly emulator: EmulatorProcess;
  private settings: TargetSettings = readTargetSettings();
  private cached: { key: string; client: CloudClient } | undefined;
  private readonly watcher: vscode.Disposable;

  constructor(context: vscode.ExtensionContext, private readonly log: Log) {
    this.emulator = new EmulatorProcess(
      () => ({
        cliPath: path.join(__dirname, 'cli.js'),
        dataDir: path.join(context.globalStorageUri.fsPath, 'emulator'),
        clock: this.settings.clock,
        allowHttpHosts: this.settings.allowHttpHosts,
        liveConnectors: this.settings.liveConnectors,
        maxExecutions: this.settings.maxExecutions,
      }),
      log,
    );
    this.watcher = vscode.workspace.onDidChangeConfiguration((e) => this.onConfiguration(e));
  }

  get info(): TargetInfo {
    const s = this.settings;
    if (s.kind === 'emulator') {
      return { kind: 'emulator', label: 'Local emulator', key: 'emulator', project: EMULATOR_PROJECT, location: EMULATOR_LOCATION };
    }
    const where = s.project ? `${s.project}, ${s.location}` : s.location;
    return { kind: 'cloud', label: `Google Cloud (${where})`, key: `cloud:${s.project}/${s.location}`, project: s.project, location: s.location };
  }

  /** A client for the current target, starting the emulator when it is the target. */
  async client(): Promise<CloudClient> {
    const s = this.settings;
    if (s.kind === 'emulator') {
      const { port } = await this.emulator.endpoint();
      return this.clientFor(`emulator:${port}`, () =>
        loadCloud().createCloudClient({ kind: 'emulator', port, project: EMULATOR_PROJECT, location: EMULATOR_LOCATION }, { timeoutMs: EMULATOR_TIMEOUT_MS }),
      );
    }
    return this.clientFor(`cloud:${s.project}/${s.location}`, () =>
      loadCloud().createCloudClient({ kind: 'cloud', project: s.project || undefined, location: s.location }),
    );
  }

  /** The emulator's base URL (starting it if needed). */
  async emulatorUrl(): Promise<string> {
    return (await this.emulator.endpoint()).url;
  }

  /** The Cloud console page of an execution (cloud target only). */
  async consoleUrl(workflowId: string, executionId: string): Promise<string | undefined> {
    if (this.settings.kind !== 'cloud') return undefined;
    const project = await (await this.client()).project();
    const location = this.settings.location;
    return `https://console.cloud.google.com/workflows/workflow/${location}/${workflowId}/execution/${executionId}?project=${encodeURIComponent(project)}`;
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
    this.emulator.dispose();
    void this.cached?.client.close();
    this.cached = undefined;
  }

  private clientFor(key: string, create: () => CloudClient): CloudClient {
    if (this.cached?.key !== key) {
      void this.cached?.client.close();
      this.cached = { key, client: create() };
    }
    return this.cached.client;
  }

  private onConfiguration(e: vscode.ConfigurationChangeEvent): void {
    const emulatorChanged = e.affectsConfiguration('cloudWorkflows.emulator');
    const targetChanged = ['target', 'project', 'location'].some((k) => e.affectsConfiguration(`cloudWorkflows.${k}`));
    if (!emulatorChanged && !targetChanged) return;
    this.settings = readTargetSettings();
    if (emulatorChanged && this.emulator.running) {
      this.log.info('the emulator settings changed: restarting the local emulator');
      this.emulator.restart();
    }
    this.changed.fire(this.info);
  }
}
