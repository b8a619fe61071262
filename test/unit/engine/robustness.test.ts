import { strict as assert } from 'assert';
import fc from 'fast-check';
import { run } from './harness';

const KNOWN_TAGS = new Set(['TypeError', 'ValueError', 'KeyError', 'IndexError', 'ZeroDivisionError', 'ResourceLimitError']);

/** Random expressions over literals, variables, operators and non-blocking functions. */
const expression = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('1', '0', '-3', '2.5', '0.0', '"a"', '""', 'true', 'false', 'null', '[1, "b"]', '{"k": 1}', 'm', 'l', 's', 'n'),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '//', '%', '<', '<=', '==', '!=', 'in', 'not in', 'and', 'or'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom('not ', '-'), tie('expr')).map(([op, a]) => `${op}(${a})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a}[${b}]`),
    fc.tuple(tie('expr'), fc.constantFrom('k', 'x', '__proto__')).map(([a, p]) => `${a}.${p}`),
    fc
      .tuple(
        fc.constantFrom('len', 'int', 'double', 'string', 'keys', 'get_type', 'text.to_upper', 'math.abs', 'json.encode_to_string', 'base64.encode'),
        tie('expr'),
      )
      .map(([f, a]) => `${f}(${a})`),
    fc
      .tuple(fc.constantFrom('default', 'list.concat', 'map.get', 'text.split', 'math.max', 'map.merge', 'text.find_all'), tie('expr'), tie('expr'))
      .map(([f, a, b]) => `${f}(${a}, ${b})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `if(${a}, ${b}, ${c})`),
  ),
})).expr;

const prelude = `
- init:
    assign:
      - m: {"k": [1, 2], "x": null}
      - l: [3, "t", {"k": true}]
      - s: "text"
      - n: 9223372036854775807
`;

describe('engine robustness', () => {
  it('answers every random expression with a result or a workflow error, never an internal fault', async () => {
    await fc.assert(
      fc.asyncProperty(expression, async (text) => {
        const r = await run(`${prelude}- r:\n    return: ${JSON.stringify('${' + text + '}')}\n`);
        if (r.outcome.state === 'SUCCEEDED') return;
        assert.equal(r.outcome.state, 'FAILED');
        const error = r.error as { message: string; tags: string[] };
        assert.ok(
          error.tags.every((t) => KNOWN_TAGS.has(t)),
          `${text} → ${r.outcome.error.payload}`,
        );
      }),
      { numRuns: 200, seed: 20261127 },
    );
  });
});
