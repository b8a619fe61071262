/**
 * The local emulator of Google Cloud Workflows: `startEmulator` serves Google's Workflows v1 and
 * Executions v1 REST APIs on 127.0.0.1; `Emulator` is the same thing in process, without HTTP.
 */
import type { AddressInfo } from 'node:net';
import { Emulator } from './emulator';
import type { EmulatorOptions, StartupReport } from './emulator';
import { createServer } from './server';
import { deployDirs } from './sourceDirs';
import type { DeployFailure, DeployedFile } from './sourceDirs';

export { Emulator } from './emulator';
export type { EmulatorOptions, StartupReport } from './emulator';
export { ApiError } from './apiError';
export type { GoogleErrorBody } from './apiError';
export { deployDirs, deployFile, workflowFiles, workflowIdOf } from './sourceDirs';
export type { DeployFailure, DeployedFile } from './sourceDirs';
export { CHILD_FAILED_MESSAGE } from './executionsConnector';

export interface StartEmulatorOptions extends EmulatorOptions {
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Directories whose workflow files are deployed at start. */
  sourceDirs?: string[];
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:8787`. */
  url: string;
  host: string;
  port: number;
  emulator: Emulator;
  startup: StartupReport;
  /** Files from `sourceDirs`: deployed, and refused. */
  deployed: DeployedFile[];
  deployFailures: DeployFailure[];
  /** Stops the server and running executions (saved as FAILED: the emulator stopped). */
  close(): Promise<void>;
  /** Test hook: stops at once without saving anything more, like a killed process. */
  crash(): Promise<void>;
}

/** Starts the emulator's REST server; resolves once it is listening. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const emulator = new Emulator(options);
  const { deployed, failed } = deployDirs(emulator, options.sourceDirs ?? []);
  const server = createServer(emulator);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  // Callback URLs must be reachable: a wildcard bind is reached through loopback.
  emulator.baseUrl = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : urlHost}:${port}`;
  const stopServer = (): Promise<void> =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    emulator,
    startup: emulator.startup,
    deployed,
    deployFailures: failed,
    async close() {
      await emulator.close();
      await stopServer();
    },
    async crash() {
      emulator.crash();
      await stopServer();
    },
  };
}
