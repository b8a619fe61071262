import { deepStrictEqual } from 'assert';
import { parseSnippetFile, SnippetCatalogue } from '../../../src/core/language/snippets';

describe('snippet catalogue', () => {
  it('places each snippet by its body: a whole workflow, a routine or a step', () => {
    const text = JSON.stringify({
      a: { prefix: 'wf-main', description: 'main', body: ['main:', '  steps: []'] },
      b: { prefix: 'wf-sub', description: 'sub', body: ['${1:greet}:', '  steps: []'] },
      c: { prefix: 'wf-step', description: 'step', body: '- ${1:s}:\n    return: 1' },
    });
    deepStrictEqual(parseSnippetFile(text, 'yaml'), [
      { prefix: 'wf-main', description: 'main', body: 'main:\n  steps: []', place: 'workflow' },
      { prefix: 'wf-sub', description: 'sub', body: '${1:greet}:\n  steps: []', place: 'routine' },
      { prefix: 'wf-step', description: 'step', body: '- ${1:s}:\n    return: 1', place: 'step' },
    ]);
    deepStrictEqual(parseSnippetFile(JSON.stringify({ a: { prefix: 'wf-main', body: ['{', '  "main": {}', '}'] }, b: { prefix: 'wf-s', body: ['{"s": {}}'] } }), 'json').map((s) => [s.prefix, s.description, s.place]), [
      ['wf-main', '', 'workflow'],
      ['wf-s', '', 'step'],
    ]);
  });

  it('gives nothing for a malformed file and skips malformed entries', () => {
    deepStrictEqual(parseSnippetFile('{"a": ', 'yaml'), []);
    deepStrictEqual(parseSnippetFile('[1, 2]', 'yaml'), []);
    deepStrictEqual(parseSnippetFile('null', 'yaml'), []);
    deepStrictEqual(parseSnippetFile(JSON.stringify({ a: 1, b: { prefix: 2, body: [] }, c: { prefix: 'x', body: [1] }, d: { prefix: 'ok', body: [] } }), 'yaml').map((s) => s.prefix), ['ok']);
  });

  it('reads each file once, and offers nothing when the folder has none', () => {
    const asked: string[] = [];
    const catalogue = new SnippetCatalogue((file) => {
      asked.push(file);
      return file.includes('yaml') ? JSON.stringify({ a: { prefix: 'wf-step', body: ['- s:'] } }) : undefined;
    });
    deepStrictEqual([catalogue.at('yaml', 'step').map((s) => s.prefix), catalogue.at('yaml', 'routine'), catalogue.at('json', 'step')], [['wf-step'], [], []]);
    deepStrictEqual(asked, ['workflows-yaml.code-snippets', 'workflows-json.code-snippets']);
  });
});
