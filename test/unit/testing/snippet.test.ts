import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTestFile } from '../../../src/core/testing';
import { expandSnippet } from '../snippets/snippets.test';

describe('the wf-test snippet', () => {
  it('expands, with every default accepted, to a test file without problems', () => {
    const file = path.resolve(__dirname, '..', '..', '..', 'snippets', 'workflow-tests.code-snippets');
    const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    assert.deepEqual(Object.values(snippets).map((s) => s.prefix), ['wf-test']);
    const text = expandSnippet(Object.values(snippets)[0].body.join('\n'));
    const { file: parsed, diagnostics } = parseTestFile(text);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(parsed.tests.map((t) => t.name), ['returns the result']);
    assert.equal(parsed.tests[0].mocks[0].call?.value, 'http.get');
  });
});
