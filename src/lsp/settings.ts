/**
 * `cloudWorkflows.validation.enabled` and `cloudWorkflows.files`, read the way the client offers them: pulled with
 * `workspace/configuration` (per document, cached until `didChangeConfiguration`) when the client
 * supports it, otherwise taken from `initializationOptions` (`{ settings: { cloudWorkflows } }`, or
 * `{ cloudWorkflows }` as Helix sends its `config`) and pushed settings
 * (`{ cloudWorkflows: { validation: { enabled } } }`). Validation is on by default; `files` is empty.
 */
import type { Connection, InitializeParams } from 'vscode-languageserver';

export class Settings {
  private pull = false;
  private ready = false;
  private pushed: unknown;
  private readonly cache = new Map<string, Promise<unknown>>();

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

  async validationEnabled(uri: string): Promise<boolean> {
    return enabledIn(await this.section(uri));
  }

  /** The `cloudWorkflows.files` globs that apply to the document (strings only). */
  async filesGlobs(uri: string): Promise<string[]> {
    const value = await this.section(uri);
    const files = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).files : undefined;
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
  }

  /** The `cloudWorkflows` section for a document: pulled once per URI until the next change, or pushed. */
  private section(uri: string): Promise<unknown> {
    if (!this.pull || !this.ready) return Promise.resolve(section(this.pushed));
    let known = this.cache.get(uri);
    if (!known) {
      known = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'cloudWorkflows' }).then(
        (value: unknown) => value,
        () => undefined,
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
