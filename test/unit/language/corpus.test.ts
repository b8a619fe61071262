/**
 * The language service over the whole valid corpus and over truncated copies of it: references
 * name what they claim to, renames keep the workflow's meaning (same diagnostics, same
 * occurrences under the new name), selection chains nest, semantic tokens are ordered and
 * disjoint, and nothing throws on half-written input.
 */
import { deepStrictEqual, ok } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { documentLinks } from '../../../src/core/language/documentLinks';
import { occurrencesAt } from '../../../src/core/language/references';
import { prepareRename, renameAt, type TextEdit } from '../../../src/core/language/rename';
import { selectionSpans } from '../../../src/core/language/selectionRanges';
import { semanticTokens } from '../../../src/core/language/semanticTokens';
import { signatureAt } from '../../../src/core/language/signatureHelp';
import { parseWorkflow } from '../../../src/core/model/parse';
import type { Workflow } from '../../../src/core/model/types';
import { validateWorkflow } from '../../../src/core/validate';
import { CORPUS } from '../corpus/validCorpus';

const FILES = fs.readdirSync(CORPUS).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();

function parse(file: string, text: string): Workflow {
  return parseWorkflow(text, { format: file.endsWith('.json') ? 'json' : 'yaml' });
}

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return out;
}

/** Where the renamed name starts after the edits, for an occurrence that started at `start`. */
function newOffset(edits: TextEdit[], start: number, name: string): number {
  let delta = 0;
  for (const edit of edits) {
    if (edit.span.end <= start && !(edit.span.start <= start && start < edit.span.end)) delta += edit.newText.length - (edit.span.end - edit.span.start);
    else if (edit.span.start <= start && start < edit.span.end) return edit.span.start + delta + edit.newText.indexOf(name);
  }
  return start + delta;
}

function diagnosticCodes(workflow: Workflow): string[] {
  return validateWorkflow(workflow).map((d) => d.code).sort();
}

describe('language service over the corpus', () => {
  it('reads the corpus', () => {
    deepStrictEqual(FILES.length > 300, true);
  });

  it('finds occurrences that spell the name, and renames that keep the meaning', function () {
    this.timeout(600_000);
    let renamed = 0;
    for (const file of FILES) {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const workflow = parse(file, text);
      const seen = new Set<string>();
      let renamesHere = 0;
      for (let offset = 0; offset < text.length; offset += 53) {
        const found = occurrencesAt(workflow, offset);
        if (!found) continue;
        for (const o of found.occurrences) deepStrictEqual(text.slice(o.span.start, o.span.end), found.name, `${file}@${offset}: ${found.kind} ${found.name}`);
        const key = `${found.kind}:${found.name}:${found.occurrences[0].span.start}`;
        if (seen.has(key) || renamesHere >= 2) continue;
        seen.add(key);
        const prepared = prepareRename(workflow, offset);
        const result = renameAt(workflow, offset, `${found.name}_2`);
        ok(prepared.ok || !result.ok, `${file}@${offset}: rename accepted what prepare refused`);
        if (!result.ok) continue;
        renamesHere++;
        renamed++;
        const after = apply(text, result.edits);
        const again = parse(file, after);
        deepStrictEqual(diagnosticCodes(again), diagnosticCodes(workflow), `${file}: renaming ${found.kind} ${found.name} changed the diagnostics`);
        const moved = occurrencesAt(again, newOffset(result.edits, found.occurrences[found.occurrences.length - 1].span.start, `${found.name}_2`));
        deepStrictEqual([moved?.name, moved?.occurrences.length], [`${found.name}_2`, found.occurrences.length], `${file}: renaming ${found.kind} ${found.name}`);
      }
    }
    ok(renamed > 300, `only ${renamed} renames were tried`);
  });

  it('nests selection spans and orders semantic tokens', function () {
    this.timeout(600_000);
    for (const file of FILES) {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const workflow = parse(file, text);
      for (let offset = 0; offset < text.length; offset += 211) {
        const spans = selectionSpans(workflow, offset);
        spans.forEach((s, i) => {
          ok(s.start <= offset && offset <= s.end, `${file}@${offset}: a selection span misses the offset`);
          if (i > 0) ok(s.start <= spans[i - 1].start && s.end >= spans[i - 1].end && s.end - s.start > spans[i - 1].end - spans[i - 1].start, `${file}@${offset}: selection spans do not nest`);
        });
      }
      let end = 0;
      for (const token of semanticTokens(workflow)) {
        ok(token.span.start >= end && token.span.end > token.span.start && token.span.end <= text.length, `${file}: tokens overlap or leave the text at ${token.span.start}`);
        end = token.span.end;
      }
    }
  });

  it('answers every feature on truncated sources without throwing', function () {
    this.timeout(600_000);
    for (const file of FILES.filter((_, i) => i % 3 === 0)) {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      for (const cut of [0.3, 0.7]) {
        const part = text.slice(0, Math.floor(text.length * cut));
        const workflow = parse(file, part);
        documentLinks(workflow);
        semanticTokens(workflow);
        for (let offset = 0; offset <= part.length; offset += 97) {
          occurrencesAt(workflow, offset);
          prepareRename(workflow, offset);
          renameAt(workflow, offset, 'renamed');
          selectionSpans(workflow, offset);
          signatureAt(workflow, offset);
        }
      }
    }
  });
});
