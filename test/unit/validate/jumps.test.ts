import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint, problem } from './helpers';

describe('next targets rule', () => {
  it('accepts jumps to nested steps groups, out of a loop, an except block and a switch case, to end, and break/continue in a for body', () => {
    const text = doc(
      'main:',
      '  steps:',
      '    - loop:',
      '        for:',
      '          value: v',
      '          in: [1, 2, 3]',
      '          steps:',
      '            - check:',
      '                switch:',
      '                  - condition: ${v == 1}',
      '                    next: continue',
      '                  - condition: ${v == 3}',
      '                    next: break',
      '                  - condition: ${v == 4}',
      '                    next: done',
      '            - inner:',
      '                next: continue',
      '    - t:',
      '        try:',
      '          raise: x',
      '        except:',
      '          steps:',
      '            - out:',
      '                next: grouped',
      '    - group:',
      '        steps:',
      '          - grouped:',
      '              next: end',
      '    - done:',
      '        return: 1',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports a jump into a for body from outside on the value (the engine refuses it too)', () => {
    const text = doc(
      '- loop:',
      '    for:',
      '      value: v',
      '      in: [1]',
      '      steps:',
      '        - inner:',
      '            assign:',
      '              - x: ${v}',
      '- again:',
      '    next: inner',
    );
    deepStrictEqual(lint(text), [expected('next-into-block', ['inner', 'a for loop', 'loop'], '9:10-9:15', 'inner')]);
  });

  it('reports jumps into a switch case, a try body and an except block from outside', () => {
    const text = doc(
      '- s:',
      '    switch:',
      '      - condition: true',
      '        steps:',
      '          - in_case:',
      '              next: in_try',
      '- t:',
      '    try:',
      '      steps:',
      '        - in_try:',
      '            next: in_except',
      '    except:',
      '      steps:',
      '        - in_except:',
      '            next: in_case',
    );
    deepStrictEqual(lint(text), [
      expected('next-into-block', ['in_try', 'a try block', 't'], '5:20-5:26', 'in_try'),
      expected('next-into-block', ['in_except', 'an except block', 't'], '10:18-10:27', 'in_except'),
      expected('next-into-block', ['in_case', 'a switch case', 's'], '14:18-14:25', 'in_case'),
    ]);
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

  it('treats break, continue and end as jumps even when a step has that name', () => {
    const text = doc('- continue:', '    assign:', '      - x: 1', '- a:', '    next: continue');
    deepStrictEqual(lint(text), [expected('jump-outside-loop', ['continue'], '4:10-4:18', 'continue')]);
  });

  it('reports jumps out of a parallel branch and break in a parallel for, and accepts continue, end and a sequential loop inside', () => {
    const text = doc(
      '- p:',
      '    parallel:',
      '      branches:',
      '        - b1:',
      '            steps:',
      '              - leave:',
      '                  next: after',
      '        - b2:',
      '            steps:',
      '              - across:',
      '                  next: leave',
      '              - stop:',
      '                  next: end',
      '- q:',
      '    parallel:',
      '      for:',
      '        value: v',
      '        in: [1, 2]',
      '        steps:',
      '          - skip:',
      '              next: continue',
      '          - halt:',
      '              next: break',
      '          - inner:',
      '              for:',
      '                value: w',
      '                in: [1]',
      '                steps:',
      '                  - quit:',
      '                      next: break',
      '- after:',
      '    return: 1',
    );
    deepStrictEqual(lint(text), [
      expected('next-out-of-parallel', ['after', 'a parallel branch', 'p'], '6:24-6:29', 'after'),
      expected('next-out-of-parallel', ['leave', 'a parallel branch', 'p'], '10:24-10:29', 'leave'),
      expected('unreachable-step', ['stop'], '11:16-11:20', 'stop'),
      expected('unreachable-step', ['halt'], '21:12-21:16', 'halt'),
      expected('break-in-parallel-for', ['q'], '22:20-22:25', 'break'),
      expected('unreachable-step', ['inner'], '23:12-23:17', 'inner'),
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

describe('parallel return rule', () => {
  it('reports return inside a branch and a parallel for iteration on the key, and accepts it in a subworkflow called there', () => {
    const text = doc(
      'main:',
      '  steps:',
      '    - p:',
      '        parallel:',
      '          branches:',
      '            - b:',
      '                steps:',
      '                  - r:',
      '                      return: 1',
      '            - c:',
      '                steps:',
      '                  - call_sub:',
      '                      call: sub',
      '    - q:',
      '        parallel:',
      '          for:',
      '            value: v',
      '            in: [1]',
      '            steps:',
      '              - s:',
      '                  switch:',
      '                    - condition: true',
      '                      return: 2',
      'sub:',
      '  steps:',
      '    - done:',
      '        return: 3',
    );
    deepStrictEqual(lint(text), [
      expected('return-in-parallel', ['a parallel branch', 'p'], '8:22-8:28', 'return'),
      expected('return-in-parallel', ['a parallel for iteration', 'q'], '22:22-22:28', 'return'),
    ]);
  });

  it('stays quiet on empty input', () => {
    deepStrictEqual(lint(''), EMPTY);
  });
});
