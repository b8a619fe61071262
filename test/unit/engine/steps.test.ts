import { strict as assert } from 'assert';
import { failure, result, run } from './harness';

describe('engine steps', () => {
  describe('assign', () => {
    it('runs entries in order and later entries see earlier writes', async () => {
      const src = `
- init:
    assign:
      - idx: 0
      - my_list: [1, 2, 3]
      - my_list[idx + 1]: 20
      - m: {}
      - m.a: {}
      - m.a["b c"]: \${my_list}
- done:
    return: \${m}
`;
      assert.deepEqual(await result(src), { a: { 'b c': [1, 20, 3] } });
    });

    it('copies values so that two variables never share a list', async () => {
      const src = `
- s:
    assign:
      - a: [1, 2]
      - b: \${a}
      - b[0]: 99
- r:
    return: \${[a, b]}
`;
      assert.deepEqual(await result(src), [[1, 2], [99, 2]]);
    });

    it('raises KeyError for a missing intermediate map', async () => {
      const src = `
- s:
    assign:
      - m: {}
      - m.a.b: 1
`;
      assert.deepEqual(await failure(src), { message: 'Key "a" not found', tags: ['KeyError'] });
    });

    it('raises IndexError when assigning past the end of a list', async () => {
      const src = `
- s:
    assign:
      - l: [1]
      - l[1]: 2
`;
      assert.deepEqual(await failure(src), { message: 'List index 1 out of range (length 1)', tags: ['IndexError'] });
    });

    it('treats hostile names such as __proto__ and constructor as plain data', async () => {
      const src = `
- s:
    assign:
      - __proto__: 1
      - constructor: {}
      - constructor.toString: 2
      - m: {"__proto__": {"polluted": true}}
      - hasOwnProperty: \${"toString" in constructor}
- r:
    return: \${[__proto__, constructor, m, hasOwnProperty, "toString" in m]}
`;
      assert.deepEqual(await result(src), [1, { toString: 2 }, JSON.parse('{"__proto__": {"polluted": true}}'), true, false]);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  });

  describe('switch and next', () => {
    const src = `
main:
  params: [n]
  steps:
    - classify:
        switch:
          - condition: \${n < 0}
            return: negative
          - condition: \${n == 0}
            next: zero
          - condition: \${n > 100}
            steps:
              - big:
                  assign:
                    - label: big
            next: out
        next: small
    - zero:
        return: zero
    - small:
        assign:
          - label: small
    - out:
        return: \${label}
`;

    it('runs the first true case: inline return, next, steps then next, or the fallback next', async () => {
      assert.equal(await result(src, -5), 'negative');
      assert.equal(await result(src, 0), 'zero');
      assert.equal(await result(src, 500), 'big');
      assert.equal(await result(src, 5), 'small');
    });

    it('raises TypeError for a condition that is not a boolean', async () => {
      const bad = `
- s:
    switch:
      - condition: \${1}
        next: end
`;
      assert.deepEqual(await failure(bad), { message: 'Switch condition must evaluate to a boolean, got: integer', tags: ['TypeError'] });
    });

    it('jumps backwards to loop and stops with next: end returning null', async () => {
      const loop = `
- init:
    assign:
      - i: 0
- inc:
    assign:
      - i: \${i + 1}
- check:
    switch:
      - condition: \${i < 5}
        next: inc
- stop:
    next: end
- never:
    return: unreachable
`;
      assert.equal(await result(loop), null);
    });

    it('jumps into a nested steps block', async () => {
      const nested = `
- first:
    next: inner2
- group:
    steps:
      - inner1:
          return: wrong
      - inner2:
          assign:
            - x: 1
- last:
    return: \${x}
`;
      assert.equal(await result(nested), 1);
    });
  });

  describe('for', () => {
    it('iterates a list with index, and loop-local variables vanish while outer writes persist', async () => {
      const src = `
- init:
    assign:
      - total: 0
      - seen: []
- loop:
    for:
      value: v
      index: i
      in: [10, 20, 30]
      steps:
        - add:
            assign:
              - local: \${v * 2}
              - total: \${total + local}
              - seen: \${list.concat(seen, i)}
- r:
    return: \${[total, seen]}
`;
      assert.deepEqual(await result(src), [120, [0, 1, 2]]);
    });

    it('iterates an inclusive range with expressions, and break/continue work', async () => {
      const src = `
- init:
    assign:
      - out: []
      - hi: 9
- loop:
    for:
      value: n
      range: [1, "\${hi}"]
      steps:
        - skip_odd:
            switch:
              - condition: \${n % 2 == 1}
                next: continue
        - stop:
            switch:
              - condition: \${n > 6}
                next: break
        - keep:
            assign:
              - out: \${list.concat(out, n)}
- r:
    return: \${out}
`;
      assert.deepEqual(await result(src), [2, 4, 6]);
    });

    it('raises TypeError when in is not a list', async () => {
      const src = `
- loop:
    for:
      value: v
      in: \${"abc"}
      steps:
        - s:
            assign:
              - x: 1
`;
      assert.deepEqual(await failure(src), { message: 'The "in" of a for loop must be a list, got: string', tags: ['TypeError'] });
    });

    it('leaves the routine from a return inside the loop', async () => {
      const src = `
- loop:
    for:
      value: v
      in: [1, 2, 3]
      steps:
        - s:
            switch:
              - condition: \${v == 2}
                return: \${v * 100}
- r:
    return: none
`;
      assert.equal(await result(src), 200);
    });
  });

  describe('raise and return', () => {
    it('fails with a raised string as the payload', async () => {
      const r = await run(`
- s:
    raise: "boom"
`);
      assert.equal(r.outcome.state, 'FAILED');
      assert.equal(r.error, 'boom');
    });

    it('fails with a raised map unchanged', async () => {
      assert.deepEqual(await failure(`
- s:
    raise:
      code: 55
      message: custom
`), { code: 55, message: 'custom' });
    });

    it('returns null when main ends without return', async () => {
      assert.equal(await result(`
- s:
    assign:
      - x: 1
`), null);
    });

    it("binds the argument to main's parameter, null when absent", async () => {
      const src = `
main:
  params: [args]
  steps:
    - r:
        return: \${args}
`;
      assert.deepEqual(await result(src, { a: [1, 2.5] }), { a: [1, 2.5] });
      assert.equal(await result(src), null);
    });

    it('fails when the result is bytes', async () => {
      assert.deepEqual(await failure(expr('text.encode("x")')), {
        message: 'bytes cannot be encoded as JSON; convert them with text.decode or base64.encode first',
        tags: ['TypeError'],
      });
    });
  });
});

function expr(text: string): string {
  return `- r:\n    return: ${JSON.stringify('${' + text + '}')}\n`;
}
