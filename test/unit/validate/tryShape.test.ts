import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint } from './helpers';

describe('try shape rule', () => {
  it('accepts a retry policy expression and a custom retry with expressions', () => {
    const text = doc(
      '- a:',
      '    try:',
      '      call: http.get',
      '      args:',
      '        url: https://example.com',
      '    retry: ${http.default_retry}',
      '- b:',
      '    try:',
      '      call: sys.now',
      '    retry:',
      '      predicate: ${http.default_retry_predicate}',
      '      max_retries: ${1 + 1}',
      '      backoff:',
      '        initial_delay: 0.5',
      '        max_delay: ${60}',
      '        multiplier: 1.25',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports a try without retry or except on the try key', () => {
    const text = doc('- a:', '    try:', '      call: sys.now');
    deepStrictEqual(lint(text), [expected('try-needs-handler', [], '1:4-1:7', 'try')]);
  });

  it('reports a negative or fractional max_retries and non-positive backoff values', () => {
    const text = doc(
      '- a:',
      '    try:',
      '      call: sys.now',
      '    retry:',
      '      max_retries: -1',
      '      backoff:',
      '        initial_delay: 0',
      '        max_delay: soon',
      '        multiplier: 2',
      '- b:',
      '    try:',
      '      call: sys.now',
      '    retry:',
      '      max_retries: 1.5',
    );
    deepStrictEqual(lint(text), [
      expected('max-retries', [], '4:19-4:21', '-1'),
      expected('backoff-value', ['initial_delay'], '6:23-6:24', '0'),
      expected('backoff-value', ['max_delay'], '7:19-7:23', 'soon'),
      expected('max-retries', [], '13:19-13:22', '1.5'),
    ]);
  });

  it('reports a for loop written directly as the try body, and accepts one nested in steps', () => {
    const direct = doc('- a:', '    try:', '      for:', '        value: v', '        in: [1]', '        steps:', '          - s:', '              call: sys.now', '    except:', '      as: e');
    deepStrictEqual(lint(direct), [expected('for-directly-in-try', [], '2:6-2:9', 'for')]);
    const nested = doc('- a:', '    try:', '      steps:', '        - loop:', '            for:', '              value: v', '              in: [1]', '              steps:', '                - s:', '                    call: sys.now', '    except:', '      as: e');
    deepStrictEqual(lint(nested), []);
  });
  it('stays quiet on empty input and flags an empty max_retries on its key', () => {
    deepStrictEqual(lint(''), EMPTY);
    const text = doc('- t:', '    try:', '      call: sys.now', '    retry:', '      max_retries:');
    deepStrictEqual(lint(text), [expected('max-retries', [], '4:6-4:17', 'max_retries')]);
  });

  it('reports a retry that is neither a policy expression nor a map, on the value or on an empty key', () => {
    const text = doc('- a:', '    try:', '      call: sys.now', '    retry: 3', '- b:', '    try:', '      call: sys.now', '    retry:');
    deepStrictEqual(lint(text), [expected('retry-policy', [], '3:11-3:12', '3'), expected('retry-policy', [], '7:4-7:9', 'retry')]);
  });
});
