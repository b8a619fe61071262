import { deepStrictEqual } from 'assert';
import { MODEL_MESSAGES } from '../../../src/core/model/problems';
import { doc, expected, lint } from './helpers';

describe('step keys rule', () => {
  it('accepts every step kind with its allowed companions', () => {
    const text = doc(
      '- a:',
      '    assign:',
      '      - x: 1',
      '    next: b',
      '- b:',
      '    call: sys.log',
      '    args:',
      '      text: hi',
      '    result: r',
      '    next: c',
      '- c:',
      '    steps:',
      '      - d:',
      '          next: e',
      '- e:',
      '    return: ${x}',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports an unknown key with the closest key of that step kind', () => {
    const text = doc('- a:', '    call: sys.log', '    argz:', '      text: hi');
    deepStrictEqual(lint(text), [expected('unknown-key', ['argz', 'a call step'], '2:4-2:8', 'argz', { suggestion: 'args' })]);
  });

  it('reports an unknown key without a suggestion when nothing is close', () => {
    const text = doc('- a:', '    return: 1', '    banana: 2');
    deepStrictEqual(lint(text), [expected('unknown-key', ['banana', 'a return step'], '2:4-2:10', 'banana')]);
  });

  it('reports a second action key on the key', () => {
    const text = doc('- a:', '    assign:', '      - x: 1', '    call: sys.now');
    deepStrictEqual(lint(text), [expected('conflicting-keys', ['call', 'assign'], '3:4-3:8', 'call')]);
  });

  it('reports a companion key that the step kind does not take', () => {
    const text = doc('- a:', '    assign:', '      - x: 1', '    result: y');
    deepStrictEqual(lint(text), [expected('key-not-allowed', ['result', 'an assign step'], '3:4-3:10', 'result')]);
  });

  it('warns about next beside return, which deploys but never runs', () => {
    const text = doc('- a:', '    return: 1', '    next: end');
    deepStrictEqual(lint(text), [expected('next-ignored', ['return'], '2:4-2:8', 'next')]);
  });

  it('reports a step with only companion keys as doing nothing', () => {
    const text = doc('- a:', '    result: x');
    deepStrictEqual(lint(text), [expected('step-no-action', ['a'], '0:2-0:3', 'a')]);
  });

  it('checks the keys of an inline try body like a step', () => {
    const text = doc('- a:', '    try:', '      call: sys.now', '      reslt: t', '    except:', '      as: e');
    deepStrictEqual(lint(text), [expected('unknown-key', ['reslt', 'a call step'], '3:6-3:11', 'reslt', { suggestion: 'result' })]);
  });

  it('reports a half-typed step body once, through the model', () => {
    const text = doc('- a:', '    assign:', '      - x: 1', '- b:', '    ret');
    deepStrictEqual(lint(text), [
      { code: 'expected-map', severity: 'error', message: MODEL_MESSAGES['expected-map']('the body of step `b`'), range: '4:4-4:7', text: 'ret' },
    ]);
  });
});
