/**
 * Starts and stops a code-server (VS Code server + real Node extension host) on loopback for tests.
 * code-server comes from the cache that `provision.sh` fills; it runs on that cache's Node 24.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { waitFor } from './waitFor';

/** Paths of the provisioned tools, as printed by `provision.sh`. */
export interface Tools {
  node24: string;
  codeServer: string;
  chromium: string;
}

/** Reads the tool paths from the environment (set by `test-all.sh` / `provision.sh`). */
export function toolsFromEnv(): Tools {
  const read = (name: string): string => {
    const value = process.env[name];
    if (!value || !fs.existsSync(value)) {
      throw new Error(`${name} is not set or missing (${value ?? 'unset'}); run: eval "$(bash scripts/vscode/provision.sh)"`);
    }
    return value;
  };
  return { node24: read('CW_NODE24'), codeServer: read('CW_CODE_SERVER'), chromium: read('CW_CHROMIUM') };
}

/** A running code-server. `close()` stops it and waits for the process to exit. */
export interface CodeServer {
  url: string;
  port: number;
  userDataDir: string;
  logPath: string;
  /** A `vscode-remote://` URI for an absolute path on this machine, as the web client needs. */
  remoteUri(absPath: string): string;
  close(): Promise<void>;
}

export interface CodeServerOptions {
  /** A scratch folder; HOME, user data and extensions go below it. */
  root: string;
  extensionsDir?: string;
}

/** Asks the OS for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function serverEnv(root: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // code-server writes into $HOME; keep that inside the scratch folder.
    HOME: path.join(root, 'home'),
    XDG_DATA_HOME: path.join(root, 'home', '.local', 'share'),
    // No extension gallery: with no route to it, its DNS look-ups take a minute or more to fail,
    // and the extension host waits for them before it enables installed extensions.
    EXTENSIONS_GALLERY: '{}',
  };
}

function commonArgs(root: string, extensionsDir: string): string[] {
  return [
    '--config', '/dev/null',
    '--user-data-dir', path.join(root, 'user-data'),
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
  ];
}

/** Installs a VSIX into the extensions folder with code-server's own CLI. */
export function installExtension(tools: Tools, options: CodeServerOptions, vsix: string): void {
  const extensionsDir = options.extensionsDir ?? path.join(options.root, 'extensions');
  fs.mkdirSync(path.join(options.root, 'home'), { recursive: true });
  const result = spawnSync(
    tools.node24,
    [tools.codeServer, ...commonArgs(options.root, extensionsDir), '--install-extension', vsix, '--force'],
    { env: serverEnv(options.root), encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * User settings for a quiet, fast test workbench: no welcome page, chat, git, gallery or update checks
 * (there is no network to reach them, and their timeouts slow start-up).
 */
const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.stickyScroll.enabled': false,
  'editor.minimap.enabled': false,
};

function writeUserSettings(root: string): void {
  const dir = path.join(root, 'user-data', 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), `${JSON.stringify(TEST_SETTINGS, null, 2)}\n`);
}

/** Starts code-server on a free loopback port and resolves once `/healthz` answers. */
export async function startCodeServer(tools: Tools, options: CodeServerOptions): Promise<CodeServer> {
  const { root } = options;
  const extensionsDir = options.extensionsDir ?? path.join(root, 'extensions');
  fs.mkdirSync(path.join(root, 'home'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(root);
  const port = await freePort();
  const logPath = path.join(root, 'code-server.log');
  const log = fs.openSync(logPath, 'w');
  const child: ChildProcess = spawn(
    tools.node24,
    [
      tools.codeServer,
      ...commonArgs(root, extensionsDir),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      // Without the smoke-test driver a built product ignores the test payload in the URL.
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { env: serverEnv(root), stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  let exited: string | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `exited with ${code ?? signal}`;
      resolve();
    });
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`code-server to answer ${url}/healthz`, 60_000, async () => {
      if (exited) throw new Error(`code-server ${exited}; see ${logPath}:\n${fs.readFileSync(logPath, 'utf8')}`);
      try {
        return (await fetch(`${url}/healthz`)).ok;
      } catch {
        return false;
      }
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    port,
    userDataDir: path.join(root, 'user-data'),
    logPath,
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${absPath}`,
    close: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Lists the extension host's log and this extension's output logs, newest session first (for failure reports). */
export function extensionHostLogs(userDataDir: string): string[] {
  const logsDir = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logsDir)) return [];
  return fs
    .readdirSync(logsDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'remoteexthost.log' || file.includes('cloud-workflows-toolkit'))
    .map((file) => path.join(logsDir, file))
    .sort()
    .reverse();
}
