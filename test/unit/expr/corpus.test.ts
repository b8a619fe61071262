import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isScalar, parseAllDocuments, visit } from 'yaml';
import { EXPR_MESSAGES } from '../../../src/core/expr/errors';
import { parseExpression } from '../../../src/core/expr/parser';

const VALID = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'valid');

/** The text inside every whole-scalar `${...}` of a YAML or JSON file, keys included. */
function expressionsOf(source: string): string[] {
  const found: string[] = [];
  for (const doc of parseAllDocuments(source)) {
    if (!('contents' in doc)) continue;
    visit(doc, {
      Scalar(_key, node) {
        if (!isScalar(node) || typeof node.value !== 'string') return;
        const text = node.value.trim();
        if (text.startsWith('${') && text.endsWith('}')) found.push(text.slice(2, -1));
      },
    });
  }
  return found;
}

describe('parseExpression on the corpus of real workflows', () => {
  it('parses every expression except the slices of one third-party code generator fixture', () => {
    const failures: [string, string, string][] = [];
    let count = 0;
    for (const file of fs.readdirSync(VALID).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
      for (const text of expressionsOf(fs.readFileSync(path.join(VALID, file), 'utf8'))) {
        count++;
        const result = parseExpression(text);
        if (!result.ok) failures.push([file, text, result.error.message]);
      }
    }
    assert.ok(count > 2500, `only ${count} expressions found`);
    // Slicing is not part of Google's documented language; this fixture was generated, not deployed.
    const fixture = 'flamingo-run__fastapi-cloud-workflows__tests__codegen__fixtures__yaml__dad-joke.yaml';
    assert.deepStrictEqual(failures, [
      [fixture, 'payload.joke[:int(len(payload.joke)/2)]', EXPR_MESSAGES.slice],
      [fixture, 'payload.joke[int(len(payload.joke)/2):]', EXPR_MESSAGES.slice],
    ]);
  });
});
