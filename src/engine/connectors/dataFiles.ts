/**
 * Reads the generated connector catalogue from disk: `dist/connectors/<api>.<version>.json` beside
 * the bundles (copied there by scripts/build.mjs), or `src/core/connectors/data/` when running
 * from source. Each file is read once, when a workflow first names that API version.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setConnectorDataLoader, type ApiData } from '../../core/connectors/catalogue';

/** The folders the data may sit in, nearest first. */
function candidates(): string[] {
  return [path.join(__dirname, 'connectors'), path.resolve(__dirname, '..', '..', 'core', 'connectors', 'data')];
}

let dataDir: string | undefined;

/** The folder holding the catalogue's JSON files, or undefined when none is found. */
export function connectorDataDir(): string | undefined {
  dataDir ??= candidates().find((dir) => fs.existsSync(path.join(dir, 'storage.v1.json')));
  return dataDir;
}

/** Reads one API version's data; undefined when its file is missing or malformed. */
export function readApiData(api: string, version: string): ApiData | undefined {
  const dir = connectorDataDir();
  if (!dir || !/^[a-z0-9]+$/.test(api) || !/^[a-z0-9]+$/.test(version)) return undefined;
  try {
    const data = JSON.parse(fs.readFileSync(path.join(dir, `${api}.${version}.json`), 'utf8')) as ApiData;
    return Array.isArray(data.methods) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Installs `readApiData` as the catalogue's loader; idempotent. */
export function installConnectorData(): void {
  setConnectorDataLoader(readApiData);
}
