import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint } from './helpers';

function branches(count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`        - b${i}:`, '            steps:', `              - s${i}:`, '                  call: sys.now');
  return lines;
}

describe('parallel shape rule', () => {
  it('accepts continueAll, a literal limit and an expression limit', () => {
    const text = doc(
      '- init:',
      '    assign:',
      '      - n: 3',
      '- p:',
      '    parallel:',
      '      exception_policy: continueAll',
      '      concurrency_limit: 5',
      '      branches:',
      ...branches(2),
      '- q:',
      '    parallel:',
      '      concurrency_limit: ${n}',
      '      for:',
      '        value: v',
      '        in: [1, 2]',
      '        steps:',
      '          - r:',
      '              call: sys.now',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports a parallel step with both branches and for, and one with neither', () => {
    const both = doc('- p:', '    parallel:', '      branches:', ...branches(1), '      for:', '        value: v', '        in: [1]', '        steps:', '          - r:', '              call: sys.now');
    deepStrictEqual(lint(both), [expected('parallel-branches-or-for', [], '7:6-7:9', 'for')]);
    const neither = doc('- p:', '    parallel:', '      shared: []');
    deepStrictEqual(lint(neither), [expected('parallel-branches-or-for', [], '1:4-1:12', 'parallel')]);
  });

  it('reports a policy other than continueAll and a limit that is not a positive integer', () => {
    const text = doc('- p:', '    parallel:', '      exception_policy: failFast', '      concurrency_limit: 0', '      branches:', ...branches(1));
    deepStrictEqual(lint(text), [
      expected('exception-policy', [], '2:24-2:32', 'failFast'),
      expected('concurrency-limit', [], '3:25-3:26', '0'),
    ]);
  });

  it('warns about more than 10 branches and a literal limit above 20', () => {
    const text = doc('- p:', '    parallel:', '      concurrency_limit: 25', '      branches:', ...branches(11));
    deepStrictEqual(lint(text), [
      expected('concurrency-limit-high', ['25'], '2:25-2:27', '25'),
      expected('too-many-branches', ['11'], '3:6-3:14', 'branches'),
    ]);
  });

  it('warns about parallel steps nested three deep', () => {
    const text = doc(
      '- p1:',
      '    parallel:',
      '      branches:',
      '        - a:',
      '            steps:',
      '              - p2:',
      '                  parallel:',
      '                    branches:',
      '                      - b:',
      '                          steps:',
      '                            - p3:',
      '                                parallel:',
      '                                  branches:',
      '                                    - c:',
      '                                        steps:',
      '                                          - s:',
      '                                              call: sys.now',
    );
    deepStrictEqual(lint(text), [expected('parallel-nesting', ['3'], '11:32-11:40', 'parallel')]);
  });
  it('stays quiet on empty input and flags a half-typed shared list once per problem', () => {
    deepStrictEqual(lint(''), EMPTY);
    const text = doc('- p:', '    parallel:', '      concurrency_limit:', '      branches:', ...branches(1));
    deepStrictEqual(lint(text), [expected('concurrency-limit', [], '2:6-2:23', 'concurrency_limit')]);
  });
});
