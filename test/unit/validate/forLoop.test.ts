import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint, problem } from './helpers';

describe('for loop rule', () => {
  it('accepts in with index, a literal range and a range expression', () => {
    const text = doc(
      '- a:',
      '    for:',
      '      value: v',
      '      index: i',
      '      in: [1, 2]',
      '      steps:',
      '        - x:',
      '            assign:',
      '              - y: ${v + i}',
      '- b:',
      '    for:',
      '      value: n',
      '      range:',
      '        - 1',
      '        - ${len([1])}',
      '      steps:',
      '        - x2:',
      '            assign:',
      '              - z: ${n}',
      '- c:',
      '    for:',
      '      value: m',
      '      range: ${[0, 3]}',
      '      steps:',
      '        - x3:',
      '            assign:',
      '              - w: ${m}',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports missing value and steps on the for key', () => {
    const text = doc('- a:', '    for:', '      in: [1]');
    deepStrictEqual(lint(text), [
      expected('missing-key', ['value', 'a for loop'], '1:4-1:7', 'for'),
      expected('missing-key', ['steps', 'a for loop'], '1:4-1:7', 'for'),
    ]);
  });

  it('reports both in and range on range, and neither on the for key', () => {
    const both = doc('- a:', '    for:', '      value: v', '      in: [1]', '      range: [1, 2]', '      steps:', '        - r:', '            return: ${v}');
    deepStrictEqual(lint(both), [expected('for-in-or-range', [], '4:6-4:11', 'range')]);
    const neither = doc('- a:', '    for:', '      value: v', '      steps:', '        - r:', '            return: ${v}');
    deepStrictEqual(lint(neither), [expected('for-in-or-range', [], '1:4-1:7', 'for')]);
  });

  it('reports index with range and a badly shaped range', () => {
    const text = doc('- a:', '    for:', '      value: v', '      index: i', '      range: [1, 2, 3]', '      steps:', '        - r:', '            return: ${v}');
    deepStrictEqual(lint(text), [
      expected('for-index-with-range', [], '3:6-3:11', 'index'),
      expected('for-range-shape', [], '4:13-4:22', '[1, 2, 3]'),
    ]);
  });

  it('checks the loop of a parallel for too', () => {
    const text = doc('- p:', '    parallel:', '      for:', '        value: v', '        range: ["a", 2]', '        steps:', '          - r:', '              assign:', '                - x: ${v}');
    deepStrictEqual(lint(text), [expected('for-range-shape', [], '4:15-4:23', '["a", 2]')]);
  });
  it('stays quiet on empty input and flags only missing steps in a half-typed loop', () => {
    deepStrictEqual(lint(''), EMPTY);
    const text = doc('- l:', '    for:', '      value: v', '      in: ${[1');
    deepStrictEqual(lint(text), [expected('missing-key', ['steps', 'a for loop'], '1:4-1:7', 'for')]);
  });

  it('leaves a for value that is not a map to the model', () => {
    deepStrictEqual(lint(doc('- l:', '    for: 5')), [problem('expected-map', ['`for`'], '1:9-1:10', '5')]);
  });
});
