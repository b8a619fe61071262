/**
 * Input generators for the fuzz targets: YAML-ish documents, grammar-generated expressions and
 * small generated workflows. Generated expressions are always syntactically valid (operands of
 * binary operators are parenthesised, so comparisons never chain).
 */
import fc from 'fast-check';

/** Arbitrary documents stitched from YAML punctuation and Workflows keys and values. */
export const yamlish: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'main:', 'steps:', 'params:', 'assign:', 'call:', 'args:', 'result:', 'next:', 'return:', 'raise:', 'switch:',
        'condition:', 'for:', 'value:', 'in:', 'range:', 'parallel:', 'branches:', 'shared:', 'try:', 'except:', 'retry:',
        'as:', 'http.get', 'sys.log', 'end', '- ', '  ', '    ', '\n', '\n  ', '\n    - ', ': ', '[', ']', '{', '}', ',', '"',
        "'", '${', '}', 'x + 1', '"${a}"', '&anchor', '*anchor', '<<: *anchor', '!!str', '|', '>', '#', '---', '...', '?',
        '%YAML 1.2', '\t', '\r\n', '\u00e9', '\uFEFF', '0x1F', '1e309', '-.inf', '.nan', 'null', '~', 'true', 'yes',
      ),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const identifier = fc.constantFrom('a', 'b', 'm', 'l', 's', 'n', 'x_1', 'sys', 'text');
const literal = fc.constantFrom(
  '0', '1', '-1', '2.5', '0.0', '1e3', '9223372036854775807', '"a"', '""', "'q'", '"\\n"', 'true', 'false', 'null',
  '[]', '[1, "b"]', '{}', '{"k": 1}', '{"__proto__": 1}',
);
const binary = fc.constantFrom('+', '-', '*', '/', '//', '%', '<', '<=', '>', '>=', '==', '!=', 'in', 'not in', 'and', 'or');
const unary = fc.constantFrom('not ', '-');
const property = fc.constantFrom('k', 'x', 'length', '__proto__', 'constructor', 'toString');

/** Expressions of the whole grammar: literals, names, operators, indexing, properties, calls. */
export const expressionText: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    identifier,
    fc.tuple(tie('e'), binary, tie('e')).map(([l, op, r]) => `(${l}) ${op} (${r})`),
    fc.tuple(unary, tie('e')).map(([op, e]) => `${op}(${e})`),
    fc.tuple(tie('e'), tie('e')).map(([e, i]) => `(${e})[${i}]`),
    fc.tuple(identifier, property).map(([e, p]) => `${e}.${p}`),
    fc.array(tie('e'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(fc.constantFrom('"k"', '"x"', '"__proto__"'), tie('e')), { maxLength: 2 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.tuple(fc.constantFrom('len', 'int', 'string', 'keys', 'get_type', 'text.to_upper', 'math.abs', 'default', 'map.get', 'list.concat'), fc.array(tie('e'), { minLength: 1, maxLength: 2 }))
      .map(([f, args]) => `${f}(${args.join(', ')})`),
  ),
})).e;

/** Expressions over the generated workflows' variables: a, b (ints), m (map), l (list), s (string). */
const runtimeExpression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'm', 'l', 's', '0', '1', '3', '-2', '2.5', '"t"', 'true', 'null', '[1, 2]', '{"k": 2}', 'm.k', 'l[0]', 'len(l)'),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '//', '%', '<', '==', '!=', 'in', 'and', 'or'), tie('e')).map(([l, op, r]) => `(${l}) ${op} (${r})`),
    fc.tuple(fc.constantFrom('not ', '-'), tie('e')).map(([op, e]) => `${op}(${e})`),
    fc.tuple(tie('e'), tie('e')).map(([e, i]) => `(${e})[${i}]`),
    fc.tuple(fc.constantFrom('len', 'int', 'double', 'string', 'keys', 'json.encode_to_string', 'text.to_lower'), tie('e')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(fc.constantFrom('default', 'map.get', 'list.concat', 'text.split', 'math.max'), tie('e'), tie('e')).map(([f, a, b]) => `${f}(${a}, ${b})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, t, f]) => `if(${c}, ${t}, ${f})`),
  ),
})).e;

const q = (e: string): string => JSON.stringify('${' + e + '}');
const target = fc.constantFrom('a', 'b', 's', 'l', 'm', 'm.k', 'm["z"]', 'l[0]', '__proto__', 'constructor');

interface Ctx {
  n: number;
}

function indent(lines: string[], by: number): string[] {
  return lines.map((l) => ' '.repeat(by) + l);
}

/** One step as YAML lines (a list item), given a fresh-name counter. */
const step: fc.Arbitrary<(ctx: Ctx) => string[]> = fc.letrec<{ step: (ctx: Ctx) => string[] }>((tie) => ({
  step: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(target, runtimeExpression).map(([t, e]) => (c: Ctx) => [`- s${c.n++}:`, '    assign:', `      - ${t}: ${q(e)}`]),
    runtimeExpression.map((e) => (c: Ctx) => [`- s${c.n++}:`, `    raise: ${q(e)}`]),
    runtimeExpression.map((e) => (c: Ctx) => [`- s${c.n++}:`, '    call: sub', '    args:', `      x: ${q(e)}`, '    result: b']),
    fc.integer({ min: 0, max: 25 }).map((k) => (c: Ctx) => [`- s${c.n++}:`, '    call: rec', '    args:', `      k: ${k}`, '    result: b']),
    runtimeExpression.map((e) => (c: Ctx) => [`- s${c.n++}:`, '    call: sys.sleep', '    args:', `      seconds: ${q(e)}`]),
    fc.tuple(runtimeExpression, tie('step')).map(([cond, body]) => (c: Ctx) => [
      `- s${c.n++}:`,
      '    switch:',
      `      - condition: ${q(cond)}`,
      '        steps:',
      ...indent(body(c), 10),
    ]),
    fc.tuple(runtimeExpression, tie('step')).map(([list, body]) => (c: Ctx) => [
      `- s${c.n++}:`,
      '    for:',
      '      value: v',
      `      in: ${q(list)}`,
      '      steps:',
      ...indent(body(c), 8),
    ]),
    fc.tuple(fc.integer({ min: -2, max: 30 }), tie('step')).map(([end, body]) => (c: Ctx) => [
      `- s${c.n++}:`,
      '    for:',
      '      value: v',
      `      range: [0, ${end}]`,
      '      steps:',
      ...indent(body(c), 8),
    ]),
    fc.tuple(tie('step'), runtimeExpression).map(([body, handler]) => (c: Ctx) => [
      `- s${c.n++}:`,
      '    try:',
      '      steps:',
      ...indent(body(c), 8),
      '    retry:',
      '      predicate: ${http.default_retry_predicate}',
      '      max_retries: 2',
      '      backoff:',
      '        initial_delay: 1',
      '        max_delay: 4',
      '        multiplier: 2',
      '    except:',
      '      as: e',
      '      steps:',
      `        - h${c.n++}:`,
      '            assign:',
      `              - s: ${q(`string(${handler}) + json.encode_to_string(e)`)}`,
    ]),
    fc.tuple(tie('step'), tie('step')).map(([one, two]) => (c: Ctx) => [
      `- s${c.n++}:`,
      '    parallel:',
      '      shared: [a, b, s, l, m]',
      '      branches:',
      `        - b${c.n++}:`,
      '            steps:',
      ...indent(one(c), 14),
      `        - b${c.n++}:`,
      '            steps:',
      ...indent(two(c), 14),
    ]),
    fc.tuple(runtimeExpression, tie('step')).map(([list, body]) => (c: Ctx) => [
      `- s${c.n++}:`,
      '    parallel:',
      '      shared: [a, b, s, l, m]',
      '      for:',
      '        value: v',
      `        in: ${q(list)}`,
      '        steps:',
      ...indent(body(c), 10),
    ]),
  ),
})).step;

/**
 * Wraps a step so that the errors it raises are caught and kept in `s`: random expressions fail
 * often, and without this most workflows would end at their first step. Uncatchable errors
 * (resource limits) still end the execution.
 */
function guarded(step: string[], ctx: Ctx): string[] {
  return [
    `- g${ctx.n++}:`,
    '    try:',
    '      steps:',
    ...indent(step, 8),
    '    except:',
    '      as: e',
    '      steps:',
    `        - k${ctx.n++}:`,
    '            assign:',
    '              - s: ${json.encode_to_string(e)}',
  ];
}

/** A small workflow: variables, up to six random steps (some with errors caught), a returned expression, two subworkflows. */
export const generatedWorkflow: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(step, fc.integer({ min: 0, max: 5 }).map((n) => n > 0)), { minLength: 1, maxLength: 6 }), runtimeExpression, runtimeExpression)
  .map(([steps, returned, subBody]) => {
    const ctx: Ctx = { n: 0 };
    return [
      'main:',
      '  steps:',
      '    - init:',
      '        assign:',
      '          - a: 1',
      '          - b: 2',
      '          - m: {"k": [1, 2], "__proto__": "p"}',
      '          - l: [3, "t", {"k": true}]',
      '          - s: "text"',
      ...indent(steps.flatMap(([s, guard]) => (guard ? guarded(s(ctx), ctx) : s(ctx))), 4),
      '    - done:',
      '        try:',
      `          return: ${q(returned)}`,
      '        except:',
      '          as: e',
      '          steps:',
      '            - fallback:',
      '                return: ${[a, b, s, l, m, e]}',
      'sub:',
      '  params: [x]',
      '  steps:',
      '    - r:',
      `        return: ${q(subBody.replace(/\b[ablms]\b(?!")/g, 'x'))}`,
      'rec:',
      '  params: [k]',
      '  steps:',
      '    - again:',
      '        switch:',
      '          - condition: ${k > 0}',
      '            steps:',
      '              - down:',
      '                  call: rec',
      '                  args:',
      '                    k: ${k - 1}',
      '                  result: k',
      '    - back:',
      '        return: ${k}',
      '',
    ].join('\n');
  });
