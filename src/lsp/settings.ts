/**
 * `cloudWorkflows.validation.enabled`, read the way the client offers it: pulled with
 * `workspace/configuration` (per document, cached until `didChangeConfiguration`) when the client
 * supports it, otherwise taken from `initializationOptions` (`{ settings: { cloudWorkflows } }`, or
 * `{ cloudWorkflows }` as Helix sends its `config`) and pushed settings
 * (`{ cloudWorkflows: { validation: { enabled } } }`). On by default.
 */
import type { Connection, InitializeParams } from 'vscode-languageserver';

export class Settings {
  private pull = false;
  private ready = false;
  private pushed: unknown;
  private readonly cache = new Map<string, Promise<boolean>>();

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.pull = params.capabilities.workspace?.configuration === true;
    const options: unknown = params.initializationOptions;
    if (typeof options === 'object' && options !== null) this.pushed = 'settings' in options ? (options as { settings: unknown }).settings : options;
  }

  /** Requests to the client are allowed only after `initialized`. */
  initialized(): void {
    this.ready = true;
  }

  changed(settings: unknown): void {
    this.cache.clear();
    if (settings !== undefined && settings !== null) this.pushed = settings;
  }

  validationEnabled(uri: string): Promise<boolean> {
    if (!this.pull || !this.ready) return Promise.resolve(enabledIn(section(this.pushed)));
    let known = this.cache.get(uri);
    if (!known) {
      known = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'cloudWorkflows' }).then(
        (value: unknown) => enabledIn(value),
        () => true,
      );
      this.cache.set(uri, known);
    }
    return known;
  }
}

function section(settings: unknown): unknown {
  return typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>).cloudWorkflows : undefined;
}

/** `validation.enabled` of a `cloudWorkflows` section; anything but an explicit `false` means on. */
function enabledIn(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  const validation = (value as Record<string, unknown>).validation;
  if (typeof validation === 'object' && validation !== null) return (validation as Record<string, unknown>).enabled !== false;
  return (value as Record<string, unknown>)['validation.enabled'] !== false;
}
