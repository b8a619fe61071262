import { strict as assert } from 'assert';
import { expr, failure, result } from './harness';

describe('engine expressions', () => {
  it('evaluates arithmetic with ints, doubles and the + table', async () => {
    assert.deepEqual(await result(expr('[1 + 2, 1 + 2.5, 7 / 2, 7 // 2, -7 % 3, "n" + 1, 1 + "n", 2.5 + "x"]')), [3, 3.5, 3.5, 3, 2, 'n1', '1n', '2.5x']);
  });

  it('returns a double from / even when it divides evenly', async () => {
    assert.equal(await result(expr('get_type(4 / 2)')), 'double');
  });

  it('respects precedence: not, unary minus, multiplicative, additive, comparison, and, or', async () => {
    assert.deepEqual(await result(expr('[1 + 2 * 3, -2 * 3, not false and true, 1 + 1 < 3, true or false and false]')), [7, -6, true, true, true]);
  });

  it('short-circuits and/or so the right side is not evaluated', async () => {
    assert.deepEqual(await result(expr('[false and undefined_var, true or 1 / 0]')), [false, true]);
  });

  it('raises TypeError for non-boolean logical operands', async () => {
    assert.deepEqual(await failure(expr('1 and true')), { message: 'Operator "and" requires a boolean, got: integer', tags: ['TypeError'] });
    assert.deepEqual(await failure(expr('not 1')), { message: 'Operator "not" requires a boolean, got: integer', tags: ['TypeError'] });
  });

  it('gives the documented in-on-null message', async () => {
    assert.deepEqual(await failure(expr('"a" in null')), { message: "The argument of 'in' must be a dict or an array; got: null", tags: ['TypeError'] });
  });

  it('supports in and not in on lists and maps', async () => {
    assert.deepEqual(await result(expr('[2 in [1, 2], "k" in {"k": 1}, 3 not in [1], "z" not in {"z": 0}]')), [true, true, true, false]);
  });

  it('reads members and indexes and raises KeyError, IndexError and TypeError', async () => {
    const src = `
- s:
    assign:
      - m: {"a": {"b": [10, 20]}}
- r:
    return: \${[m.a.b[1], m["a"]["b"][0]]}
`;
    assert.deepEqual(await result(src), [20, 10]);
    const base = `
- s:
    assign:
      - m: {"a": [1]}
`;
    assert.deepEqual(await failure(base + `- r:\n    return: \${m.zz}\n`), { message: 'Key "zz" not found', tags: ['KeyError'] });
    assert.deepEqual(await failure(base + `- r:\n    return: \${m.a[1]}\n`), { message: 'List index 1 out of range (length 1)', tags: ['IndexError'] });
    assert.deepEqual(await failure(base + `- r:\n    return: \${m.a[-1]}\n`), { message: 'List index -1 out of range (length 1)', tags: ['IndexError'] });
    assert.deepEqual(await failure(base + `- r:\n    return: \${m.a.x}\n`), {
      message: 'Cannot read key "x" of a value of type list; only maps have keys',
      tags: ['TypeError'],
    });
    assert.deepEqual(await failure(base + `- r:\n    return: \${m.a["0"]}\n`), { message: 'List index must be an integer, got: string', tags: ['TypeError'] });
  });

  it('raises ZeroDivisionError naming the operand types', async () => {
    assert.deepEqual(await failure(expr('1 // 0')), { message: 'Division by zero: integer // integer', tags: ['ZeroDivisionError'] });
  });

  it('raises ValueError on int64 overflow', async () => {
    assert.deepEqual(await failure(expr('9223372036854775807 + 1')), {
      message: 'Integer overflow: the result 9223372036854775808 does not fit in 64 bits',
      tags: ['ValueError'],
    });
    assert.equal(await result(expr('string(-9223372036854775807 - 1)')), '-9223372036854775808');
  });

  it('keeps big ints exact through JSON', async () => {
    const r = await result(expr('9007199254740993 + 0'));
    assert.equal(r, 9007199254740992);
  });

  it('evaluates map literals with computed keys', async () => {
    assert.deepEqual(await result(expr('{"a" + "b": 1, "c": [true, null]}')), { ab: 1, c: [true, null] });
  });

  it('exposes module constants such as http.default_retry as values', async () => {
    assert.deepEqual(await result(expr('[http.default_retry, retry.default_backoff]')), [
      { predicate: 'http.default_retry_predicate', max_retries: 5, backoff: { initial_delay: 1, max_delay: 60, multiplier: 1.25 } },
      { initial_delay: 1, max_delay: 60, multiplier: 1.25 },
    ]);
  });

  it('refuses blocking functions inside expressions', async () => {
    assert.deepEqual(await failure(expr('sys.sleep(1)')), {
      message: '"sys.sleep" is a blocking function: call it from a call step, not in an expression',
      tags: ['TypeError'],
    });
  });

  it('raises KeyError for an undefined variable', async () => {
    assert.deepEqual(await failure(expr('nope + 1')), { message: 'Variable "nope" is not defined', tags: ['KeyError'] });
  });
});
