/**
 * `--live-connectors` and `--connector-endpoint URL` of `run` and `emulator`. The endpoint must be
 * loopback (it exists for fake Google APIs in tests; no credentials are sent there) and implies
 * live connectors. Credentials come from Application Default Credentials through the cloud
 * layer, loaded only when a call first leaves loopback.
 */
import * as path from 'node:path';
import type { EmulatorOptions } from '../emulator/emulator';
import { isLoopbackHost } from '../engine/http/networkPolicy';

export const LIVE_CONNECTORS_USAGE = `  --live-connectors      send googleapis.* connector calls to the real Google APIs with your
                         Application Default Credentials (every call is logged)
  --connector-endpoint <url>
                         send connector calls to this loopback URL instead (a fake Google API);
                         implies --live-connectors
`;

export const LIVE_CONNECTORS_OPTIONS = {
  'live-connectors': { type: 'boolean' },
  'connector-endpoint': { type: 'string' },
} as const;

/** The emulator's live-connector options from the parsed flags; undefined when off. Throws on a bad endpoint. */
export function liveConnectorsOption(
  values: { 'live-connectors'?: boolean; 'connector-endpoint'?: string },
  log: (line: string) => void,
): EmulatorOptions['liveConnectors'] {
  const endpoint = values['connector-endpoint'];
  if (!values['live-connectors'] && endpoint === undefined) return undefined;
  if (endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new Error(`--connector-endpoint must be a URL such as http://127.0.0.1:9000, got '${endpoint}'`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !isLoopbackHost(url.hostname) || (url.pathname !== '/' && url.pathname !== '')) {
      throw new Error(`--connector-endpoint must be a loopback origin such as http://127.0.0.1:9000, got '${endpoint}'`);
    }
  }
  return { endpoint: endpoint?.replace(/\/+$/, ''), log, tokens: () => loadCloud().adcTokenProvider() };
}

function loadCloud(): typeof import('../cloud') {
  // A computed path keeps esbuild from bundling the Google client into the CLI.
  const file = path.join(__dirname, 'cloud.js');
  return require(file) as typeof import('../cloud');
}
