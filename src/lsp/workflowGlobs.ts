/**
 * `cloudWorkflows.files`: globs naming workflow files whose name and content alone don't say so.
 * As in the VS Code glue, a relative glob (`workflows/*.yaml`) is matched against the document's
 * path inside the workspace folder that holds it; an absolute glob, or any glob for a document
 * outside every folder, is matched against the whole path. Matching is minimatch's with `dot: true`
 * (VS Code's globs also match dot files).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimatch } from 'minimatch';

/** The file system path of a `file:` URI, or the path part of any other URI. */
function pathOf(uri: string): string | undefined {
  try {
    const parsed = new URL(uri);
    return parsed.protocol === 'file:' ? fileURLToPath(parsed) : decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
}

/** The innermost of the workspace folders (URIs) that holds the document `uri`, if any. */
export function folderOf(uri: string, folderUris: readonly string[]): string | undefined {
  const file = pathOf(uri);
  if (file === undefined) return undefined;
  let best: { uri: string; path: string } | undefined;
  for (const folderUri of folderUris) {
    const folder = pathOf(folderUri);
    if (folder === undefined || !file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)) continue;
    if (!best || folder.length > best.path.length) best = { uri: folderUri, path: folder };
  }
  return best?.uri;
}

/** Whether one of `globs` names the document `uri`, given the workspace folders (as URIs). */
export function matchesWorkflowGlobs(uri: string, globs: readonly string[], folderUris: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const file = pathOf(uri);
  if (file === undefined) return false;
  const folderUri = folderOf(uri, folderUris);
  const folder = folderUri === undefined ? undefined : pathOf(folderUri);
  return globs.some((glob) => {
    if (typeof glob !== 'string' || glob === '') return false;
    const relative = folder !== undefined && !path.isAbsolute(glob);
    const subject = relative ? path.relative(folder, file).split(path.sep).join('/') : file.split(path.sep).join('/');
    return minimatch(subject, glob, { dot: true });
  });
}
