import { deepStrictEqual, strictEqual } from 'assert';
import { parseWorkflow } from '../../../src/core/model/parse';
import { expressionOffset, nodeAt, stepAt, walkSteps, type NodeTarget } from '../../../src/core/model/query';
import { at, lines } from './helpers';

const text = lines(
  'main:',
  '  params: [args]',
  '  steps:',
  '    - init:',
  '        assign:',
  '          - items: ${args.items}',
  '    - loop:',
  '        for:',
  '          value: item',
  '          in: ${items}',
  '          steps:',
  '            - check:',
  '                switch:',
  '                  - condition: ${item > 1}',
  '                    steps:',
  '                      - big:',
  '                          next: continue',
  '                  - condition: true',
  '                    return: ${item}',
  '    - fan:',
  '        parallel:',
  '          branches:',
  '            - b1:',
  '                steps:',
  '                  - guarded:',
  '                      try:',
  '                        call: http.get',
  '                        args: {url: "${args.url}"}',
  '                        result: resp',
  '                      except:',
  '                        as: e',
  '                        steps:',
  '                          - fail:',
  '                              raise: ${e}',
  '          for:',
  '            value: v',
  '            in: [1]',
  '            steps:',
  '              - group:',
  '                  steps:',
  '                    - leaf:',
  '                        call: sub',
  '                        next: end',
  'sub:',
  '  params: [x: 1]',
  '  steps:',
  '    - done:',
  '        return: ${x}',
);
const workflow = parseWorkflow(text);

describe('model: walkSteps', () => {
  it('visits every step at any depth, parents first, with the blocks that contain it', () => {
    const seen: string[] = [];
    walkSteps(workflow.routines[0], ({ step, ancestry, index }) => {
      seen.push(`${step.name.value}#${index} in [${ancestry.map((c) => c.kind + (c.kind === 'switch-case' ? (c.inline ? ':inline' : `:${c.caseIndex}`) : '')).join(', ')}]`);
    });
    deepStrictEqual(seen, [
      'init#0 in []',
      'loop#1 in []',
      'check#0 in [for]',
      'big#0 in [for, switch-case:0]',
      'check#0 in [for, switch-case:inline]',
      'fan#2 in []',
      'guarded#0 in [branch]',
      'guarded#0 in [branch, try]',
      'fail#0 in [branch, except]',
      'group#0 in [parallel-for]',
      'leaf#0 in [parallel-for, steps]',
    ]);
    deepStrictEqual(workflow.problems, []);
  });

  it("skips a step's nested steps when the visitor says so", () => {
    const seen: string[] = [];
    walkSteps(workflow.routines[0], ({ step }) => {
      seen.push(step.name.value);
      return step.kind === 'parallel' || step.kind === 'for' ? 'skip' : undefined;
    });
    deepStrictEqual(seen, ['init', 'loop', 'fan']);
  });
});

describe('model: stepAt and nodeAt', () => {
  const target = (offset: number): NodeTarget | undefined => nodeAt(workflow, offset).target;

  it('finds the innermost step with its ancestry', () => {
    const visit = stepAt(workflow, at(text, 'continue').start);
    deepStrictEqual([visit?.step.name.value, visit?.routine.name.value, visit?.ancestry.map((c) => c.kind)], ['big', 'main', ['for', 'switch-case']]);
    strictEqual(stepAt(workflow, at(text, 'params').start), undefined);
    strictEqual(stepAt(workflow, at(text, 'done').start)?.routine.name.value, 'sub');
  });

  it('finds a step name, a key, a next target and a call target', () => {
    deepStrictEqual(target(at(text, 'loop').start + 2), { kind: 'step-name', name: { value: 'loop', span: at(text, 'loop') } });
    deepStrictEqual(target(at(text, 'switch').start), { kind: 'key', name: { value: 'switch', span: at(text, 'switch') } });
    deepStrictEqual(target(at(text, 'continue').end), { kind: 'next', name: { value: 'continue', span: at(text, 'continue') } });
    deepStrictEqual(target(at(text, 'http.get').start + 4), { kind: 'call', name: { value: 'http.get', span: at(text, 'http.get') } });
    deepStrictEqual(target(at(text, 'sub\n').start + 1), { kind: 'call', name: { value: 'sub', span: { start: at(text, 'sub\n').start, end: at(text, 'sub\n').start + 3 } } });
  });

  it('finds names by role: result, except variable, loop value, branch, param', () => {
    const name = (needle: string) => ({ value: needle, span: at(text, needle) });
    deepStrictEqual(target(at(text, 'resp').start), { kind: 'name', role: 'result', name: name('resp') });
    deepStrictEqual(target(at(text, 'as: e').end), { kind: 'name', role: 'as', name: { value: 'e', span: { start: at(text, 'as: e').end - 1, end: at(text, 'as: e').end } } });
    deepStrictEqual(target(at(text, 'item\n').start), { kind: 'name', role: 'value', name: { value: 'item', span: { start: at(text, 'item\n').start, end: at(text, 'item\n').start + 4 } } });
    deepStrictEqual(target(at(text, 'b1').start), { kind: 'name', role: 'branch', name: name('b1') });
    deepStrictEqual(target(at(text, '[args]').start + 1), { kind: 'name', role: 'param', name: { value: 'args', span: { start: at(text, '[args]').start + 1, end: at(text, '[args]').start + 5 } } });
  });

  it('finds the routine name and routine keys', () => {
    deepStrictEqual(target(1), { kind: 'routine-name', name: { value: 'main', span: { start: 0, end: 4 } } });
    deepStrictEqual(target(at(text, 'params').start), { kind: 'key', name: { value: 'params', span: at(text, 'params') } });
  });

  it('finds an expression with the offset inside its text, also inside quotes and in map values', () => {
    const found = target(at(text, '${args.url}').start + 4);
    if (found?.kind !== 'expression') throw new Error(String(found?.kind));
    deepStrictEqual([found.expr.text, found.offset], ['args.url', 2]);
    const onCondition = target(at(text, 'item > 1').start + 5);
    deepStrictEqual(onCondition?.kind === 'expression' && [onCondition.expr.text, onCondition.offset], ['item > 1', 5]);
    const onDelimiter = target(at(text, '${items}').start);
    deepStrictEqual(onDelimiter?.kind === 'expression' && onDelimiter.offset, 0);
    const onDefault = target(at(text, 'x: 1').end - 1);
    deepStrictEqual(onDefault, { kind: 'value', value: { kind: 'scalar', value: 1n, isInt: true, span: { start: at(text, 'x: 1').end - 1, end: at(text, 'x: 1').end } } });
  });

  it('finds an assignment target and an inline case value', () => {
    const onTarget = target(at(text, 'items:').start + 1);
    deepStrictEqual(onTarget?.kind === 'expression' && [onTarget.expr.text, onTarget.offset], ['items', 1]);
    const onReturn = target(at(text, '${item}').start + 3);
    deepStrictEqual(onReturn?.kind === 'expression' && [onReturn.expr.text, onReturn.offset], ['item', 1]);
  });

  it('finds the condition of a case with an inline body, within the switch step', () => {
    strictEqual(stepAt(workflow, at(text, 'true').start)?.step.name.value, 'check');
    deepStrictEqual(target(at(text, 'true').start), { kind: 'value', value: { kind: 'scalar', value: true, isInt: false, span: at(text, 'true') } });
    strictEqual(stepAt(workflow, at(text, 'http.get').start)?.step.kind, 'try');
  });

  it('returns nothing outside every routine', () => {
    deepStrictEqual(nodeAt(parseWorkflow('# comment\nmain:\n  steps: []\n'), 2), {});
  });

  it('inverts toDocumentOffset through escapes', () => {
    const json = parseWorkflow('[{"s": {"return": "${\\"\\u00e9\\" + x}"}}]');
    const step = json.routines[0].steps[0];
    if (step.kind !== 'return' || step.return.kind !== 'expr') throw new Error('expected an expression');
    const expr = step.return;
    for (let i = 0; i <= expr.text.length; i++) strictEqual(expressionOffset(expr, expr.toDocumentOffset(i)), i);
  });
});
