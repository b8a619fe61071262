/**
 * Which keys may be added at a key position of a workflow, read from the core's key tables.
 * Shared by the VS Code completion provider and the language server. Pure (no `vscode` import).
 */
import type { StepKind, Workflow } from '../model/types';
import { ACTION_KEYS, BLOCK_KEYS, KEYS_BY_KIND } from '../validate/keys';

/** The keys that may be added at a key position, given the enclosing path and the keys already there. */
export function keysAt(path: string[], siblings: string[], workflow: Workflow): string[] {
  const n = path.length;
  const [last, parent, grandparent] = [path[n - 1], path[n - 2], path[n - 3]];
  let keys: readonly string[] = [];
  if (n === 1 && workflow.form !== 'steps') keys = BLOCK_KEYS.routine;
  else if (last === '-' && parent === 'switch') keys = BLOCK_KEYS.switchCase;
  else if (parent === '-' && grandparent === 'branches') keys = BLOCK_KEYS.branch;
  else if (parent === '-' && (grandparent === 'steps' || n === 2)) keys = stepKeys(siblings);
  else if (last === 'try') keys = stepKeys(siblings).filter((k) => !['try', 'retry', 'except', 'next'].includes(k));
  else if (last === 'for' || last === 'parallel' || last === 'retry' || last === 'backoff' || last === 'except') keys = BLOCK_KEYS[last];
  return keys.filter((k) => !siblings.includes(k));
}

function stepKeys(siblings: string[]): readonly string[] {
  const kind = ACTION_KEYS.find((k) => siblings.includes(k));
  return kind ? KEYS_BY_KIND[kind as StepKind] : [...ACTION_KEYS, 'next'];
}
