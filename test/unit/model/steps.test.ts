import { deepStrictEqual, strictEqual } from 'assert';
import { parseWorkflow } from '../../../src/core/model/parse';
import type { Step } from '../../../src/core/model/types';
import { at, lines, plain, within } from './helpers';

/** The first step of a bare-list workflow, with its problems. */
function firstStep(text: string): { step: Step; problems: unknown } {
  const workflow = parseWorkflow(text);
  return { step: workflow.routines[0].steps[0], problems: plain(workflow.problems) };
}

/** A scalar of the model; with `isInt`, the number is the exact integer (`bigint`) the model keeps. */
const scalar = (value: string | number | boolean | null, span: { start: number; end: number }, isInt = false) => ({
  kind: 'scalar',
  value: isInt && typeof value === 'number' ? BigInt(value) : value,
  isInt,
  span,
});

describe('model: step kinds', () => {
  it('reads an assign step with targets as expressions, values and next', () => {
    const text = lines('- init:', '    assign:', '      - x: 1', '      - m["k"][i]: ${x + 1}', '    next: done');
    const { step, problems } = firstStep(text);
    deepStrictEqual(problems, []);
    deepStrictEqual(plain(step), {
      name: { value: 'init', span: at(text, 'init') },
      span: { start: 2, end: at(text, 'done').end },
      bodySpan: { start: at(text, 'assign').start, end: at(text, 'done').end },
      keys: [
        { value: 'assign', span: at(text, 'assign') },
        { value: 'next', span: at(text, 'next') },
      ],
      next: { value: 'done', span: at(text, 'done') },
      kind: 'assign',
      assign: [
        {
          target: { kind: 'expr', source: 'x', text: 'x', span: within(text, 'x: 1', 'x') },
          value: scalar(1, at(text, '1'), true),
          span: { start: at(text, 'x:').start, end: at(text, '1').end },
        },
        {
          target: { kind: 'expr', source: 'm["k"][i]', text: 'm["k"][i]', span: at(text, 'm["k"][i]') },
          value: { kind: 'expr', source: '${x + 1}', text: 'x + 1', span: at(text, '${x + 1}') },
          span: { start: at(text, 'm["k"]').start, end: at(text, '${x + 1}').end },
        },
      ],
    });
    if (step.kind !== 'assign') throw new Error(step.kind);
    deepStrictEqual(step.assign[1].target.parsed.ok, true);
    const value = step.assign[1].value;
    deepStrictEqual(value.kind === 'expr' && value.parsed.ok && value.parsed.expr.kind, 'binary');
  });

  it('reads a call step with named args and result', () => {
    const text = lines('- get:', '    call: http.get', '    args:', '      url: ${base + "/x"}', '      timeout: 10.0', '    result: resp');
    const { step, problems } = firstStep(text);
    deepStrictEqual(problems, []);
    deepStrictEqual(plain(step), {
      name: { value: 'get', span: at(text, 'get') },
      span: { start: 2, end: at(text, 'resp').end },
      bodySpan: { start: at(text, 'call').start, end: at(text, 'resp').end },
      keys: ['call', 'args', 'result'].map((k) => ({ value: k, span: within(text, k + ':', k) })),
      kind: 'call',
      call: { value: 'http.get', span: at(text, 'http.get') },
      args: {
        kind: 'map',
        entries: [
          {
            key: scalar('url', at(text, 'url')),
            value: { kind: 'expr', source: '${base + "/x"}', text: 'base + "/x"', span: at(text, '${base + "/x"}') },
          },
          { key: scalar('timeout', at(text, 'timeout')), value: scalar(10, at(text, '10.0')) },
        ],
        span: { start: at(text, 'url').start, end: at(text, '10.0').end },
      },
      result: { value: 'resp', span: at(text, 'resp') },
    });
  });

  it('reads positional call args as a list', () => {
    const text = lines('- log:', '    call: sys.log', '    args: ["${x}", "ERROR"]');
    const { step } = firstStep(text);
    deepStrictEqual(plain(step.kind === 'call' && step.args, false), {
      kind: 'list',
      items: [
        { kind: 'expr', source: '${x}', text: 'x' },
        { kind: 'scalar', value: 'ERROR', isInt: false },
      ],
    });
  });

  it('reads a switch step with condition/next cases, nested steps and an inline body', () => {
    const text = lines(
      '- check:',
      '    switch:',
      '      - condition: ${x > 1}',
      '        next: big',
      '      - condition: ${x == 0}',
      '        steps:',
      '          - inner:',
      '              return: 0',
      '      - condition: true',
      '        assign:',
      '          - y: 2',
      '        next: end',
      '    next: fallback',
    );
    const { step, problems } = firstStep(text);
    deepStrictEqual(problems, []);
    const caseStart = (n: number) => at(text, 'condition', n).start;
    deepStrictEqual(plain(step), {
      name: { value: 'check', span: at(text, 'check') },
      span: { start: 2, end: at(text, 'fallback').end },
      bodySpan: { start: at(text, 'switch').start, end: at(text, 'fallback').end },
      keys: [
        { value: 'switch', span: at(text, 'switch') },
        { value: 'next', span: at(text, 'next', 2) },
      ],
      next: { value: 'fallback', span: at(text, 'fallback') },
      kind: 'switch',
      casesSpan: { start: at(text, '- condition').start, end: at(text, 'end').end },
      cases: [
        {
          condition: { kind: 'expr', source: '${x > 1}', text: 'x > 1', span: at(text, '${x > 1}') },
          next: { value: 'big', span: at(text, 'big') },
          keys: [
            { value: 'condition', span: at(text, 'condition', 0) },
            { value: 'next', span: at(text, 'next', 0) },
          ],
          span: { start: caseStart(0), end: at(text, 'big').end },
        },
        {
          condition: { kind: 'expr', source: '${x == 0}', text: 'x == 0', span: at(text, '${x == 0}') },
          steps: [
            {
              name: { value: 'inner', span: at(text, 'inner') },
              span: { start: at(text, 'inner').start, end: at(text, 'return: 0').end },
              bodySpan: { start: at(text, 'return').start, end: at(text, 'return: 0').end },
              keys: [{ value: 'return', span: at(text, 'return') }],
              kind: 'return',
              return: scalar(0, { start: at(text, 'return: 0').end - 1, end: at(text, 'return: 0').end }, true),
            },
          ],
          keys: [
            { value: 'condition', span: at(text, 'condition', 1) },
            { value: 'steps', span: at(text, 'steps') },
          ],
          span: { start: caseStart(1), end: at(text, 'return: 0').end },
        },
        {
          condition: scalar(true, at(text, 'true')),
          next: { value: 'end', span: at(text, 'end') },
          inline: {
            name: { value: 'check', span: at(text, 'check') },
            span: { start: caseStart(2), end: at(text, 'end').end },
            bodySpan: { start: caseStart(2), end: at(text, 'end').end },
            keys: [{ value: 'assign', span: at(text, 'assign') }],
            kind: 'assign',
            assign: [
              {
                target: { kind: 'expr', source: 'y', text: 'y', span: at(text, 'y') },
                value: scalar(2, at(text, '2'), true),
                span: { start: at(text, 'y').start, end: at(text, '2').end },
              },
            ],
          },
          keys: [
            { value: 'condition', span: at(text, 'condition', 2) },
            { value: 'assign', span: at(text, 'assign') },
            { value: 'next', span: at(text, 'next', 1) },
          ],
          span: { start: caseStart(2), end: at(text, 'end').end },
        },
      ],
    });
  });

  it('reads a for loop over a list with value, index and steps', () => {
    const text = lines('- loop:', '    for:', '      value: v', '      index: i', '      in: ${items}', '      steps:', '        - s:', '            next: continue');
    const { step, problems } = firstStep(text);
    deepStrictEqual(problems, []);
    deepStrictEqual(plain(step), {
      name: { value: 'loop', span: at(text, 'loop') },
      span: { start: 2, end: at(text, 'continue').end },
      bodySpan: { start: at(text, 'for').start, end: at(text, 'continue').end },
      keys: [{ value: 'for', span: at(text, 'for') }],
      kind: 'for',
      for: {
        value: { value: 'v', span: within(text, 'value: v', 'v') },
        index: { value: 'i', span: within(text, 'index: i', 'i') },
        in: { kind: 'expr', source: '${items}', text: 'items', span: at(text, '${items}') },
        steps: [
          {
            name: { value: 's', span: within(text, '- s:', 's') },
            span: { start: at(text, '- s:').start + 2, end: at(text, 'continue').end },
            bodySpan: { start: at(text, 'next').start, end: at(text, 'continue').end },
            keys: [{ value: 'next', span: at(text, 'next') }],
            next: { value: 'continue', span: at(text, 'continue') },
            kind: 'jump',
          },
        ],
        keys: ['value', 'index', 'in', 'steps'].map((k) => ({ value: k, span: { start: at(text, '      ' + k + ':').start + 6, end: at(text, '      ' + k + ':').start + 6 + k.length } })),
        span: { start: at(text, 'value').start, end: at(text, 'continue').end },
      },
    });
  });

  it('reads a for loop over a range', () => {
    const { step } = firstStep(lines('- loop:', '    for:', '      value: n', '      range: [1, "${max}"]', '      steps: []'));
    deepStrictEqual(plain(step.kind === 'for' && step.for.range, false), {
      kind: 'list',
      items: [
        { kind: 'scalar', value: 1n, isInt: true },
        { kind: 'expr', source: '${max}', text: 'max' },
      ],
    });
  });

  it('reads a parallel step with shared variables, limits and branches', () => {
    const text = lines(
      '- fan:',
      '    parallel:',
      '      shared: [a, b]',
      '      concurrency_limit: 2',
      '      exception_policy: continueAll',
      '      branches:',
      '        - one:',
      '            steps:',
      '              - s1:',
      '                  return: 1',
      '        - two:',
      '            steps: []',
    );
    const { step, problems } = firstStep(text);
    deepStrictEqual(problems, []);
    deepStrictEqual(plain(step), {
      name: { value: 'fan', span: at(text, 'fan') },
      span: { start: 2, end: at(text, '[]').end },
      bodySpan: { start: at(text, 'parallel').start, end: at(text, '[]').end },
      keys: [{ value: 'parallel', span: at(text, 'parallel') }],
      kind: 'parallel',
      parallel: {
        shared: [
          { value: 'a', span: { start: at(text, '[a').start + 1, end: at(text, '[a').start + 2 } },
          { value: 'b', span: { start: at(text, 'b]').start, end: at(text, 'b]').start + 1 } },
        ],
        concurrencyLimit: scalar(2, at(text, '2'), true),
        exceptionPolicy: scalar('continueAll', at(text, 'continueAll')),
        branches: [
          {
            name: { value: 'one', span: at(text, 'one') },
            steps: [
              {
                name: { value: 's1', span: at(text, 's1') },
                span: { start: at(text, 's1').start, end: at(text, 'return: 1').end },
                bodySpan: { start: at(text, 'return').start, end: at(text, 'return: 1').end },
                keys: [{ value: 'return', span: at(text, 'return') }],
                kind: 'return',
                return: scalar(1, { start: at(text, 'return: 1').end - 1, end: at(text, 'return: 1').end }, true),
              },
            ],
            keys: [{ value: 'steps', span: at(text, 'steps', 0) }],
            span: { start: at(text, 'one').start, end: at(text, 'return: 1').end },
          },
          {
            name: { value: 'two', span: at(text, 'two') },
            steps: [],
            keys: [{ value: 'steps', span: at(text, 'steps', 1) }],
            span: { start: at(text, 'two').start, end: at(text, '[]').end },
          },
        ],
        keys: ['shared', 'concurrency_limit', 'exception_policy', 'branches'].map((k) => ({ value: k, span: at(text, k) })),
        span: { start: at(text, 'shared').start, end: at(text, '[]').end },
      },
    });
  });

  it('reads a parallel for loop', () => {
    const { step } = firstStep(lines('- fan:', '    parallel:', '      for:', '        value: v', '        in: [1, 2]', '        steps: []'));
    deepStrictEqual(plain(step.kind === 'parallel' && step.parallel, false), {
      shared: [],
      for: {
        value: { value: 'v' },
        in: { kind: 'list', items: [{ kind: 'scalar', value: 1n, isInt: true }, { kind: 'scalar', value: 2n, isInt: true }] },
        steps: [],
        keys: [{ value: 'value' }, { value: 'in' }, { value: 'steps' }],
      },
      keys: [{ value: 'for' }],
    });
  });

  it('reads a try step with an inline call body, a policy retry and except', () => {
    const text = lines(
      '- t:',
      '    try:',
      '      call: http.get',
      '      args: {url: u}',
      '      result: r',
      '    retry: ${http.default_retry}',
      '    except:',
      '      as: e',
      '      steps:',
      '        - rethrow:',
      '            raise: ${e}',
    );
    const { step, problems } = firstStep(text);
    deepStrictEqual(problems, []);
    const trySpan = { start: at(text, 'call').start, end: at(text, 'result: r').end };
    deepStrictEqual(plain(step), {
      name: { value: 't', span: { start: 2, end: 3 } },
      span: { start: 2, end: at(text, '${e}').end },
      bodySpan: { start: at(text, 'try').start, end: at(text, '${e}').end },
      keys: ['try', 'retry', 'except'].map((k) => ({ value: k, span: at(text, k) })),
      kind: 'try',
      inline: true,
      trySpan,
      try: [
        {
          name: { value: 't', span: { start: 2, end: 3 } },
          span: trySpan,
          bodySpan: trySpan,
          keys: ['call', 'args', 'result'].map((k) => ({ value: k, span: at(text, k) })),
          kind: 'call',
          call: { value: 'http.get', span: at(text, 'http.get') },
          args: {
            kind: 'map',
            entries: [{ key: scalar('url', at(text, 'url')), value: scalar('u', within(text, 'u}', 'u')) }],
            span: at(text, '{url: u}'),
          },
          result: { value: 'r', span: { start: at(text, 'result: r').end - 1, end: at(text, 'result: r').end } },
        },
      ],
      retry: {
        kind: 'policy',
        policy: { kind: 'expr', source: '${http.default_retry}', text: 'http.default_retry', span: at(text, '${http.default_retry}') },
        span: at(text, '${http.default_retry}'),
      },
      except: {
        as: { value: 'e', span: { start: at(text, 'as: e').end - 1, end: at(text, 'as: e').end } },
        steps: [
          {
            name: { value: 'rethrow', span: at(text, 'rethrow') },
            span: { start: at(text, 'rethrow').start, end: at(text, '${e}').end },
            bodySpan: { start: at(text, 'raise').start, end: at(text, '${e}').end },
            keys: [{ value: 'raise', span: at(text, 'raise') }],
            kind: 'raise',
            raise: { kind: 'expr', source: '${e}', text: 'e', span: at(text, '${e}') },
          },
        ],
        keys: [
          { value: 'as', span: within(text, 'as:', 'as') },
          { value: 'steps', span: at(text, 'steps') },
        ],
        span: { start: at(text, 'as:').start, end: at(text, '${e}').end },
      },
    });
  });

  it('reads a try step with steps and a custom retry with backoff', () => {
    const text = lines(
      '- t:',
      '    try:',
      '      steps:',
      '        - a:',
      '            call: f',
      '    retry:',
      '      predicate: ${retry_if}',
      '      max_retries: 5',
      '      backoff:',
      '        initial_delay: 1',
      '        max_delay: 60',
      '        multiplier: 1.5',
    );
    const { step, problems } = firstStep(text);
    deepStrictEqual(problems, []);
    if (step.kind !== 'try') throw new Error(step.kind);
    strictEqual(step.inline, false);
    deepStrictEqual(step.try.map((s) => [s.name.value, s.kind]), [['a', 'call']]);
    deepStrictEqual(plain(step.retry), {
      kind: 'custom',
      predicate: { kind: 'expr', source: '${retry_if}', text: 'retry_if', span: at(text, '${retry_if}') },
      maxRetries: scalar(5, at(text, '5'), true),
      backoff: {
        initialDelay: scalar(1, { start: at(text, 'initial_delay: 1').end - 1, end: at(text, 'initial_delay: 1').end }, true),
        maxDelay: scalar(60, at(text, '60'), true),
        multiplier: scalar(1.5, at(text, '1.5')),
        keys: ['initial_delay', 'max_delay', 'multiplier'].map((k) => ({ value: k, span: at(text, k) })),
        span: { start: at(text, 'initial_delay').start, end: at(text, '1.5').end },
      },
      keys: ['predicate', 'max_retries', 'backoff'].map((k) => ({ value: k, span: at(text, k) })),
      span: { start: at(text, 'predicate').start, end: at(text, '1.5').end },
    });
  });

  it('reads raise and return steps with any value', () => {
    const text = lines('- r1:', '    raise:', '      code: 1', '- r2:', '    return: "done"');
    const workflow = parseWorkflow(text);
    deepStrictEqual(plain(workflow.routines[0].steps), [
      {
        name: { value: 'r1', span: at(text, 'r1') },
        span: { start: 2, end: at(text, 'code: 1').end },
        bodySpan: { start: at(text, 'raise').start, end: at(text, 'code: 1').end },
        keys: [{ value: 'raise', span: at(text, 'raise') }],
        kind: 'raise',
        raise: {
          kind: 'map',
          entries: [{ key: scalar('code', at(text, 'code')), value: scalar(1, { start: at(text, 'code: 1').end - 1, end: at(text, 'code: 1').end }, true) }],
          span: { start: at(text, 'code').start, end: at(text, 'code: 1').end },
        },
      },
      {
        name: { value: 'r2', span: at(text, 'r2') },
        span: { start: at(text, 'r2').start, end: at(text, '"done"').end },
        bodySpan: { start: at(text, 'return').start, end: at(text, '"done"').end },
        keys: [{ value: 'return', span: at(text, 'return') }],
        kind: 'return',
        return: scalar('done', at(text, '"done"')),
      },
    ]);
  });

  it('reads a nested steps step', () => {
    const text = lines('- group:', '    steps:', '      - a:', '          return: 1', '    next: end');
    const { step } = firstStep(text);
    deepStrictEqual(plain(step, false), {
      name: { value: 'group' },
      keys: [{ value: 'steps' }, { value: 'next' }],
      next: { value: 'end' },
      kind: 'steps',
      steps: [{ name: { value: 'a' }, keys: [{ value: 'return' }], kind: 'return', return: { kind: 'scalar', value: 1n, isInt: true } }],
    });
    deepStrictEqual(step.span, { start: 2, end: at(text, 'end').end });
  });

  it('makes a step with only next (and unknown keys) a jump, and a step with no kind invalid', () => {
    const text = lines('- j:', '    next: x', '    note: hi', '- bad:', '    foo: 1');
    const workflow = parseWorkflow(text);
    deepStrictEqual(workflow.problems, []);
    deepStrictEqual(plain(workflow.routines[0].steps, false), [
      { name: { value: 'j' }, keys: [{ value: 'next' }, { value: 'note' }], next: { value: 'x' }, kind: 'jump' },
      { name: { value: 'bad' }, keys: [{ value: 'foo' }], kind: 'invalid' },
    ]);
  });

  it('takes the kind by precedence and keeps every key for the validator', () => {
    const { step } = firstStep(lines('- both:', '    return: 1', '    call: f', '    assign:', '      - a: 1'));
    deepStrictEqual([step.kind, step.keys.map((k) => k.value)], ['assign', ['return', 'call', 'assign']]);
  });

  it('tells ints from doubles and keeps booleans, null and strings', () => {
    const text = lines('- s:', '    return: [1, 1.0, -3, 0x1F, 2e3, true, null, ~, "1", abc]');
    const { step } = firstStep(text);
    deepStrictEqual(
      step.kind === 'return' && step.return.kind === 'list' && step.return.items.map((v) => v.kind === 'scalar' && [v.value, v.isInt]),
      [[1n, true], [1, false], [-3n, true], [31n, true], [2000, false], [true, false], [null, false], [null, false], ['1', false], ['abc', false]],
    );
  });

  it('keeps integer literals exact up to the int64 bounds and reports the ones beyond', () => {
    for (const format of ['yaml', 'json'] as const) {
      const items = ['9007199254740993', '9223372036854775807', '-9223372036854775808', '9223372036854775808', '-9223372036854775809'];
      const text = format === 'yaml' ? lines('- s:', `    return: [${items.join(', ')}]`) : `[{"s": {"return": [${items.join(', ')}]}}]`;
      const workflow = parseWorkflow(text);
      const { step } = firstStep(text);
      deepStrictEqual(
        step.kind === 'return' && step.return.kind === 'list' && step.return.items.map((v) => v.kind === 'scalar' && v.value),
        [9007199254740993n, 9223372036854775807n, -9223372036854775808n, 9223372036854775808n, -9223372036854775809n],
      );
      deepStrictEqual(
        workflow.problems.map((p) => [p.code, p.message, text.slice(p.span.start, p.span.end)]),
        ['9223372036854775808', '-9223372036854775809'].map((n) => [
          'integer-out-of-range',
          `The integer ${n} does not fit in 64 bits (from -9223372036854775808 to 9223372036854775807); write it as a string or a double.`,
          n,
        ]),
      );
    }
  });

  it('reads expression map keys and leaves strings that only contain ${ as strings', () => {
    const text = lines('- s:', '    return:', '      ${key}: 1', '      "a ${b}": 2');
    const { step } = firstStep(text);
    deepStrictEqual(plain(step.kind === 'return' && step.return), {
      kind: 'map',
      entries: [
        { key: { kind: 'expr', source: '${key}', text: 'key', span: at(text, '${key}') }, value: scalar(1, at(text, '1'), true) },
        { key: scalar('a ${b}', at(text, '"a ${b}"')), value: scalar(2, at(text, '2'), true) },
      ],
      span: { start: at(text, '${key}').start, end: at(text, '2').end },
    });
  });
});

describe('model: map keys', () => {
  it('reads keys written as numbers or booleans as strings, like their JSON twins', () => {
    const text = lines('- s:', '    return: {1: a, 2.50: b, true: c}');
    const step = parseWorkflow(text).routines[0].steps[0];
    deepStrictEqual(
      step.kind === 'return' && step.return.kind === 'map' && step.return.entries.map((e) => plain(e.key)),
      [scalar('1', at(text, '1')), scalar('2.50', at(text, '2.50')), scalar('true', at(text, 'true'))],
    );
  });
});
