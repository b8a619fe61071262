import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint, problem } from './helpers';

describe('call targets rule', () => {
  it('accepts blocking and non-blocking stdlib functions, subworkflows and connectors', () => {
    const text = doc(
      'main:',
      '  steps:',
      '    - a:',
      '        call: sys.sleep',
      '        args:',
      '          seconds: 1',
      '    - b:',
      '        call: text.to_upper',
      '        args:',
      '          source: x',
      '    - c:',
      '        call: helper',
      '    - d:',
      '        call: googleapis.storage.v1.objects.get',
      '        args:',
      '          bucket: b',
      '          object: o',
      'helper:',
      '  steps:',
      '    - r:',
      '        return: 1',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports a typo in a known module with a suggestion', () => {
    const text = doc('- a:', '    call: http.gett', '    args:', '      url: https://example.com');
    deepStrictEqual(lint(text), [expected('unknown-call-target', ['http.gett'], '1:10-1:19', 'http.gett', { suggestion: 'http.get' })]);
  });

  it('reports an unknown plain name, suggesting a subworkflow', () => {
    const text = doc('main:', '  steps:', '    - a:', '        call: helpr', 'helper:', '  steps:', '    - r:', '        return: 1');
    deepStrictEqual(lint(text), [expected('unknown-call-target', ['helpr'], '3:14-3:19', 'helpr', { suggestion: 'helper' })]);
  });

  it('only warns about a function of a module the catalogue does not know', () => {
    const text = doc('- a:', '    call: shell.gcloud', '    args:', '      args: [workflows, list]');
    deepStrictEqual(lint(text), [expected('undocumented-call-target', ['shell.gcloud'], '1:10-1:22', 'shell.gcloud')]);
  });

  it('reports a googleapis name that is not a connector shape', () => {
    const text = doc('- a:', '    call: googleapis.storage');
    deepStrictEqual(lint(text), [expected('unknown-call-target', ['googleapis.storage'], '1:10-1:28', 'googleapis.storage')]);
  });
  it('stays quiet on empty input and on an empty call, which the model reports', () => {
    deepStrictEqual(lint(''), EMPTY);
    deepStrictEqual(lint(doc('- a:', '    call: ')), [problem('expected-string', ['`call`'], '1:10-1:10', '')]);
  });
});
