/**
 * The differential check of the fast YAML reader (src/core/model/fastYaml.ts) against the `yaml`
 * package: whenever the fast reader accepts a text, the workflow model built from it must equal
 * the one built from `yaml` — values, spans, problems, and every offset map sampled on each offset.
 * Shared by the unit tests of the reader and the fuzz target `yaml-fast-differential`.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { parseExpression } from '../../src/core/expr/parser';
import { buildWorkflow } from '../../src/core/model/buildWorkflow';
import { readFastYaml } from '../../src/core/model/fastYaml';
import type { Workflow } from '../../src/core/model/types';

/** The model as data: every `toDocumentOffset` replaced by its results on each offset of its text. */
export function sampled(value: unknown, textLength = 0): unknown {
  if (typeof value === 'function') {
    const offsets: number[] = [];
    for (let i = 0; i <= textLength + 1; i++) offsets.push((value as (offset: number) => number)(i));
    return offsets;
  }
  if (Array.isArray(value)) return value.map((v) => sampled(v, textLength));
  if (value && typeof value === 'object') {
    const own = (value as { text?: unknown }).text;
    const length = typeof own === 'string' ? own.length : textLength;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = sampled(v, length);
    return out;
  }
  return value;
}

/** The model built by the `yaml` package alone. */
export function viaYaml(text: string): Workflow {
  return buildWorkflow(text, undefined, parseExpression, 'yaml');
}

/** Whether the fast reader accepts `text`; when it does, its model must equal the `yaml` package's (else throws). */
export function fastReaderAgrees(text: string): boolean {
  if (!readFastYaml(text)) return false;
  deepStrictEqual(sampled(buildWorkflow(text, undefined, parseExpression)), sampled(viaYaml(text)));
  return true;
}
