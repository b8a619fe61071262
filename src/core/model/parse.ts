/**
 * The entry point of the model: source text (YAML or JSON) to a typed `Workflow`.
 */
import { parseExpression } from '../expr/parser';
import type { Workflow } from './types';
import { buildWorkflow, type ParseOptions } from './buildWorkflow';

export type { ParseOptions } from './buildWorkflow';

/**
 * Builds the workflow model of `text`. Never throws: YAML errors and shapes that are not a workflow
 * become `workflow.problems`, and whatever could be read is kept. Without `options.format`, text
 * whose first non-blank character is `{` or `[` is JSON, anything else YAML.
 */
export function parseWorkflow(text: string, options?: ParseOptions): Workflow {
  return buildWorkflow(text, options, parseExpression);
}
