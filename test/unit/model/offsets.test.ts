import { deepStrictEqual, strictEqual } from 'assert';
import { parseAllDocuments, isMap, isScalar } from 'yaml';
import type { Scalar } from 'yaml';
import { parseWorkflow } from '../../../src/core/model/parse';
import { decodeScalar, type ScalarStyle } from '../../../src/core/model/scalarSource';
import type { ExprValue } from '../../../src/core/model/types';
import { lines } from './helpers';

/** The value returned by the first step of a bare-list workflow, which must be an expression. */
function returned(text: string): ExprValue {
  const workflow = parseWorkflow(text);
  deepStrictEqual(workflow.problems, []);
  const step = workflow.routines[0].steps[0];
  if (step.kind !== 'return' || step.return.kind !== 'expr') throw new Error('expected a returned expression');
  return step.return;
}

/** The document span of the expression's syntax error. */
function errorSpan(expr: ExprValue): { start: number; end: number } {
  if (expr.parsed.ok) throw new Error('expected a syntax error');
  return { start: expr.toDocumentOffset(expr.parsed.error.span.start), end: expr.toDocumentOffset(expr.parsed.error.span.end) };
}

/** The span of the single `*` in the document: every case puts the syntax error there. */
function star(text: string): { start: number; end: number } {
  const i = text.indexOf('*');
  return { start: i, end: i + 1 };
}

describe('model: expression offsets in the document', () => {
  it('maps a plain scalar', () => {
    const text = lines('- s:', '    return: ${a + * b}');
    const expr = returned(text);
    strictEqual(expr.text, 'a + * b');
    deepStrictEqual(errorSpan(expr), star(text));
    strictEqual(expr.toDocumentOffset(0), text.indexOf('a +'));
    strictEqual(expr.toDocumentOffset(expr.text.length), text.indexOf('}'));
  });

  it('maps a plain scalar folded over two lines', () => {
    const text = lines('- s:', '    return: ${a +', '      * b}');
    const expr = returned(text);
    strictEqual(expr.text, 'a + * b');
    deepStrictEqual(errorSpan(expr), star(text));
  });

  it("maps a single-quoted scalar with '' escapes", () => {
    const text = lines('- s:', "    return: '${''it'' + * b}'");
    const expr = returned(text);
    strictEqual(expr.text, "'it' + * b");
    deepStrictEqual(errorSpan(expr), star(text));
    // The first character of the text is the `'` written as `''`.
    strictEqual(expr.toDocumentOffset(0), text.indexOf("''it"));
  });

  it('maps a double-quoted scalar with escapes and line folding', () => {
    const text = lines('- s:', '    return: "${\\"a\\tb\\" +', '      \\u0041 + * b}"');
    const expr = returned(text);
    strictEqual(expr.text, '"a\tb" + A + * b');
    deepStrictEqual(errorSpan(expr), star(text));
    strictEqual(expr.toDocumentOffset(expr.text.indexOf('A')), text.indexOf('\\u0041'));
  });

  it('maps a double-quoted scalar with an escaped line break', () => {
    const text = lines('- s:', '    return: "${a + \\', '        * b}"');
    const expr = returned(text);
    strictEqual(expr.text, 'a + * b');
    deepStrictEqual(errorSpan(expr), star(text));
  });

  it('maps a literal block scalar', () => {
    const text = lines('- s:', '    return: |-', '      ${a +', '        * b}');
    const expr = returned(text);
    strictEqual(expr.text, 'a +\n  * b');
    deepStrictEqual(errorSpan(expr), star(text));
  });

  it('maps a folded block scalar', () => {
    const text = lines('- s:', '    return: >-', '      ${a +', '      * b}');
    const expr = returned(text);
    strictEqual(expr.text, 'a + * b');
    deepStrictEqual(errorSpan(expr), star(text));
  });

  it('maps a block scalar with an explicit indentation indicator', () => {
    const text = lines('- s:', '    return: |2-', '      ${a +', '         * b}');
    const expr = returned(text);
    strictEqual(expr.text, 'a +\n   * b');
    deepStrictEqual(errorSpan(expr), star(text));
  });

  it('maps a JSON string with escapes', () => {
    const text = '[{"s": {"return": "${\\"x\\u0041\\/\\" + * b}"}}]';
    const expr = returned(text);
    strictEqual(expr.text, '"xA/" + * b');
    deepStrictEqual(errorSpan(expr), star(text));
  });

  it('maps an assignment target written as a quoted key', () => {
    const text = lines('- s:', '    assign:', '      - "m[\\"k\\"][* ]": 1');
    const step = parseWorkflow(text).routines[0].steps[0];
    if (step.kind !== 'assign') throw new Error(step.kind);
    const target = step.assign[0].target;
    strictEqual(target.text, 'm["k"][* ]');
    deepStrictEqual(errorSpan(target), star(text));
  });

  it('maps an unquoted expression in a flow list (yaml-flow-expression-compat)', () => {
    const text = lines('- s:', '    return: [1, ${ {"k": [2 * ]} }]');
    const workflow = parseWorkflow(text);
    deepStrictEqual(workflow.problems.map((p) => p.code), ['yaml-flow-expression-compat']);
    const step = workflow.routines[0].steps[0];
    const value = step.kind === 'return' && step.return.kind === 'list' ? step.return.items[1] : undefined;
    if (value?.kind !== 'expr') throw new Error('expected an expression');
    strictEqual(value.text, ' {"k": [2 * ]} ');
    // The parser stops at `]`, right after the `*`.
    deepStrictEqual(errorSpan(value), { start: star(text).start + 2, end: star(text).start + 3 });
  });

  it('maps a value repaired for yaml-indentation-compat from the original text', () => {
    const text = lines('- s:', '    return: \'${"a', '  b" + * c}\'');
    const workflow = parseWorkflow(text);
    deepStrictEqual(workflow.problems.map((p) => p.code), ['yaml-indentation-compat']);
    const step = workflow.routines[0].steps[0];
    if (step.kind !== 'return' || step.return.kind !== 'expr') throw new Error('expected an expression');
    strictEqual(step.return.text, '"a b" + * c');
    deepStrictEqual(errorSpan(step.return), star(text));
  });
});

describe('model: scalar decoding replays YAML exactly', () => {
  const cases: string[] = [
    'v: plain  text  ',
    'v: plain\n  folded\n\n  with empty line',
    "v: 'single ''quoted''\n   folded  \n\n\n   line'",
    'v: "tab\\tnl\\nq\\"\\\\ \\x41\\u00e9\\U0001F600"',
    'v: "trailing   \n   spaces \\\n   escaped break\\  \n   kept"',
    'v: "a\r\n  b"',
    'v: |\n  line 1\n    more\n\n  last\n\n',
    'v: |+\n  keep\n\n',
    'v: |-\n  strip\n\n',
    'v: >\n  folded\n  text\n\n  para\n    indented\n  back\n',
    'v: >+\n  a\n\n',
    'v: >\n\n  leading empty\n',
    '- v: |1\n    one extra\n',
    'v: |\n  # not a comment\n',
  ];
  for (const source of cases) {
    it(`decodes ${JSON.stringify(source)} like the yaml package`, () => {
      const doc = parseAllDocuments(source, { keepSourceTokens: true })[0];
      if (!doc || Array.isArray(doc)) throw new Error('no document');
      deepStrictEqual(doc.errors, []);
      let map = doc.contents;
      if (!isMap(map)) map = (map as unknown as { items: unknown[] }).items[0] as typeof map;
      if (!isMap(map)) throw new Error('expected a map');
      const node = map.items[0].value as Scalar;
      if (!isScalar(node) || !node.range) throw new Error('expected a scalar');
      const token = node.srcToken as { indent?: number } | undefined;
      const decoded = decodeScalar(source, node.range[0], node.range[1], node.type as ScalarStyle, token?.indent ?? 0);
      strictEqual(decoded.value, node.value);
      strictEqual(decoded.offsets.length, decoded.value.length + 1);
      for (let i = 1; i < decoded.offsets.length; i++) {
        if (decoded.offsets[i] < decoded.offsets[i - 1]) throw new Error(`offsets go back at ${i}`);
      }
    });
  }
});
