import * as path from 'node:path';

/** The shape of `dist/cloud.js` (the cloud client layer, bundled alone). */
export type CloudModule = typeof import('../../cloud');

let loaded: CloudModule | undefined;

/**
 * Loads the cloud client layer on first use. The path is computed so esbuild leaves the
 * `require` alone: the Google client (~2 MB, ~120 ms to load) stays out of `dist/extension.js` and
 * activation never pays for it.
 */
export function loadCloud(): CloudModule {
  if (!loaded) {
    const file = path.join(__dirname, 'cloud.js');
    loaded = require(file) as CloudModule;
  }
  return loaded;
}

/** True once something has needed the cloud layer (activation must leave this false). */
export function isCloudLoaded(): boolean {
  return loaded !== undefined;
}
