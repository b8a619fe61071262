import { deepStrictEqual, strictEqual } from 'assert';
import { parseWorkflow } from '../../../src/core/model/parse';
import { at, lines, plain } from './helpers';

describe('model: top-level forms', () => {
  it('reads a map of routines with params, defaults and steps', () => {
    const text = lines(
      'main:',
      '  params: [args]',
      '  steps:',
      '    - call_sub:',
      '        call: greet',
      '        args: {first: "Ada"}',
      'greet:',
      '  params: [first, last: "Lovelace"]',
      '  steps:',
      '    - done:',
      '        return: ${first + " " + last}',
    );
    const workflow = parseWorkflow(text);
    deepStrictEqual(workflow.problems, []);
    strictEqual(workflow.form, 'routines');
    strictEqual(workflow.format, 'yaml');
    const [main, greet] = workflow.routines;
    deepStrictEqual(plain({ ...main, steps: main.steps.map((s) => s.name.value) }), {
      name: { value: 'main', span: at(text, 'main') },
      params: [{ name: { value: 'args', span: at(text, 'args') }, span: at(text, 'args') }],
      paramsSpan: at(text, '[args]'),
      steps: ['call_sub'],
      stepsSpan: { start: at(text, '- call_sub').start, end: at(text, '{first: "Ada"}').end },
      keys: [
        { value: 'params', span: at(text, 'params') },
        { value: 'steps', span: at(text, 'steps') },
      ],
      span: { start: 0, end: at(text, '{first: "Ada"}').end },
    });
    deepStrictEqual(plain(greet.params), [
      { name: { value: 'first', span: at(text, 'first', 1) }, span: at(text, 'first', 1) },
      {
        name: { value: 'last', span: at(text, 'last') },
        default: { kind: 'scalar', value: 'Lovelace', isInt: false, span: at(text, '"Lovelace"') },
        span: at(text, 'last: "Lovelace"'),
      },
    ]);
    deepStrictEqual(greet.span, { start: at(text, 'greet:').start, end: text.length - 1 });
  });

  it('reads a bare list of steps as an implicit main whose name span is the list', () => {
    const text = lines('- a:', '    return: 1');
    const workflow = parseWorkflow(text);
    deepStrictEqual(plain({ ...workflow, routines: workflow.routines.map((r) => ({ ...r, steps: r.steps.length })) }), {
      text,
      format: 'yaml',
      form: 'steps',
      routines: [
        {
          name: { value: 'main', span: { start: 0, end: text.length - 1 } },
          params: [],
          steps: 1,
          stepsSpan: { start: 0, end: text.length - 1 },
          keys: [],
          span: { start: 0, end: text.length - 1 },
        },
      ],
      problems: [],
    });
  });

  it('reads a step whose body keys sit at the indentation of its name, as older samples do', () => {
    const text = lines('- last:', '  return: "OK"');
    const workflow = parseWorkflow(text);
    deepStrictEqual(workflow.problems, []);
    deepStrictEqual(plain(workflow.routines[0].steps), [
      {
        name: { value: 'last', span: at(text, 'last') },
        span: { start: 2, end: at(text, '"OK"').end },
        bodySpan: { start: at(text, 'return').start, end: at(text, '"OK"').end },
        keys: [{ value: 'return', span: at(text, 'return') }],
        kind: 'return',
        return: { kind: 'scalar', value: 'OK', isInt: false, span: at(text, '"OK"') },
      },
    ]);
  });

  it('reads a null list (`"steps": null`) as an empty list without a problem', () => {
    const workflow = parseWorkflow('[{"s": {"try": {"call": "f"}, "except": {"as": "e", "steps": null}}}]');
    deepStrictEqual(workflow.problems, []);
    const step = workflow.routines[0].steps[0];
    deepStrictEqual(step.kind === 'try' && step.except?.steps, []);
  });
});

describe('model: JSON', () => {
  const yaml = lines(
    'main:',
    '  params: [input]',
    '  steps:',
    '    - init:',
    '        assign:',
    '          - n: 1',
    '          - d: 1.0',
    '          - s: "a/b\\u00e9"',
    '    - check:',
    '        switch:',
    '          - condition: ${n > 0}',
    '            return: ${"x\\"y"}',
  );
  const json = JSON.stringify({
    main: {
      params: ['input'],
      steps: [
        { init: { assign: [{ n: 1 }, { d: 1.5 }, { s: 'a/b\u00e9' }] } },
        { check: { switch: [{ condition: '${n > 0}', return: '${"x\\"y"}' }] } },
      ],
    },
  }).replace('1.5', '1.0').replace('a/b', 'a\\/b');

  it('detects JSON by its first character and builds the same model as the YAML twin', () => {
    const fromJson = parseWorkflow(json);
    const fromYaml = parseWorkflow(yaml);
    strictEqual(fromJson.format, 'json');
    deepStrictEqual(fromJson.problems, []);
    deepStrictEqual(plain(fromJson.routines, false), plain(fromYaml.routines, false));
  });

  it('decodes JSON escapes and maps expression offsets through them', () => {
    const text = '[{"s": {"return": "${\\"\\u00e9\\" + }"}}]';
    const workflow = parseWorkflow(text, { format: 'json' });
    const step = workflow.routines[0].steps[0];
    if (step.kind !== 'return' || step.return.kind !== 'expr') throw new Error('expected an expression');
    strictEqual(step.return.text, '"\u00e9" + ');
    deepStrictEqual(!step.return.parsed.ok && step.return.parsed.error.span, { start: 6, end: 6 });
    // The error is at the end of the text: just before the closing `}` in the document.
    strictEqual(step.return.toDocumentOffset(6), text.indexOf('}"'));
    // `é` is written as the 6-character escape `\u00e9`, after an escaped quote.
    strictEqual(step.return.toDocumentOffset(1), text.indexOf('\\u00e9'));
    strictEqual(step.return.toDocumentOffset(2), text.indexOf('\\u00e9') + 6);
  });

  it('honours an explicit format', () => {
    strictEqual(parseWorkflow('- a:\n    return: 1\n', { format: 'json' }).format, 'json');
    strictEqual(parseWorkflow('  {"main": {"steps": []}}').format, 'json');
    strictEqual(parseWorkflow('# c\n{"main": {}}').format, 'yaml');
  });
});

describe('model: line endings', () => {
  it('reads CRLF sources like LF ones and maps offsets across CRLF folds', () => {
    const lf = lines('main:', '  steps:', '    - a:', '        return: "${x +', '          * y}"');
    const crlf = lf.replace(/\n/g, '\r\n');
    const fromCrlf = parseWorkflow(crlf);
    deepStrictEqual(fromCrlf.problems, []);
    deepStrictEqual(plain(fromCrlf.routines, false), plain(parseWorkflow(lf).routines, false));
    const step = fromCrlf.routines[0].steps[0];
    if (step.kind !== 'return' || step.return.kind !== 'expr' || step.return.parsed.ok) throw new Error('expected a syntax error');
    strictEqual(step.return.text, 'x + * y');
    strictEqual(step.return.toDocumentOffset(step.return.parsed.error.span.start), crlf.indexOf('*'));
  });
});
