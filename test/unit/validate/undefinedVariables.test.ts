import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint } from './helpers';

describe('undefined variables rule', () => {
  it("reports Google's troubleshooting example with Google's wording on the name", () => {
    const text = doc('- step1:', '    assign:', '    - varA: "Hello"', '    - varB: "World"', '- step2:', '    return: ${varC + varB}');
    deepStrictEqual(lint(text), [expected('undefined-variable', ['varC'], '5:14-5:18', 'varC')]);
  });

  it('suggests the visible variable or subworkflow a misspelt name is closest to', () => {
    const text = doc(
      'main:',
      '  params: [args]',
      '  steps:',
      '    - init:',
      '        assign:',
      '          - iteration: ${args.iteration}',
      '    - log:',
      '        return: ${iteraton + 1}',
    );
    deepStrictEqual(lint(text), [expected('undefined-variable', ['iteraton'], '7:18-7:26', 'iteraton', { suggestion: 'iteration' })]);
  });

  it('suggests nothing when two names are as close, or when only trailing digits differ', () => {
    const text = doc('- a:', '    assign:', '    - item1: 1', '    - varA: 1', '    - varB: 2', '- b:', '    return: ${[item2, varC]}');
    deepStrictEqual(lint(text), [
      expected('undefined-variable', ['item2'], '6:15-6:20', 'item2'),
      expected('undefined-variable', ['varC'], '6:22-6:26', 'varC'),
    ]);
  });

  it('accepts params, names created later in the same scope, loop writes to outer names, modules and subworkflow names', () => {
    const text = doc(
      'main:',
      '  params: [input]',
      '  steps:',
      '    - jump:',
      '        next: use',
      '    - create:',
      '        assign:',
      '          - total: 0',
      '    - use:',
      '        for:',
      '          value: v',
      '          index: i',
      '          in: ${input.items}',
      '          steps:',
      '            - add:',
      '                assign:',
      '                  - total: ${total + v + i}',
      '    - call:',
      '        try:',
      '          call: http.get',
      '          args:',
      '            url: ${input.url}',
      '          result: resp',
      '        retry:',
      '          predicate: ${is_retryable}',
      '          max_retries: 2',
      '        except:',
      '          as: e',
      '          steps:',
      '            - log:',
      '                assign:',
      '                  - total: ${e.code}',
      '    - done:',
      '        return: ${[total, resp.body, http.default_retry, sys.now(), x == Null]}',
      'is_retryable:',
      '  params: [e]',
      '  steps:',
      '    - r:',
      '        return: ${e.code == 429}',
    );
    deepStrictEqual(lint(text), [
      expected('unreachable-step', ['create'], '5:6-5:12', 'create'),
      expected('undefined-variable', ['x'], '33:68-33:69', 'x'),
    ]);
  });

  it('reports loop variables and names first created in a loop body or except block after them', () => {
    const text = doc(
      '- loop:',
      '    for:',
      '      value: v',
      '      in: [1]',
      '      steps:',
      '        - a:',
      '            assign:',
      '              - inside: ${v}',
      '- t:',
      '    try:',
      '      call: sys.now',
      '    except:',
      '      as: err',
      '      steps:',
      '        - b:',
      '            assign:',
      '              - handled: true',
      '- r:',
      '    return: ${[v, inside, err, handled]}',
    );
    deepStrictEqual(lint(text), [
      expected('undefined-variable', ['v'], '18:15-18:16', 'v'),
      expected('undefined-variable', ['inside'], '18:18-18:24', 'inside'),
      expected('undefined-variable', ['err'], '18:26-18:29', 'err'),
      expected('undefined-variable', ['handled'], '18:31-18:38', 'handled'),
    ]);
  });

  it("reports a subworkflow reading main's variables", () => {
    const text = doc(
      'main:',
      '  params: [args]',
      '  steps:',
      '    - a:',
      '        assign:',
      '          - token: x',
      '    - b:',
      '        call: sub',
      'sub:',
      '  steps:',
      '    - r:',
      '        return: ${token + args}',
    );
    deepStrictEqual(lint(text), [
      expected('undefined-variable', ['token'], '11:18-11:23', 'token'),
      expected('undefined-variable', ['args'], '11:26-11:30', 'args'),
    ]);
  });

  it('reports the root of a compound assignment target and names inside its index', () => {
    const text = doc('- a:', '    assign:', '      - m[key]: 1', '      - n.k: 2', '      - n: {}');
    deepStrictEqual(lint(text), [
      expected('undefined-variable', ['m'], '2:8-2:9', 'm'),
      expected('undefined-variable', ['key'], '2:10-2:13', 'key'),
    ]);
  });

  it('maps the span through YAML quoting and escapes', () => {
    const text = doc('- a:', '    return: "${\\"a: \\" + missing}"');
    deepStrictEqual(lint(text), [expected('undefined-variable', ['missing'], '1:25-1:32', 'missing')]);
  });

  it('does not report names inside an expression with a syntax error', () => {
    const text = doc('- a:', '    return: ${missing +}');
    deepStrictEqual(
      lint(text).map((f) => f.code),
      ['expr-syntax'],
    );
  });
  it('stays quiet on empty input and on an unfinished expression', () => {
    deepStrictEqual(lint(''), EMPTY);
    deepStrictEqual(lint(doc('- a:', '    return: ${undefined_var.')), []);
  });
});
