import { deepStrictEqual } from 'assert';
import { MODEL_MESSAGES } from '../../../src/core/model/problems';
import { doc, EMPTY, expected, lint } from './helpers';

const SUB = ['greet:', '  params: [first, last: "Doe"]', '  steps:', '    - r:', '        return: ${first + " " + last}'];

describe('call arguments rule', () => {
  it('accepts a subworkflow call with required arguments and stdlib calls by name or position', () => {
    const text = doc(
      'main:',
      '  steps:',
      '    - a:',
      '        call: greet',
      '        args:',
      '          first: Ada',
      '    - b:',
      '        call: sys.log',
      '        args: [hello, INFO]',
      '    - c:',
      '        call: text.substring',
      '        args:',
      '          source: hello',
      '          start: 1',
      '          end: 3',
      '    - d:',
      '        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run',
      '        args:',
      '          workflow_id: child',
      '          argument:',
      '            n: 1',
      ...SUB,
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports missing and unknown subworkflow arguments, pointing to the parameters', () => {
    const text = doc('main:', '  steps:', '    - a:', '        call: greet', '        args:', '          frist: Ada', ...SUB);
    const related = [{ range: '7:10-7:30', message: "Parameters of 'greet'." }];
    deepStrictEqual(lint(text), [
      expected('missing-argument', ['first', 'greet'], '3:14-3:19', 'greet', { related }),
      expected('unknown-argument', ['frist', 'greet'], '5:10-5:15', 'frist', { suggestion: 'first', related }),
    ]);
  });

  it('reports positional arguments to a subworkflow', () => {
    const text = doc('main:', '  steps:', '    - a:', '        call: greet', '        args: [Ada]', ...SUB);
    deepStrictEqual(lint(text), [expected('args-not-map', ['greet'], '4:14-4:19', '[Ada]')]);
  });

  it('reports text.substring without end, a deploy error Google documents', () => {
    const text = doc('- a:', '    call: text.substring', '    args:', '      source: hello', '      start: 1');
    deepStrictEqual(lint(text), [expected('missing-argument', ['end', 'text.substring'], '1:10-1:24', 'text.substring')]);
  });

  it('reports an unknown stdlib argument and too many positional ones', () => {
    const text = doc('- a:', '    call: sys.sleep', '    args:', '      second: 1', '- b:', '    call: uuid.generate', '    args: [1]');
    deepStrictEqual(lint(text), [
      expected('missing-argument', ['seconds', 'sys.sleep'], '1:10-1:19', 'sys.sleep'),
      expected('unknown-argument', ['second', 'sys.sleep'], '3:6-3:12', 'second', { suggestion: 'seconds' }),
      expected('too-many-arguments', ['uuid.generate', '0', '1'], '6:10-6:13', '[1]'),
    ]);
  });

  it('reports a missing required argument of a known connector, and warns about an argument it does not take', () => {
    const text = doc(
      '- a:',
      '    call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run',
      '    args:',
      '      workflowId: child',
    );
    deepStrictEqual(lint(text), [
      expected(
        'missing-argument',
        ['workflow_id', 'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run'],
        '1:10-1:86',
        'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run',
      ),
      expected(
        'unknown-connector-argument',
        ['workflowId', 'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run'],
        '3:6-3:16',
        'workflowId',
        { suggestion: 'workflow_id' },
      ),
    ]);
  });

  it('does not guess about argument maps with expression keys', () => {
    const text = doc('- a:', '    call: sys.sleep', '    args:', '      ${"sec" + "onds"}: 1');
    deepStrictEqual(lint(text), []);
  });
  it('stays quiet on empty input and checks against the parameters typed so far', () => {
    deepStrictEqual(lint(''), EMPTY);
    const text = doc('main:', '  steps:', '    - a:', '        call: sub', '        args:', '          x: 1', 'sub:', '  params: [');
    deepStrictEqual(lint(text), [
      expected('unknown-argument', ['x', 'sub'], '5:10-5:11', 'x', { related: [{ range: '7:10-8:0', message: "Parameters of 'sub'." }] }),
      {
        code: 'yaml-syntax',
        severity: 'error',
        message: MODEL_MESSAGES['yaml-syntax']('Flow sequence in block collection must be sufficiently indented and end with a ]'),
        range: '8:0-8:0',
        text: '',
      },
    ]);
  });
});
