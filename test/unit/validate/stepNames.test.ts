import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint, problem } from './helpers';

describe('step names rule', () => {
  it('accepts reserved words and hyphens as names, and the same name in two routines', () => {
    const text = doc(
      'main:',
      '  steps:',
      '    - for-in-list:',
      '        call: sub',
      '    - return:',
      '        return: 1',
      'sub:',
      '  steps:',
      '    - return:',
      '        return: 2',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports a duplicate name at any depth, pointing back to the first one', () => {
    const text = doc('- a:', '    steps:', '      - b:', '          assign:', '            - x: 1', '- b:', '    return: ${x}');
    deepStrictEqual(lint(text), [
      expected('duplicate-step-name', ['b', 'main'], '5:2-5:3', 'b', { related: [{ range: '2:8-2:9', message: "First step named 'b'." }] }),
    ]);
  });

  it('does not count the inline bodies of switch cases and try steps as names', () => {
    const text = doc(
      '- s:',
      '    switch:',
      '      - condition: true',
      '        return: 1',
      '      - condition: false',
      '        return: 2',
      '- t:',
      '    try:',
      '      call: sys.now',
      '    except:',
      '      as: e',
    );
    deepStrictEqual(lint(text), []);
  });

  it("reports a step named 'end'", () => {
    const text = doc('- end:', '    return: 1');
    deepStrictEqual(lint(text), [expected('reserved-step-name', [], '0:2-0:5', 'end')]);
  });
  it("stays quiet on empty input, and a half-typed step named 'end' is only a model problem", () => {
    deepStrictEqual(lint(''), EMPTY);
    deepStrictEqual(lint(doc('- end')), [problem('expected-step', [], '0:2-0:5', 'end')]);
  });
});
