import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint, problem } from './helpers';

describe('next targets rule', () => {
  it('accepts jumps to nested steps, to end, and break/continue inside a for body', () => {
    const text = doc(
      '- loop:',
      '    for:',
      '      value: v',
      '      in: [1, 2, 3]',
      '      steps:',
      '        - check:',
      '            switch:',
      '              - condition: ${v == 1}',
      '                next: continue',
      '              - condition: ${v == 3}',
      '                next: break',
      '        - inner:',
      '            next: continue',
      '- again:',
      '    switch:',
      '      - condition: false',
      '        next: inner',
      '    next: end',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports an unknown target on the value, with a suggestion', () => {
    const text = doc('- first:', '    next: secnd', '- second:', '    return: 1');
    deepStrictEqual(lint(text), [
      expected('unknown-next-target', ['secnd', 'main'], '1:10-1:15', 'secnd', { suggestion: 'second' }),
      expected('unreachable-step', ['second'], '2:2-2:8', 'second'),
    ]);
  });

  it('reports an unknown target in a switch case', () => {
    const text = doc('- s:', '    switch:', '      - condition: true', '        next: nowhere');
    deepStrictEqual(lint(text), [expected('unknown-next-target', ['nowhere', 'main'], '3:14-3:21', 'nowhere')]);
  });

  it('reports break outside a loop and continue in a branch inside a loop', () => {
    const text = doc(
      '- loop:',
      '    for:',
      '      value: v',
      '      in: [1]',
      '      steps:',
      '        - p:',
      '            parallel:',
      '              branches:',
      '                - b:',
      '                    steps:',
      '                      - c:',
      '                          next: continue',
      '- a:',
      '    next: break',
    );
    deepStrictEqual(lint(text), [
      expected('jump-outside-loop', ['continue'], '11:32-11:40', 'continue'),
      expected('jump-outside-loop', ['break'], '13:10-13:15', 'break'),
    ]);
  });

  it('does not accept a step of another routine as a target', () => {
    const text = doc('main:', '  steps:', '    - a:', '        next: b', 'sub:', '  steps:', '    - b:', '        return: 1');
    deepStrictEqual(lint(text), [expected('unknown-next-target', ['b', 'main'], '3:14-3:15', 'b')]);
  });
  it('stays quiet on empty input and leaves an empty next to the model', () => {
    deepStrictEqual(lint(''), EMPTY);
    deepStrictEqual(lint(doc('- a:', '    next: ', '- b:', '    return: 1')), [problem('expected-string', ['`next`'], '1:10-1:10', '')]);
  });
});
