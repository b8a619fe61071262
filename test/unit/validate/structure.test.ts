import { deepStrictEqual } from 'assert';
import { MODEL_MESSAGES } from '../../../src/core/model/problems';
import { doc, expected, lint } from './helpers';

describe('structure rule', () => {
  it('accepts a main routine with one parameter and a subworkflow', () => {
    const text = doc(
      'main:',
      '  params: [input]',
      '  steps:',
      '    - call_sub:',
      '        call: greet',
      '        args:',
      '          name: ${input}',
      '        result: r',
      '    - done:',
      '        return: ${r}',
      'greet:',
      '  params: [name]',
      '  steps:',
      '    - out:',
      '        return: ${"Hi " + name}',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports a missing main on the first routine name when subworkflows exist', () => {
    const text = doc('start:', '  steps:', '    - a:', '        return: 1', 'other:', '  steps:', '    - b:', '        return: 2');
    deepStrictEqual(lint(text), [expected('missing-main', [], '0:0-0:5', 'start')]);
  });

  it('reports every parameter of main after the first', () => {
    const text = doc('main:', '  params: [a, b, c]', '  steps:', '    - r:', '        return: ${a}');
    deepStrictEqual(lint(text), [expected('main-params', [], '1:14-1:18', 'b, c')]);
  });

  it('reports a routine without steps on its name and an empty steps list on the list', () => {
    const text = doc('main:', '  params: [x]', 'sub:', '  steps: []');
    deepStrictEqual(lint(text), [
      expected('routine-no-steps', ['main'], '0:0-0:4', 'main'),
      expected('routine-no-steps', ['sub'], '3:9-3:11', '[]'),
    ]);
  });

  it('reports an unknown routine key with a suggestion', () => {
    const text = doc('main:', '  parms: [x]', '  steps:', '    - r:', '        return: 1');
    deepStrictEqual(lint(text), [expected('unknown-key', ['parms', 'a routine'], '1:2-1:7', 'parms', { suggestion: 'params' })]);
  });

  it('reports only the model problem for empty input', () => {
    deepStrictEqual(lint(''), [
      { code: 'empty-document', severity: 'error', message: MODEL_MESSAGES['empty-document'](), range: '0:0-0:0', text: '' },
    ]);
  });

  it('reports a half-typed routine once, as a missing steps list', () => {
    deepStrictEqual(lint(doc('main:', '  ste')), [
      { code: 'expected-map', severity: 'error', message: MODEL_MESSAGES['expected-map']('routine `main`'), range: '1:2-1:5', text: 'ste' },
    ]);
  });
});
