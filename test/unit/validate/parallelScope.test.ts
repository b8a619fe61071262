import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint, problem } from './helpers';

describe('parallel variables rule', () => {
  it('accepts shared writes, branch-local names and names the parent creates only afterwards', () => {
    const text = doc(
      '- init:',
      '    assign:',
      '      - results: {}',
      '- p:',
      '    parallel:',
      '      shared: [results]',
      '      branches:',
      '        - one:',
      '            steps:',
      '              - get:',
      '                  call: sys.now',
      '                  result: local',
      '              - put:',
      '                  assign:',
      '                    - results.one: ${local}',
      '                    - later: 1',
      '        - two:',
      '            steps:',
      '              - put2:',
      '                  assign:',
      '                    - results["two"]: 2',
      '- after:',
      '    assign:',
      '      - later: 2',
      '- r:',
      '    return: ${[results, later]}',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports a write to a parent variable that is not shared, in a branch and in a parallel for', () => {
    const text = doc(
      '- init:',
      '    assign:',
      '      - input: [1, 2]',
      '      - total: 0',
      '- p:',
      '    parallel:',
      '      branches:',
      '        - one:',
      '            steps:',
      '              - w:',
      '                  assign:',
      '                    - input: 5',
      '- q:',
      '    parallel:',
      '      for:',
      '        value: v',
      '        in: ${input}',
      '        steps:',
      '          - add:',
      '              call: sys.now',
      '              result: total',
    );
    deepStrictEqual(lint(text), [
      expected('unshared-parallel-write', ['input'], '11:22-11:27', 'input'),
      expected('unshared-parallel-write', ['total'], '20:22-20:27', 'total'),
    ]);
  });

  it('reports a read of a variable created in a sibling branch as undefined', () => {
    const text = doc(
      '- p:',
      '    parallel:',
      '      branches:',
      '        - one:',
      '            steps:',
      '              - a:',
      '                  assign:',
      '                    - temp2: foo',
      '        - two:',
      '            steps:',
      '              - b:',
      '                  assign:',
      '                    - temp: ${temp2}',
    );
    deepStrictEqual(lint(text), [expected('undefined-variable', ['temp2'], '12:30-12:35', 'temp2')]);
  });

  it('reports shared names that do not exist before the parallel step', () => {
    const text = doc(
      '- p:',
      '    parallel:',
      '      shared: [acc]',
      '      branches:',
      '        - one:',
      '            steps:',
      '              - a:',
      '                  assign:',
      '                    - acc: 1',
      '- init:',
      '    assign:',
      '      - acc: 0',
    );
    deepStrictEqual(lint(text), [expected('unknown-shared-variable', ['acc'], '2:15-2:18', 'acc')]);
  });

  it('requires sharing at every level of nested parallel steps', () => {
    const text = doc(
      '- init:',
      '    assign:',
      '      - n: 0',
      '- outer:',
      '    parallel:',
      '      shared: [n]',
      '      branches:',
      '        - a:',
      '            steps:',
      '              - inner:',
      '                  parallel:',
      '                    branches:',
      '                      - b:',
      '                          steps:',
      '                            - w:',
      '                                assign:',
      '                                  - n: 1',
    );
    deepStrictEqual(lint(text), [expected('unshared-parallel-write', ['n'], '16:36-16:37', 'n')]);
  });
  it('stays quiet on empty input and on a half-typed shared list beyond the YAML error', () => {
    deepStrictEqual(lint(''), EMPTY);
    deepStrictEqual(lint(doc('- p:', '    parallel:', '      shared: [')), [
      problem('yaml-syntax', ['Flow sequence in block collection must be sufficiently indented and end with a ]'], '3:0-3:0', ''),
    ]);
  });
});
