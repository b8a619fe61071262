import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint, problem } from './helpers';

describe('block keys rule', () => {
  it('accepts the documented keys of every sub-block', () => {
    const text = doc(
      '- s:',
      '    switch:',
      '      - condition: true',
      '        assign:',
      '          - x: 1',
      '        next: t',
      '- t:',
      '    try:',
      '      steps:',
      '        - p:',
      '            parallel:',
      '              shared: [x]',
      '              branches:',
      '                - b1:',
      '                    steps:',
      '                      - w:',
      '                          assign:',
      '                            - x: 2',
      '    retry:',
      '      predicate: ${retry.always}',
      '      max_retries: 3',
      '      backoff:',
      '        initial_delay: 1',
      '        max_delay: 10',
      '        multiplier: 2',
      '    except:',
      '      as: e',
      '      steps:',
      '        - r:',
      '            raise: ${e}',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports unknown keys in a switch case, a for loop, retry, backoff and except', () => {
    const text = doc(
      '- s:',
      '    switch:',
      '      - condition: true',
      '        nxt: l',
      '- l:',
      '    for:',
      '      value: v',
      '      in: [1]',
      '      step:',
      '        - x:',
      '            return: ${v}',
      '- t:',
      '    try:',
      '      call: sys.now',
      '    retry:',
      '      max_retry: 2',
      '      backoff:',
      '        multiplyer: 2',
      '    except:',
      '      ass: e',
    );
    deepStrictEqual(lint(text), [
      expected('unknown-key', ['nxt', 'a switch case'], '3:8-3:11', 'nxt', { suggestion: 'next' }),
      expected('missing-key', ['steps', 'a for loop'], '5:4-5:7', 'for'),
      expected('unknown-key', ['step', 'a for loop'], '8:6-8:10', 'step', { suggestion: 'steps' }),
      expected('unknown-key', ['max_retry', 'a retry block'], '15:6-15:15', 'max_retry', { suggestion: 'max_retries' }),
      expected('unknown-key', ['multiplyer', 'a backoff block'], '17:8-17:18', 'multiplyer', { suggestion: 'multiplier' }),
      expected('unknown-key', ['ass', 'an except block'], '19:6-19:9', 'ass', { suggestion: 'as' }),
    ]);
  });

  it('reports a switch case without condition and a branch without steps', () => {
    const text = doc(
      '- s:',
      '    switch:',
      '      - next: p',
      '- p:',
      '    parallel:',
      '      branches:',
      '        - b1:',
      '            stepz: []',
    );
    deepStrictEqual(lint(text), [
      expected('missing-key', ['condition', 'a switch case'], '2:8-2:12', 'next'),
      expected('missing-key', ['steps', 'a parallel branch'], '6:10-6:12', 'b1'),
      expected('unknown-key', ['stepz', 'a parallel branch'], '7:12-7:17', 'stepz', { suggestion: 'steps' }),
    ]);
  });

  it('reports unknown parallel keys', () => {
    const text = doc(
      '- p:',
      '    parallel:',
      '      concurency_limit: 2',
      '      branches:',
      '        - b1:',
      '            steps:',
      '              - r:',
      '                  raise: oops',
    );
    deepStrictEqual(lint(text), [
      expected('unknown-key', ['concurency_limit', 'a parallel block'], '2:6-2:22', 'concurency_limit', { suggestion: 'concurrency_limit' }),
    ]);
  });

  it('stays quiet on empty input and reports a half-typed branch as a branch without steps', () => {
    deepStrictEqual(lint(''), EMPTY);
    const text = doc('- p:', '    parallel:', '      branches:', '        - b1:', '            st');
    deepStrictEqual(lint(text), [
      expected('missing-key', ['steps', 'a parallel branch'], '3:10-3:12', 'b1'),
      problem('expected-map', ['the body of branch `b1`'], '4:12-4:14', 'st'),
    ]);
  });
});
