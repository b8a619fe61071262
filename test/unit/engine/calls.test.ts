import { strict as assert } from 'assert';
import { failure, result, run } from './harness';

const subworkflows = `
main:
  params: [input]
  steps:
    - named:
        call: greet
        args:
          first: Ada
          last: Lovelace
        result: a
    - defaulted:
        call: greet
        args:
          first: Alan
        result: b
    - r:
        return: \${[a, b, greet("Grace", "Hopper"), greet("Edsger")]}
greet:
  params: [first, last: "Turing", country: "England"]
  steps:
    - r:
        return: \${first + " " + last + " (" + country + ")"}
`;

describe('engine calls', () => {
  it('calls subworkflows with named args, positional args in expressions, and defaults', async () => {
    assert.deepEqual(await result(subworkflows), ['Ada Lovelace (England)', 'Alan Turing (England)', 'Grace Hopper (England)', 'Edsger Turing (England)']);
  });

  it('awaits subworkflow calls inside assignment values and target indexes', async () => {
    const src = `
main:
  steps:
    - s:
        assign:
          - l: [0, 0, 0]
          - l[twice(1)]: \${twice(21)}
          - m: {}
          - m[name_of(7)]: \${twice(twice(1))}
    - r:
        return: \${[l, m]}
twice:
  params: [n]
  steps:
    - r:
        return: \${n * 2}
name_of:
  params: [n]
  steps:
    - r:
        return: \${"k" + n}
`;
    assert.deepEqual(await result(src), [[0, 0, 42], { k7: 4 }]);
  });

  it('rejects a missing required argument and an unknown argument', async () => {
    const missing = `
main:
  steps:
    - c:
        call: sub
        args: {}
sub:
  params: [x]
  steps:
    - r:
        return: \${x}
`;
    assert.deepEqual(await failure(missing), { message: 'Missing argument "x" for subworkflow "sub"', tags: ['TypeError'] });
    const unknown = missing.replace('args: {}', 'args: {x: 1, y: 2}');
    assert.deepEqual(await failure(unknown), { message: 'Subworkflow "sub" has no parameter "y"', tags: ['TypeError'] });
  });

  it('maps named stdlib args through the catalogue and accepts positional lists', async () => {
    const src = `
- a:
    call: text.split
    args:
      source: "a,b"
      separator: ","
    result: named
- b:
    call: text.replace_all
    args: ["xax", "a", "-"]
    result: listed
- r:
    return: \${[named, listed]}
`;
    assert.deepEqual(await result(src), [['a', 'b'], 'x-x']);
  });

  it('rejects an unknown named stdlib argument', async () => {
    const src = `
- a:
    call: text.split
    args:
      source: "a"
      sep: ","
`;
    assert.deepEqual(await failure(src), { message: 'text.split: unexpected argument "sep"; accepted: source, separator', tags: ['TypeError'] });
  });

  it('sends googleapis calls to the host connector with JSON args and decodes the result', async () => {
    const calls: unknown[] = [];
    const src = `
- c:
    call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
    args:
      workflow_id: child
      argument: {n: 3}
    result: r
- out:
    return: \${r.doubled}
`;
    const r = await run(src, undefined, {
      connectors: {
        call: async (name, args) => {
          calls.push([name, args]);
          return { doubled: 6 };
        },
      },
    });
    assert.deepEqual(r.result, 6);
    assert.deepEqual(calls, [['googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run', { workflow_id: 'child', argument: { n: 3 } }]]);
  });

  it('reports failures with a context and stack trace through subworkflow calls', async () => {
    const src = `main:
  steps:
    - first:
        call: inner
inner:
  steps:
    - boom:
        raise: "bad"
`;
    const r = await run(src);
    assert.deepEqual(r.outcome, {
      state: 'FAILED',
      error: {
      payload: '"bad"',
      context: 'bad\nin step "boom", routine "inner", line: 7\nin step "first", routine "main", line: 3',
      stackTrace: [
        { routine: 'inner', step: 'boom', line: 7, column: 7, length: 4 },
        { routine: 'main', step: 'first', line: 3, column: 7, length: 5 },
        ],
      },
    });
  });
});
