/**
 * The entry point of the model: source text (YAML or JSON) to a typed `Workflow`.
 */
import { parseExpression } from '../expr/parser';
import type { Workflow } from './types';
import { buildWorkflow, detectFormat, type ParseOptions } from './buildWorkflow';
import { reparseIncrementally } from './incremental';

export type { ParseOptions } from './buildWorkflow';

/**
 * Builds the workflow model of `text`. Never throws: YAML errors and shapes that are not a workflow
 * become `workflow.problems`, and whatever could be read is kept. Without `options.format`, text
 * whose first non-blank character is `{` or `[` is JSON, anything else YAML.
 */
export function parseWorkflow(text: string, options?: ParseOptions): Workflow {
  return buildWorkflow(text, options, parseExpression);
}

/**
 * The model of `text`, the next version of the text `previous` was built from: when the edit
 * between them lies inside one step (see incremental.ts), only that step is read again and the
 * result equals `parseWorkflow(text, options)`; the same text gives `previous` back; otherwise the
 * whole text is parsed.
 */
export function updateWorkflow(previous: Workflow | undefined, text: string, options?: ParseOptions): Workflow {
  if (previous && previous.format === (options?.format ?? detectFormat(text))) {
    // Models are never changed once built: the same text can share one.
    if (previous.text === text) return previous;
    const updated = reparseIncrementally(previous, text, parseExpression);
    if (updated) return updated;
  }
  return parseWorkflow(text, options);
}
