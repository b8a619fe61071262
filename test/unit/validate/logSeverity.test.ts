import { deepStrictEqual } from 'assert';
import { LOG_SEVERITIES } from '../../../src/core/stdlib/logSeverities';
import { doc, EMPTY, expected, lint } from './helpers';

const LIST = LOG_SEVERITIES.join(', ');

describe('log severity rule', () => {
  it("accepts every one of Google's severities, named or positional, and expressions", () => {
    const text = doc(
      'main:',
      '  steps:',
      ...LOG_SEVERITIES.flatMap((s, i) => [`    - log${i}:`, '        call: sys.log', '        args:', `          severity: ${s}`, '          text: hi']),
      '    - positional:',
      '        call: sys.log',
      '        args: [null, "ERROR", "hi"]',
      '    - computed:',
      '        call: sys.log',
      '        args:',
      '          severity: ${"IN" + "FO"}',
      '          text: hi',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports an unknown severity on its value, with the closest one', () => {
    const text = doc('- log:', '    call: sys.log', '    args:', '      severity: WARN', '      text: careful');
    deepStrictEqual(lint(text), [expected('unknown-log-severity', ['WARN', LIST], '3:16-3:20', 'WARN', { suggestion: 'WARNING' })]);
  });

  it('suggests the upper-case spelling of a severity in the wrong case, also in a positional list', () => {
    const text = doc('- log:', '    call: sys.log', '    args: [null, "info", "hi"]');
    deepStrictEqual(lint(text), [expected('unknown-log-severity', ['info', LIST], '2:17-2:23', '"info"', { suggestion: 'INFO' })]);
  });

  it('reports a severity with nothing close without a suggestion', () => {
    const text = doc('- log:', '    call: sys.log', '    args:', '      severity: LOUD', '      text: x');
    deepStrictEqual(lint(text), [expected('unknown-log-severity', ['LOUD', LIST], '3:16-3:20', 'LOUD')]);
  });

  it('stays quiet on empty input and on other functions with a severity argument', () => {
    deepStrictEqual(lint(''), EMPTY);
    deepStrictEqual(lint(doc('- s:', '    call: helper', '    args:', '      severity: LOUD', '- r:', '    return: 1')).filter((d) => d.code === 'unknown-log-severity'), []);
  });
});
