import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint, problem } from './helpers';

function assignments(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `      - v${i}: ${i}`);
}

function cases(count: number): string[] {
  return Array.from({ length: count }, (_, i) => [`      - condition: \${${i} == 1}`, '        next: end']).flat();
}

describe('limits rule', () => {
  it('accepts 50 assignments, 50 conditions and a 400-character expression', () => {
    const long = '"' + 'a'.repeat(398) + '"';
    const text = doc('- a:', '    assign:', ...assignments(50), '- s:', '    switch:', ...cases(50), `- r:`, `    return: \${${long}}`);
    deepStrictEqual(lint(text), []);
  });

  it('warns about 51 assignments and reports 51 conditions', () => {
    const text = doc('- a:', '    assign:', ...assignments(51), '- s:', '    switch:', ...cases(51));
    deepStrictEqual(lint(text), [
      expected('too-many-assignments', ['51'], '1:4-1:10', 'assign'),
      expected('too-many-conditions', ['51'], '54:4-54:10', 'switch'),
    ]);
  });

  it('warns about an expression longer than 400 characters on the whole value', () => {
    const long = '"' + 'a'.repeat(399) + '"';
    const text = doc('- r:', `    return: \${${long}}`);
    deepStrictEqual(lint(text), [expected('expression-too-long', ['401'], '1:12-1:416', `\${${long}}`)]);
  });
  it('stays quiet on empty input and on a half-typed assignment list', () => {
    deepStrictEqual(lint(''), EMPTY);
    deepStrictEqual(lint(doc('- a:', '    assign:', '      - x')), [problem('expected-assignment', [], '2:8-2:9', 'x')]);
  });
});
