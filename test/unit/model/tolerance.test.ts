import { deepStrictEqual, strictEqual } from 'assert';
import fc from 'fast-check';
import { parseWorkflow } from '../../../src/core/model/parse';
import { MODEL_MESSAGES } from '../../../src/core/model/problems';
import { at, lines, plain, within } from './helpers';

/** The problems as `[code, start, end]`, in the order reported. */
function problems(text: string): [string, number, number][] {
  return parseWorkflow(text).problems.map((p) => [p.code, p.span.start, p.span.end]);
}

describe('model: tolerance', () => {
  it('reports an empty document', () => {
    const workflow = parseWorkflow('');
    deepStrictEqual(plain(workflow), {
      text: '',
      format: 'yaml',
      form: 'invalid',
      routines: [],
      problems: [{ code: 'empty-document', message: MODEL_MESSAGES['empty-document'](), span: { start: 0, end: 0 } }],
    });
  });

  it('reports a document of only comments as empty', () => {
    deepStrictEqual(problems('# nothing\n# here\n'), [['empty-document', 0, 0]]);
  });

  it('reports a scalar document', () => {
    const workflow = parseWorkflow('hello');
    deepStrictEqual([workflow.form, workflow.routines], ['invalid', []]);
    deepStrictEqual(plain(workflow.problems), [
      { code: 'expected-workflow', message: MODEL_MESSAGES['expected-workflow'](), span: { start: 0, end: 5 } },
    ]);
  });

  it('keeps the steps of a half-typed document and reports the unfinished body', () => {
    const text = 'main:\n  steps:\n    - a:\n        ass';
    const workflow = parseWorkflow(text);
    deepStrictEqual(plain(workflow.problems), [
      { code: 'expected-map', message: 'Expected a map for the body of step `a`.', span: at(text, 'ass') },
    ]);
    deepStrictEqual(plain(workflow.routines[0].steps), [
      { name: { value: 'a', span: within(text, '- a:', 'a') }, span: { start: 21, end: text.length }, bodySpan: at(text, 'ass'), keys: [], kind: 'invalid' },
    ]);
  });

  it('keeps earlier steps when a later one is half typed', () => {
    const text = lines('- one:', '    return: 1', '- tw');
    const workflow = parseWorkflow(text);
    deepStrictEqual(problems(text), [['expected-step', at(text, 'tw').start, at(text, 'tw').end]]);
    deepStrictEqual(workflow.routines[0].steps.map((s) => s.name.value), ['one']);
  });

  it('reports tabs in indentation as YAML syntax errors and keeps what it can', () => {
    const text = '- a:\n\treturn: 1\n';
    const workflow = parseWorkflow(text);
    deepStrictEqual(problems(text)[0], ['yaml-syntax', 5, 6]);
    strictEqual(workflow.problems[0].message, 'YAML syntax error: Tabs are not allowed as indentation');
    deepStrictEqual(workflow.routines[0].steps.map((s) => [s.name.value, s.kind]), [['a', 'invalid']]);
  });

  it('resolves anchors and aliases to the anchored value', () => {
    const text = lines('- a:', '    assign:', '      - cfg: &cfg {url: u}', '- b:', '    return: *cfg');
    const workflow = parseWorkflow(text);
    deepStrictEqual(workflow.problems, []);
    const b = workflow.routines[0].steps[1];
    deepStrictEqual(plain(b.kind === 'return' && b.return, false), {
      kind: 'map',
      entries: [{ key: { kind: 'scalar', value: 'url', isInt: false }, value: { kind: 'scalar', value: 'u', isInt: false } }],
    });
    deepStrictEqual(b.kind === 'return' && b.return.span, at(text, '*cfg'));
  });

  it('reports an alias that contains itself', () => {
    deepStrictEqual(problems('&a [*a]'), [['alias-cycle', 4, 6], ['expected-step', 4, 6]]);
  });

  it('stops expanding nested aliases past a budget', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const text = lines(...levels, 'main:', '  steps:', '    - s:', '        return: *a8');
    const started = Date.now();
    const workflow = parseWorkflow(text);
    strictEqual(Date.now() - started < 5000, true);
    deepStrictEqual(workflow.problems.filter((p) => p.code === 'alias-limit').length, 1);
  });

  it('reads the first of several documents and reports the others', () => {
    const text = lines('- a:', '    return: 1', '---', '- b:', '    return: 2');
    const workflow = parseWorkflow(text);
    deepStrictEqual(problems(text), [['multiple-documents', at(text, '---').start, text.length]]);
    deepStrictEqual(workflow.routines[0].steps.map((s) => s.name.value), ['a']);
  });

  it('reports a duplicate key on the second occurrence, in routines and in bodies', () => {
    const text = lines('main:', '  steps:', '    - a:', '        return: 1', '        return: 2', 'main:', '  steps: []');
    deepStrictEqual(problems(text), [
      ['duplicate-key', at(text, 'main', 1).start, at(text, 'main', 1).end],
      ['duplicate-key', at(text, 'return', 1).start, at(text, 'return', 1).end],
    ]);
    strictEqual(parseWorkflow(text).problems[0].message, "Duplicate key 'main'.");
  });

  it('reports list items that are not single-key maps and keeps the first entry of a multi-key one', () => {
    const text = lines('- just a string', '- {}', '- a:', '    return: 1', '  b:', '    return: 2');
    const workflow = parseWorkflow(text);
    deepStrictEqual(problems(text), [
      ['expected-step', at(text, 'just a string').start, at(text, 'just a string').end],
      ['expected-step', at(text, '{}').start, at(text, '{}').end],
      ['expected-step', at(text, 'a:').start, text.length - 1],
    ]);
    deepStrictEqual(workflow.routines[0].steps.map((s) => [s.name.value, s.kind]), [['a', 'return']]);
  });

  it('reports wrong shapes: steps not a list, routine not a map, next not a name, bad params', () => {
    const text = lines(
      'main:',
      '  params: [[x], {a: 1, b: 2}]',
      '  steps:',
      '    - s:',
      '        next: [a]',
      '    - t:',
      '        switch: {condition: true}',
      'sub: 3',
      'other:',
      '  steps: {a: 1}',
    );
    deepStrictEqual(problems(text), [
      ['expected-param', at(text, '[x]').start, at(text, '[x]').end],
      ['expected-param', at(text, '{a: 1, b: 2}').start, at(text, '{a: 1, b: 2}').end],
      ['expected-string', at(text, '[a]').start, at(text, '[a]').end],
      ['expected-list', at(text, '{condition: true}').start, at(text, '{condition: true}').end],
      ['expected-map', at(text, '3').start, at(text, '3').end],
      ['expected-list', at(text, '{a: 1}').start, at(text, '{a: 1}').end],
    ]);
    const workflow = parseWorkflow(text);
    deepStrictEqual(workflow.routines.map((r) => [r.name.value, r.steps.map((s) => s.kind)]), [
      ['main', ['jump', 'switch']],
      ['sub', []],
      ['other', []],
    ]);
  });

  it('reports an unterminated quoted string as a YAML syntax error and keeps the step', () => {
    const text = '- s:\n    return: "abc';
    deepStrictEqual(problems(text), [['yaml-syntax', text.length, text.length]]);
    deepStrictEqual(parseWorkflow(text).routines[0].steps.map((s) => s.kind), ['return']);
  });

  it('reads an unquoted expression in a flow list, as Google documents it, and reports it for quoting', () => {
    const text = lines('- s:', '    call: sys.log', '    args: [${x}, "ERROR", {k: ${m["a"]}}]');
    deepStrictEqual(problems(text), [
      ['yaml-flow-expression-compat', at(text, '${x}').start, at(text, '${x}').end],
      ['yaml-flow-expression-compat', at(text, '${m["a"]}').start, at(text, '${m["a"]}').end],
    ]);
    const step = parseWorkflow(text).routines[0].steps[0];
    deepStrictEqual(plain(step.kind === 'call' && step.args, false), {
      kind: 'list',
      items: [
        { kind: 'expr', source: '${x}', text: 'x' },
        { kind: 'scalar', value: 'ERROR', isInt: false },
        { kind: 'map', entries: [{ key: { kind: 'scalar', value: 'k', isInt: false }, value: { kind: 'expr', source: '${m["a"]}', text: 'm["a"]' } }] },
      ],
    });
  });

  it('leaves an unquoted expression with `: ` in a block value as a YAML syntax error', () => {
    const text = lines('- s:', '    return: ${"a: " + b}');
    deepStrictEqual(problems(text).map(([code]) => code), ['yaml-syntax', 'yaml-syntax']);
  });

  it('never throws, whatever the text', function () {
    this.timeout(60000);
    const seed = lines(
      'main:',
      '  params: [a, b: 1]',
      '  steps:',
      '    - s: {assign: [{x: "${a}"}], next: t}',
      "    - t:\n        switch:\n          - condition: '${x > 1}'\n            return: 1",
      '    - u:\n        try:\n          call: f\n        retry: ${r}\n        except: {as: e, steps: []}',
      '    - v:\n        parallel:\n          branches:\n            - b: {steps: [{w: {for: {value: i, range: [1, 2], steps: []}}}]}',
    );
    const alphabet = fc.constantFrom(...'- :\n\t{}[],"\'#&*!|>?$%@`\\abmainstepsx0123'.split(''));
    fc.assert(
      fc.property(fc.nat(seed.length), fc.nat(20), fc.array(alphabet, { maxLength: 12 }), (pos, cut, insert) => {
        const text = seed.slice(0, pos) + insert.join('') + seed.slice(pos + cut);
        const workflow = parseWorkflow(text);
        return workflow.text === text && Array.isArray(workflow.routines) && workflow.problems.every((p) => p.span.start <= p.span.end);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => parseWorkflow(text).text === text),
      { numRuns: 200 },
    );
  });
});
