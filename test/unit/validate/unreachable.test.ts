import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint, problem } from './helpers';

describe('unreachable steps rule', () => {
  it('accepts steps after a switch with next and steps that a jump targets', () => {
    const text = doc(
      '- s:',
      '    switch:',
      '      - condition: true',
      '        assign:',
      '          - x: 1',
      '    next: t',
      '- u:',
      '    next: t',
      '- t:',
      '    return: 1',
    );
    deepStrictEqual(lint(text), []);
  });

  it('warns about every step after a return until one is targeted', () => {
    const text = doc(
      '- a:',
      '    return: 1',
      '- b:',
      '    assign:',
      '      - x: 1',
      '- c:',
      '    next: d',
      '- d:',
      '    raise: oops',
      '- e:',
      '    next: d',
    );
    deepStrictEqual(lint(text), [
      expected('unreachable-step', ['b'], '2:2-2:3', 'b'),
      expected('unreachable-step', ['c'], '5:2-5:3', 'c'),
      expected('unreachable-step', ['e'], '9:2-9:3', 'e'),
    ]);
  });

  it('looks inside nested lists', () => {
    const text = doc('- outer:', '    steps:', '      - jump:', '          next: end', '      - never:', '          return: 0');
    deepStrictEqual(lint(text), [expected('unreachable-step', ['never'], '4:8-4:13', 'never')]);
  });
  it('stays quiet on empty input and on a half-typed step after a return', () => {
    deepStrictEqual(lint(''), EMPTY);
    deepStrictEqual(lint(doc('- a:', '    return: 1', '- b')), [problem('expected-step', [], '2:2-2:3', 'b')]);
  });
});
