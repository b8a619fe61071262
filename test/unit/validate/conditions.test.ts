import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint } from './helpers';

describe('switch conditions rule', () => {
  it('accepts boolean literals (any YAML spelling) and expressions', () => {
    const text = doc('- s:', '    switch:', '      - condition: ${1 == 1}', '        next: end', '      - condition: True', '        next: end', '      - condition: false', '        next: end');
    deepStrictEqual(lint(text), []);
  });

  it('reports a number, a plain string and an empty condition', () => {
    const text = doc('- s:', '    switch:', '      - condition: 1', '        next: end', '      - condition: yes please', '        next: end', '      - condition:', '        next: end');
    deepStrictEqual(lint(text), [
      expected('condition-not-boolean', [], '2:19-2:20', '1'),
      expected('condition-not-boolean', [], '4:19-4:29', 'yes please'),
      expected('condition-not-boolean', [], '6:8-6:17', 'condition'),
    ]);
  });

  it('stays quiet on empty input and flags a half-typed expression, which is still a string', () => {
    deepStrictEqual(lint(''), EMPTY);
    deepStrictEqual(lint(doc('- s:', '    switch:', '      - condition: ${x ==')), [expected('condition-not-boolean', [], '2:19-2:25', '${x ==')]);
  });
});
