import * as assert from 'node:assert/strict';
import { lintText } from '../../../src/core/validate';
import { startEmulator } from '../../../src/emulator';
import type { RunningEmulator } from '../../../src/emulator';
import { NORMAL_WORKFLOW, PARENT, deployOverRest, rest, runOverRest } from './helpers';

/**
 * Hostile workflows against the emulator (virtual clock, default limits): each ends with the
 * documented outcome, nothing leaks into JavaScript's prototypes, and the emulator still runs a
 * normal workflow afterwards.
 */
describe('reliability: hostile workflows', function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  const prototypeNames = {
    object: Object.getOwnPropertyNames(Object.prototype).sort(),
    array: Object.getOwnPropertyNames(Array.prototype).sort(),
    map: Object.getOwnPropertyNames(Map.prototype).sort(),
  };

  before(async () => {
    emu = await startEmulator({ port: 0, clock: 'virtual' });
    await deployOverRest(emu.url, 'normal', NORMAL_WORKFLOW);
  });

  afterEach(async () => {
    const normal = await runOverRest(emu.url, 'normal', '{"x": 21}');
    assert.deepEqual([normal.state, normal.result], ['SUCCEEDED', '42']);
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeNames.object);
    assert.deepEqual(Object.getOwnPropertyNames(Array.prototype).sort(), prototypeNames.array);
    assert.deepEqual(Object.getOwnPropertyNames(Map.prototype).sort(), prototypeNames.map);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  after(async () => {
    await emu.close();
  });

  async function outcome(workflowId: string, source: string, argument?: string): Promise<{ state: unknown; value: unknown }> {
    await deployOverRest(emu.url, workflowId, source);
    const execution = await runOverRest(emu.url, workflowId, argument, 90_000);
    if (execution.state === 'SUCCEEDED') return { state: execution.state, value: JSON.parse(String(execution.result)) };
    return { state: execution.state, value: JSON.parse(String((execution.error as { payload: string }).payload)) };
  }

  it('treats __proto__, constructor, prototype and toString as plain variable names and map keys', async () => {
    const source = `
main:
  params: [args]
  steps:
    - init:
        assign:
          - __proto__: 1
          - constructor: "c"
          - prototype: [1]
          - toString: {"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}
          - m: {}
          - m.__proto__: "x"
          - m["constructor"]: 2
          - m.toString: 3
          - m.prototype: {"valueOf": 4}
    - r:
        return: \${[__proto__, constructor, prototype, toString, m, keys(m), map.get(toString, "__proto__"), "polluted" in toString.__proto__, args, "hasOwnProperty" in m, len(m)]}
`;
    assert.deepEqual(lintText(source).diagnostics, []);
    const argument = '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}';
    assert.deepEqual(await outcome('proto', source, argument), {
      state: 'SUCCEEDED',
      value: [
        1,
        'c',
        [1],
        { ['__proto__']: { polluted: true }, constructor: { prototype: { polluted: true } } },
        { ['__proto__']: 'x', constructor: 2, toString: 3, prototype: { valueOf: 4 } },
        ['__proto__', 'constructor', 'toString', 'prototype'],
        { polluted: true },
        true,
        { ['__proto__']: { polluted: 1 }, constructor: { prototype: { polluted: 1 } } },
        false,
        4,
      ].map((v) => JSON.parse(JSON.stringify(v)) as unknown),
    });
  });

  it('reports 10,000 nested brackets in an expression as a syntax error, and refuses to deploy it', async () => {
    const source = `main:\n  steps:\n    - r:\n        return: \${${'['.repeat(10_000)}${']'.repeat(10_000)}}\n`;
    assert.deepEqual(
      lintText(source).diagnostics.map((d) => [d.code, d.severity, d.message, d.span]),
      [
        ['expression-too-long', 'warning', 'This expression is 20000 characters long; Google Cloud allows at most 400.', { start: 40, end: 20043 }],
        ['expr-syntax', 'error', 'Expression syntax error: the expression is nested too deeply (more than 500 levels)', { start: 292, end: 293 }],
      ],
    );
    const refused = await rest(`${emu.url}/v1/${PARENT}/workflows?workflowId=brackets`, 'POST', { sourceContents: source });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.json, {
      error: {
        code: 400,
        message: 'failed to build: 4:269: Expression syntax error: the expression is nested too deeply (more than 500 levels)',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.BadRequest',
            fieldViolations: [
              {
                field: 'source_contents',
                description: '4:269: expr-syntax: Expression syntax error: the expression is nested too deeply (more than 500 levels)',
              },
            ],
          },
        ],
      },
    });
  });

  it('reports 10,000 nested parentheses the same way', () => {
    const source = `main:\n  steps:\n    - r:\n        return: \${${'('.repeat(10_000)}1${')'.repeat(10_000)}}\n`;
    assert.deepEqual(
      lintText(source).diagnostics.map((d) => [d.code, d.message, d.span]),
      [
        ['expression-too-long', 'This expression is 20001 characters long; Google Cloud allows at most 400.', { start: 40, end: 20044 }],
        ['expr-syntax', 'Expression syntax error: the expression is nested too deeply (more than 500 levels)', { start: 292, end: 293 }],
      ],
    );
  });

  it('reports 10,000 nested YAML flow lists as a YAML syntax error instead of crashing', () => {
    const source = `main:\n  steps:\n    - r:\n        return: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const diagnostics = lintText(source).diagnostics;
    // The yaml package reports the overflow once per bracket it could not enter: how many
    // depends on the stack depth left when lint runs, so only their kind and place are fixed.
    assert.ok(diagnostics.length >= 1, 'no diagnostic');
    assert.deepEqual(
      [...new Set(diagnostics.map((d) => JSON.stringify([d.code, d.severity, d.message])))],
      [JSON.stringify(['yaml-syntax', 'error', 'YAML syntax error: Maximum call stack size exceeded'])],
    );
    for (const d of diagnostics) assert.ok(d.span.start >= 40 && d.span.end <= source.length, JSON.stringify(d.span));
  });

  it('fails a string that outgrows 256 KB with the uncatchable ResourceLimitError', async () => {
    const source = `
main:
  steps:
    - init:
        assign:
          - s: "abcdefgh"
    - grow:
        try:
          assign:
            - s: \${s + s}
        except:
          as: e
          steps:
            - swallowed:
                return: "caught"
    - again:
        next: grow
`;
    assert.deepEqual(await outcome('strings', source), {
      state: 'FAILED',
      value: { message: 'String length 524288 exceeds the limit of 262144 characters', tags: ['ResourceLimitError'] },
    });
  });

  it('ends unbounded recursion with RecursionError at a call depth of 20', async () => {
    const source = `
main:
  steps:
    - r:
        call: f
        args:
          n: 0
        result: x
    - done:
        return: \${x}
f:
  params: [n]
  steps:
    - again:
        call: f
        args:
          n: \${n + 1}
        result: y
    - back:
        return: \${y}
`;
    assert.deepEqual(await outcome('recursion', source), {
      state: 'FAILED',
      value: { message: 'Maximum call stack depth of 20 exceeded when calling "f"', tags: ['RecursionError'] },
    });
  });

  it('ends an infinite loop with ResourceLimitError after 100,000 steps', async () => {
    const source = 'main:\n  steps:\n    - spin:\n        next: spin\n';
    assert.deepEqual(await outcome('spin', source), {
      state: 'FAILED',
      value: { message: 'Maximum number of steps exceeded (100000)', tags: ['ResourceLimitError'] },
    });
  });

  it('ends a fan-out bomb of nested parallel loops over a million items with the step limit', async () => {
    const source = `
main:
  steps:
    - init:
        assign:
          - total: 0
    - outer:
        parallel:
          shared: [total]
          for:
            value: i
            range: [1, 1000000]
            steps:
              - inner:
                  parallel:
                    shared: [total]
                    for:
                      value: j
                      range: [1, 1000000]
                      steps:
                        - add:
                            assign:
                              - total: \${total + 1}
    - done:
        return: \${total}
`;
    assert.deepEqual(await outcome('fanout', source), {
      state: 'FAILED',
      value: { message: 'Maximum number of steps exceeded (100000)', tags: ['ResourceLimitError'] },
    });
  });

  it('refuses a third level of parallel nesting with ParallelNestingError in every branch', async () => {
    const source = `
main:
  steps:
    - a:
        parallel:
          for:
            value: i
            range: [1, 2]
            steps:
              - b:
                  parallel:
                    for:
                      value: j
                      range: [1, 2]
                      steps:
                        - c:
                            parallel:
                              for:
                                value: k
                                range: [1, 2]
                                steps:
                                  - x:
                                      assign:
                                        - y: 1
`;
    assert.deepEqual(
      lintText(source).diagnostics.map((d) => [d.code, d.message]),
      [['parallel-nesting', 'Parallel steps nest at most 2 deep; this one is at depth 3.']],
    );
    const nesting = { message: 'Parallel steps may be nested at most 2 deep', tags: ['ParallelNestingError'] };
    const failed = (error: unknown): unknown => ({
      message: '2 of 2 parallel iterations failed with an unhandled error',
      tags: ['UnhandledBranchError'],
      branches: [
        { id: '0', error },
        { id: '1', error },
      ],
    });
    assert.deepEqual(await outcome('nesting', source), { state: 'FAILED', value: failed(failed(nesting)) });
  });

  it('fails a list that doubles until it outgrows the 512 KB of variable memory with ResourceLimitError', async () => {
    const source = `
main:
  steps:
    - init:
        assign:
          - l: [1, 2, 3, 4, 5, 6, 7, 8]
    - grow:
        assign:
          - l: \${list.concat(l, l)}
    - again:
        next: grow
`;
    assert.deepEqual(await outcome('lists', source), {
      state: 'FAILED',
      value: { message: 'Memory limit exceeded: variables need about 589825 bytes, the limit is 524288', tags: ['ResourceLimitError'] },
    });
  });
});
